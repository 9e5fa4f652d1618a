import type { AuditedScope } from '../graph/adapter';
import type { Diagnostic } from '../graph/diagnostic';
import type { ReadonlyGraph } from '../graph/graph';
import type { PolicyResult } from './run';

/** Everything one scan produced; reporters turn it into text, JSON, SARIF... and decide nothing. */
export interface ScanResult {
  readonly results: readonly PolicyResult[];
  /** Inputs that could not be read, or were read only in part. */
  readonly diagnostics: readonly Diagnostic[];
  readonly graph: ReadonlyGraph;
  /** Files read, per provider. */
  readonly filesScanned: number;
  /** Live audits: the accounts, regions and APIs read, in place of files. */
  readonly audited?: AuditedScope;
  readonly timings: Readonly<Record<string, number>>;
}
