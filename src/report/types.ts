import type { Category, Control, OwaspApi2023, Severity } from '../engine/policy';
import type { ProviderId } from '../graph/kinds';

/** Where a finding or an error points, as reporters print it. */
export type ReportLocation = FileLocation | CloudLocation;

export interface FileLocation {
  /** Relative to the working directory, forward slashes (or absolute when on another drive). */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  readonly endLine?: number;
  /** Resource address in the source language, when the line is not known or for context. */
  readonly address?: string;
}

export interface CloudLocation {
  readonly cloud: 'aws' | 'azure';
  /** ARN or Azure resource ID. */
  readonly id: string;
  readonly region?: string;
}

export interface ReportFinding {
  /** `fail`: a policy is violated; `unknown`: it could not be verified (only with `--report-unknown`). */
  readonly status: 'fail' | 'unknown';
  readonly policy: string;
  readonly slug: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly control: Control;
  readonly owasp: readonly OwaspApi2023[];
  readonly message: string;
  readonly resource: { readonly id: string; readonly type: string; readonly name: string; readonly provider: ProviderId };
  readonly location: ReportLocation;
  /** The policy's fix for the resource's provider, when it has one. */
  readonly remediation: string | null;
}

/** Something the tool could not do: an input not read (`input`), or a policy that threw (`policy`). */
export interface ReportError {
  readonly kind: 'input' | 'policy';
  readonly severity: 'error' | 'warning' | 'notice';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  /** For cloud resources and policy errors on live nodes. */
  readonly location?: ReportLocation;
  readonly provider?: ProviderId;
  readonly policy?: string;
}

export interface ReportSummary {
  /** Failed checks by severity (unknown results are counted apart). */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Failed checks. */
  readonly total: number;
  /** Unknown results listed (0 unless `--report-unknown`). */
  readonly unknown: number;
  readonly errors: number;
  readonly warnings: number;
  readonly filesScanned: number;
}

/** What every formatter renders: a view of a ScanResult with paths already made relative and findings sorted. */
export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly findings: readonly ReportFinding[];
  readonly errors: readonly ReportError[];
  readonly summary: ReportSummary;
}

export interface FormatContext {
  /** ANSI colours: the CLI enables them only for a TTY without NO_COLOR. */
  readonly color: boolean;
  /** The CLI's `--fail-on` threshold, so a formatter can say which findings fail the run; `none` fails on nothing. */
  readonly failOn: Severity | 'none';
}

export type FormatName = 'text' | 'json';

/** Pure: renders a report, decides nothing. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
