import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { AnyPolicy } from '../engine/policy';
import { runPolicies } from '../engine/run';
import type { ScanResult } from '../engine/scan-result';
import { UsageError, InternalError, GatewardenError } from '../errors';
import type { LoadResult, ProviderAdapter, ProviderOptions } from '../graph/adapter';
import { buildGraph } from '../graph/build';
import { discover } from './discover';
import { selectPolicies } from './select-policies';

/** Files larger than this are not read (10 MiB): generated configuration that large is not hand-written IaC. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ScanWithOptions {
  /** Files or directories to scan; default `['.']`. */
  readonly paths?: readonly string[];
  /** Base for relative paths; default the process's working directory. */
  readonly cwd?: string;
  /** Terraform `.tfvars` files applied after the auto-loaded ones, in order. */
  readonly varFiles?: readonly string[];
  /** Files larger than this many bytes are reported as errors instead of read. Default 10 MiB. */
  readonly maxFileBytes?: number;
  /** Policies to choose from. */
  readonly policies: readonly AnyPolicy[];
  /** Run only these policies (ID, alias, `<category>/<slug>` or slug). */
  readonly only?: readonly string[];
  /** Never run these policies. */
  readonly skip?: readonly string[];
  /** Source adapters. Only `kind: 'file'` adapters take part in a scan. */
  readonly providers: readonly ProviderAdapter[];
}

/**
 * Discovers files, loads them through the given providers, builds the graph and runs the given policies. Never
 * executes anything from the scanned files and never uses the network. Input problems are diagnostics in the result;
 * bad options throw a {@link UsageError}. {@link scan} is this with the built-in registries.
 */
export async function scanWith(options: ScanWithOptions): Promise<ScanResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`max file size must be a positive whole number of bytes, got ${maxFileBytes}`);
  const policies = selectPolicies(options.policies, { only: options.only ?? [], skip: options.skip ?? [] });
  const varFiles = await resolveVarFiles(options.varFiles ?? [], cwd);
  const timings: Record<string, number> = {};
  const lap = timer(timings);

  const discovery = await discover({ paths: options.paths ?? ['.'], cwd, adapters: options.providers });
  lap('discover');

  const providerOptions: ProviderOptions = { varFiles, maxFileBytes, cwd };
  const loaded: LoadResult[] = [];
  for (const { adapter, files } of discovery.matched) {
    try {
      loaded.push(await adapter.load({ files, options: providerOptions }));
    } catch (error) {
      if (error instanceof GatewardenError) throw error;
      // Adapters report bad input as diagnostics; a throw is a bug in gatewarden.
      throw new InternalError(`the ${adapter.id} provider failed`, { cause: error });
    }
  }
  lap('load');

  const { graph, diagnostics } = buildGraph(loaded);
  lap('graph');

  const results = runPolicies(graph, policies);
  lap('policies');
  timings.total = round(performance.now() - started);

  return {
    results,
    diagnostics: [...discovery.diagnostics, ...diagnostics],
    graph,
    filesScanned: discovery.matched.reduce((n, m) => n + m.files.length, 0),
    timings,
  };
}

async function resolveVarFiles(varFiles: readonly string[], cwd: string): Promise<string[]> {
  const resolved: string[] = [];
  for (const file of varFiles) {
    const absolute = path.resolve(cwd, file);
    const stats = await stat(absolute).catch((error: unknown) => {
      throw new UsageError(`--var-file ${file} cannot be read`, { cause: error });
    });
    if (!stats.isFile()) throw new UsageError(`--var-file ${file} is not a file`);
    resolved.push(absolute);
  }
  return resolved;
}

function timer(timings: Record<string, number>): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    timings[phase] = round(now - last);
    last = now;
  };
}

/** Milliseconds, to a tenth. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
