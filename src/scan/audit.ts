import type { ScanResult } from '../engine/scan-result';
import { GatewardenError, InternalError } from '../errors';
import type { LoadResult, ProviderAdapter } from '../graph/adapter';
import { checkLoaded, choosePolicies, type CheckOptions } from './check-loaded';
import { phaseTimer, roundMs } from './phase-timer';

export interface AuditOptions extends CheckOptions {
  /** A live provider (`kind: 'live'`), already configured with what to read. */
  readonly provider: ProviderAdapter;
}

/**
 * Reads a live account through a live provider and runs the policies over it, exactly as {@link scanWith} does
 * for files: same graph, policies, severities and suppressions. What could not be read is in the diagnostics.
 */
export async function audit(options: AuditOptions): Promise<ScanResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = phaseTimer(timings);
  const chosen = choosePolicies(options);
  let loaded: LoadResult;
  try {
    loaded = await options.provider.load({ files: [], options: {} });
  } catch (error) {
    if (error instanceof GatewardenError) throw error;
    // Live providers report what they could not read as diagnostics; a throw is a bug in gatewarden.
    throw new InternalError(`the ${options.provider.id} provider failed`, { cause: error });
  }
  lap('load');
  const { results, diagnostics, graph } = checkLoaded([loaded], chosen, options, lap);
  timings.total = roundMs(performance.now() - started);
  return { results, diagnostics, graph, filesScanned: 0, timings, ...(loaded.audited && { audited: loaded.audited }) };
}
