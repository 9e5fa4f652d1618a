import { z } from 'zod';
import { UsageError } from '../errors';
import { fingerprint } from './fingerprint';
import type { PolicyResult } from './run';

/** The baseline format this version writes and reads; a newer one is refused rather than misread. */
export const BASELINE_VERSION = 1;

/** `--write-baseline`: the findings accepted at one point in time, by line-independent fingerprint. */
export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO timestamp. */
  readonly created: string;
  readonly findings: readonly BaselineEntry[];
}

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly policy: string;
  /** Node id. */
  readonly resource: string;
  readonly message: string;
}

const entrySchema = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/), policy: z.string(), resource: z.string(), message: z.string() });
const baselineSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }).optional(),
  created: z.string().optional(),
  findings: z.array(entrySchema),
});

/**
 * The baseline of a scan's failing results, except those already accepted inline or in the config (which say why
 * themselves). Sorted by policy, resource and fingerprint, one entry per fingerprint, so that it diffs well.
 */
export function createBaseline(results: readonly PolicyResult[], tool: Baseline['tool'], created: Date): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const r of results) {
    if (r.status !== 'fail' || (r.suppression !== undefined && r.suppression.kind !== 'baseline')) continue;
    const id = fingerprint(r);
    if (!entries.has(id)) entries.set(id, { fingerprint: id, policy: r.policy.id, resource: r.node.id, message: r.message });
  }
  const findings = [...entries.values()].sort((a, b) => compare(a.policy, b.policy) || compare(a.resource, b.resource) || compare(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: { name: tool.name, version: tool.version }, created: created.toISOString(), findings };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** The fingerprints of a baseline file's text; `label` names the file in the one-line error for bad input. */
export function parseBaseline(text: string, label: string): ReadonlySet<string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${label} is not valid JSON`, { cause: error });
  }
  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (typeof version === 'number' && version > BASELINE_VERSION) {
    throw new UsageError(`baseline ${label} has format version ${version}, newer than this gatewarden reads (${BASELINE_VERSION}); upgrade gatewarden or write the baseline again`);
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new UsageError(`baseline ${label} is not a gatewarden baseline${where}: ${issue?.message ?? 'invalid'}`);
  }
  return new Set(parsed.data.findings.map((f) => f.fingerprint));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
