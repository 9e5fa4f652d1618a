import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { GatewardenConfig } from '../engine/config';
import type { ScanResult } from '../engine/scan-result';
import { UsageError, InternalError, GatewardenError } from '../errors';
import type { LoadResult, ProviderAdapter, ProviderOptions } from '../graph/adapter';
import { checkLoaded, choosePolicies, type CheckOptions } from './check-loaded';
import { discover } from './discover';
import { excludedPaths } from './excluded-paths';
import { phaseTimer, roundMs } from './phase-timer';

/** Files larger than this are not read (10 MiB): generated configuration that large is not hand-written IaC. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Policies, selection, config, baseline and dates as {@link CheckOptions}; the rest says what to read and how. */
export interface ScanWithOptions extends CheckOptions {
  /** Files or directories to scan; default `['.']`. */
  readonly paths?: readonly string[];
  /** Base for relative paths; default the process's working directory. */
  readonly cwd?: string;
  /** Terraform `.tfvars` files applied after the auto-loaded ones, in order. */
  readonly varFiles?: readonly string[];
  /** CloudFormation parameter files (`--cfn-parameters`), in order, later files winning over template defaults. */
  readonly cfnParameterFiles?: readonly string[];
  /** CloudFormation parameter values (`--cfn-parameter Key=Value`); they win over the files. */
  readonly cfnParameters?: Readonly<Record<string, string>>;
  /** Files larger than this many bytes are reported as errors instead of read. Default 10 MiB. */
  readonly maxFileBytes?: number;
  /** Source adapters. Only `kind: 'file'` adapters take part in a scan. */
  readonly providers: readonly ProviderAdapter[];
  /**
   * `.gatewarden.yml`, validated against these policies: selection, severities, options, excluded paths and
   * suppressions. `only` / `skip` given here win over its `policies.enable` / `disable`.
   */
  readonly config?: GatewardenConfig;
  /** Reads standard input when `-` is among the paths; default the process's standard input. */
  readonly readStdin?: () => Promise<string>;
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
  const config = options.config;
  const policies = choosePolicies(options);
  const varFiles = await resolveVarFiles(options.varFiles ?? [], cwd);
  const cfnParameterFiles = await resolveVarFiles(options.cfnParameterFiles ?? [], cwd, '--cfn-parameters');
  const timings: Record<string, number> = {};
  const lap = phaseTimer(timings);

  const discovery = await discover({
    paths: options.paths ?? ['.'], cwd, adapters: options.providers, ...(options.readStdin && { readStdin: options.readStdin }),
    ...(config && config.exclude.length > 0 && { exclude: excludedPaths(config.exclude, config.baseDir) }),
  });
  lap('discover');

  const providerOptions: ProviderOptions = {
    varFiles, maxFileBytes, cwd,
    scanRoots: (options.paths ?? ['.']).filter((given) => given !== '-').map((given) => path.resolve(cwd, given)),
    ...(cfnParameterFiles.length > 0 && { cfnParameterFiles }),
    ...(options.cfnParameters !== undefined && Object.keys(options.cfnParameters).length > 0 && { cfnParameters: options.cfnParameters }),
    ...(discovery.stdin !== undefined && { stdin: discovery.stdin }),
  };
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

  const { results, diagnostics, graph } = checkLoaded(loaded, policies, options, lap);
  timings.total = roundMs(performance.now() - started);

  return {
    results,
    diagnostics: [...discovery.diagnostics, ...diagnostics],
    graph,
    filesScanned: discovery.matched.reduce((n, m) => n + m.files.length, 0),
    timings,
  };
}

/** Input files named on the command line, made absolute; a missing one is a usage error naming its `flag`. */
async function resolveVarFiles(varFiles: readonly string[], cwd: string, flag = '--var-file'): Promise<string[]> {
  const resolved: string[] = [];
  for (const file of varFiles) {
    const absolute = path.resolve(cwd, file);
    const stats = await stat(absolute).catch((error: unknown) => {
      throw new UsageError(`${flag} ${file} cannot be read`, { cause: error });
    });
    if (!stats.isFile()) throw new UsageError(`${flag} ${file} is not a file`);
    resolved.push(absolute);
  }
  return resolved;
}
