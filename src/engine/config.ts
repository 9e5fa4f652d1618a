import { dirname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors';
import { CATEGORIES } from './controls';
import { SEVERITIES, type AnyPolicy, type Category, type Severity } from './policy';
import { didYouMean, findPolicy, levenshtein } from './policy-ref';
import { parsePolicyOptions } from './run';

/** Shortest reason a suppression may give: a few words that say why (cdk-nag's floor). */
export const MIN_SUPPRESSION_REASON = 10;

/** `.gatewarden.yml`, after validation: policy names resolved to IDs, options parsed by each policy's schema. */
export interface GatewardenConfig {
  /** Absolute path of the file it was read from. */
  readonly file?: string;
  /** `exclude` patterns are relative to this directory (the config file's). */
  readonly baseDir: string;
  /** Policy IDs to run; empty: all. */
  readonly enable: readonly string[];
  /** Policy IDs never run. */
  readonly disable: readonly string[];
  readonly disabledCategories: readonly Category[];
  /** Severity per policy ID, replacing the policy's own for every finding. */
  readonly severity: ReadonlyMap<string, Severity>;
  /** Options per policy ID, as the policy's schema parsed them. */
  readonly options: ReadonlyMap<string, unknown>;
  /** gitignore patterns of paths not scanned. */
  readonly exclude: readonly string[];
  readonly suppressions: readonly ConfigSuppression[];
}

export interface ConfigSuppression {
  /** Policy ID. */
  readonly policy: string;
  /** Glob on node ids: `*` within a path segment (not `/` or `:`), `**` across them, `?` one character. */
  readonly resource: string;
  readonly reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  readonly expires?: string;
  /** Where the entry is written. */
  readonly file?: string;
  readonly line?: number;
}

/** A YAML reader that also gives the line of each key (the CLI injects providers/yaml's; src/ imports no YAML library). */
export type YamlDocumentParser = (text: string, options: { readonly filename: string }) =>
  | { readonly ok: true; readonly value: unknown; readonly lines: { at(path: readonly (string | number)[]): { readonly line: number } | undefined } }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a valid date');

const policyList = z.array(z.string().min(1));

export const configSchema = z.strictObject({
  policies: z.strictObject({
    enable: policyList.optional().describe('Run only these policies (IDs, former IDs, slugs or <category>/<slug>)'),
    disable: policyList.optional().describe('Never run these policies'),
  }).optional(),
  categories: z.strictObject({
    disable: z.array(z.enum(CATEGORIES as [Category, ...Category[]])).optional().describe('Never run policies of these categories'),
  }).optional(),
  severity: z.record(z.string(), z.enum(SEVERITIES as [Severity, ...Severity[]])).optional().describe('Severity per policy, replacing its own'),
  options: z.record(z.string(), z.unknown()).optional().describe('Options per policy, as each policy documents them'),
  exclude: z.array(z.string().min(1)).optional().describe('Paths not scanned, gitignore syntax, relative to the config file'),
  suppressions: z.array(z.strictObject({
    policy: z.string().min(1),
    resource: z.string().min(1).describe('Glob on resource ids, e.g. terraform:envs/*:aws_api_gateway_stage.*'),
    reason: z.string().trim().min(MIN_SUPPRESSION_REASON, `say why the risk is accepted (at least ${MIN_SUPPRESSION_REASON} characters)`),
    expires: isoDate.optional().describe('Last day the suppression applies (YYYY-MM-DD)'),
  })).optional(),
});

const KNOWN_KEYS = ['policies', 'categories', 'severity', 'options', 'exclude', 'suppressions', 'enable', 'disable', 'policy', 'resource', 'reason', 'expires'];

export interface ParseConfigRequest {
  readonly text: string;
  /** Absolute path of the file. */
  readonly file: string;
  /** How the file is named in error messages (relative to the working directory). */
  readonly displayPath: string;
  readonly parseYaml: YamlDocumentParser;
  /** Every policy the config may name. */
  readonly policies: readonly AnyPolicy[];
}

/**
 * Validates a config file's text. Problems are a {@link ConfigError} naming the file, the line and the key
 * (`.gatewarden.yml:7: severity.GW-TLS-01: unknown policy (did you mean GW-TLS-001?)`).
 */
export function parseConfig(request: ParseConfigRequest): GatewardenConfig {
  const { file, displayPath, policies } = request;
  // A file of comments only (a fresh config) holds no YAML document at all: it is an empty config.
  const empty = request.text.split(/\r?\n/).every((l) => l.trim() === '' || l.trim().startsWith('#'));
  const parsed = request.parseYaml(empty ? '{}' : request.text, { filename: file });
  if (!parsed.ok) throw new ConfigError(`${displayPath}${parsed.line !== undefined ? `:${parsed.line}` : ''}: not valid YAML: ${parsed.reason}`);
  const lineOf = (path: readonly (string | number)[]): number | undefined => parsed.lines.at(path)?.line;
  const fail = (path: readonly (string | number)[], message: string): never => {
    const line = lineOf(path);
    const key = keyPath(path);
    throw new ConfigError(`${displayPath}${line !== undefined ? `:${line}` : ''}: ${key === '' ? '' : `${key}: `}${message}`);
  };

  const value = parsed.value ?? {};
  const checked = configSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    if (issue === undefined) return fail([], 'invalid configuration');
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const near = KNOWN_KEYS.find((k) => levenshtein(k, key.toLowerCase()) <= 2);
      return fail([...path, key], `unknown key${near !== undefined ? ` (did you mean "${near}"?)` : ''}`);
    }
    return fail(path, issue.message);
  }
  const config = checked.data;

  const resolve = (ref: string, path: readonly (string | number)[]): string => {
    const policy = findPolicy(policies, ref);
    if (!policy) return fail(path, `unknown policy "${ref}"${didYouMean(policies, ref)}`);
    return policy.id;
  };
  const enable = (config.policies?.enable ?? []).map((ref, i) => resolve(ref, ['policies', 'enable', i]));
  const disable = (config.policies?.disable ?? []).map((ref, i) => resolve(ref, ['policies', 'disable', i]));
  const severity = new Map<string, Severity>();
  for (const [ref, level] of Object.entries(config.severity ?? {})) severity.set(resolve(ref, ['severity', ref]), level);
  const options = new Map<string, unknown>();
  for (const [ref, input] of Object.entries(config.options ?? {})) {
    const id = resolve(ref, ['options', ref]);
    const policy = policies.find((p) => p.id === id);
    if (policy === undefined) continue;
    const result = parsePolicyOptions(policy, input ?? {});
    if (!result.ok) {
      const issue = result.issues[0];
      const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
      return fail(['options', ref, ...path], issue?.message ?? 'invalid options');
    }
    options.set(id, result.value);
  }
  const suppressions = (config.suppressions ?? []).map((s, i): ConfigSuppression => {
    const line = lineOf(['suppressions', i]);
    return {
      policy: resolve(s.policy, ['suppressions', i, 'policy']),
      resource: s.resource,
      reason: s.reason,
      ...(s.expires !== undefined && { expires: s.expires }),
      file,
      ...(line !== undefined && { line }),
    };
  });
  return {
    file,
    baseDir: dirname(file),
    enable,
    disable,
    disabledCategories: config.categories?.disable ?? [],
    severity,
    options,
    exclude: config.exclude ?? [],
    suppressions,
  };
}

/** `suppressions[0].reason`, `options.GW-TLS-001.minimumVersion`. */
function keyPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

