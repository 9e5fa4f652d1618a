import type { ProviderId } from './kinds';

/**
 * Something an adapter or the scanner could not do with an input. `error` means input was not read
 * (the run exits 2); `warning` and `notice` say what was approximated or skipped on purpose.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'notice';
  readonly message: string;
  /** Absolute path of the input concerned. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  readonly provider?: ProviderId;
  /** For live audits: where the call that failed was made. */
  readonly cloud?: CloudContext;
}

/** The account, region and API operation of a live read that failed or was skipped. */
export interface CloudContext {
  readonly provider: 'aws' | 'azure';
  readonly account?: string;
  readonly region?: string;
  /** e.g. `apigateway:GetStages`. */
  readonly operation?: string;
  /** ARN or resource id of what was being read, when there is one. */
  readonly resource?: string;
}
