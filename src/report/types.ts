import type { Category, Control, OwaspApi2023, Severity } from '../engine/policy';
import type { Suppression } from '../engine/run';
import type { ProviderId } from '../graph/kinds';
import type { ApiExposure } from './exposure-model';

/** Where a finding or an error points, as reporters print it. */
export type ReportLocation = FileLocation | CloudLocation;

export interface FileLocation {
  /** Relative to the working directory, forward slashes (or absolute when on another drive). */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  readonly endLine?: number;
  /** 1-based, in UTF-16 code units: for a resource located in a plan file, which Terraform writes on one line. */
  readonly column?: number;
  /** Resource address in the source language, when the line is not known or for context. */
  readonly address?: string;
}

export interface CloudLocation {
  readonly cloud: 'aws' | 'azure';
  /** ARN or Azure resource ID. */
  readonly id: string;
  readonly region?: string;
  /** AWS account or Azure subscription. */
  readonly account?: string;
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
  /** Policy, resource id and finding key hashed, never lines: the same across runs when code moves (src/engine/fingerprint.ts). */
  readonly fingerprint: string;
  /** Set when the finding was accepted (inline comment, config entry, baseline): shown as suppressed, never fails the build. */
  readonly suppression?: ReportSuppression;
}

/** The engine's suppression without where it is written (reports show why and until when, not the comment's place). */
export type ReportSuppression = Pick<Suppression, 'kind' | 'reason' | 'expires'>;

/** A policy that ran, with the metadata reports that describe rules need (SARIF `rules`, JUnit suites, help text). */
export interface ReportRule {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly control: Control;
  readonly owasp: readonly OwaspApi2023[];
  readonly rationale: string;
  /** Copy-pasteable fix per source kind. */
  readonly remediation: Readonly<Partial<Record<ProviderId, string>>>;
  readonly references: readonly string[];
  /** GitHub's heading anchor of the policy in docs/policies.md. */
  readonly docsAnchor: string;
}

/** One policy checked against one resource (whatever the outcome): JUnit's test cases. */
export interface ReportCheck {
  readonly policy: string;
  readonly resource: ReportFinding['resource'];
  readonly location: ReportLocation;
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
  /** Live audits: the API call that failed, e.g. `apigateway:GetStages`. */
  readonly operation?: string;
}

export interface ReportSummary {
  /** Failed checks by severity (unknown and suppressed results are counted apart). */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Failed checks, not counting suppressed ones. */
  readonly total: number;
  /** Failed checks accepted by an inline comment, the config or the baseline. */
  readonly suppressed: number;
  /** Unknown results listed (0 unless `--report-unknown`). */
  readonly unknown: number;
  readonly errors: number;
  readonly warnings: number;
  readonly filesScanned: number;
  /** Live audits: what was read instead of files. */
  readonly audited?: ReportAudited;
}

/** The accounts (AWS accounts, Azure subscriptions) and regions a live audit read, and the APIs it found there. */
export interface ReportAudited {
  readonly cloud: 'aws' | 'azure';
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly apis: number;
}

/** What every formatter renders: a view of a ScanResult with paths already made relative and findings sorted. */
export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly findings: readonly ReportFinding[];
  readonly errors: readonly ReportError[];
  readonly summary: ReportSummary;
  /** Policies that ran on at least one resource, sorted by id. */
  readonly rules: readonly ReportRule[];
  /** Every (policy, resource) pair evaluated, sorted by policy then resource id. */
  readonly checks: readonly ReportCheck[];
  /** How each API is reached from the internet, with the nodes that have findings marked. */
  readonly exposure: readonly ApiExposure[];
}

export interface FormatContext {
  /** ANSI colours: the CLI enables them only for a TTY without NO_COLOR. */
  readonly color: boolean;
  /** The CLI's `--fail-on` threshold, so a formatter can say which findings fail the run; `none` fails on nothing. */
  readonly failOn: Severity | 'none';
}

export type FormatName = 'text' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown';

/** Pure: renders a report, decides nothing. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
