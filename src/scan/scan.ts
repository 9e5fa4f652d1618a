import type { ScanResult } from '../engine/scan-result';
import { builtinPolicies } from '../../policies';
import { builtinProviders } from '../../providers';
import { scanWith, type ScanWithOptions } from './scan-with';

/** Options of {@link scan}: those of {@link scanWith}, with the built-in policies and providers by default. */
export type ScanOptions = Partial<ScanWithOptions>;

/** {@link scanWith} over the built-in providers and policies unless others are given. */
export function scan(options: ScanOptions = {}): Promise<ScanResult> {
  return scanWith({ ...options, policies: options.policies ?? builtinPolicies, providers: options.providers ?? builtinProviders });
}
