import type { Diagnostic } from './diagnostic';
import type { AnyNode, Edge, ProviderId } from './kinds';

export interface ProviderOptions {
  /** Terraform: extra `.tfvars` files (`--var-file`), applied after terraform.tfvars and *.auto.tfvars. */
  readonly varFiles?: readonly string[];
  /**
   * CloudFormation: files of parameter values that replace template defaults (`--cfn-parameters FILE`), in order,
   * later files winning. JSON or YAML: the CLI's `[{"ParameterKey", "ParameterValue"}]`, a CodePipeline template
   * configuration `{"Parameters": {...}}`, a flat `{"Key": "value"}` mapping, or `["Key=value", ...]`.
   */
  readonly cfnParameterFiles?: readonly string[];
  /** CloudFormation: parameter values given directly (`--cfn-parameter Key=value`); they win over the files. */
  readonly cfnParameters?: Readonly<Record<string, string>>;
  /** Largest input file read, in bytes; larger files become error diagnostics. */
  readonly maxFileBytes?: number;
  /** The directory paths are shown relative to; node ids that embed a path use it too. Defaults to the process's. */
  readonly cwd?: string;
  /** The text of standard input when `-` was scanned; it is offered to adapters as the file {@link STDIN_FILE}. */
  readonly stdin?: string;
  /**
   * The paths given to scan, absolute. Beyond the files matched, what a scanned file names (Terraform's `file()`) is
   * read only from inside these (and the file's own module), never from elsewhere on the machine.
   */
  readonly scanRoots?: readonly string[];
}

/** The file name standard input gets (`gatewarden scan -`, for `helm template` or `kustomize build` output). */
export const STDIN_FILE = '<stdin>';

export interface LoadRequest {
  /** Absolute paths of the files this adapter matched during discovery, sorted. */
  readonly files: readonly string[];
  readonly options: ProviderOptions;
}

export interface LoadResult {
  readonly nodes: readonly AnyNode[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
  /** `gatewarden:ignore` comments found in the sources; the engine applies them to findings. */
  readonly suppressions?: readonly InlineSuppression[];
  /** Live providers: what was read, for reports to say (no files are scanned in an audit). */
  readonly audited?: AuditedScope;
}

/** What a live audit covered: the accounts (AWS accounts, Azure subscriptions) and regions read, and the APIs found. */
export interface AuditedScope {
  readonly cloud: 'aws' | 'azure';
  /** Sorted. Accounts whose credentials or role failed are not here (they are errors). */
  readonly accounts: readonly string[];
  /** Sorted. Regions skipped (not enabled for the account) are not here. */
  readonly regions: readonly string[];
  /** APIs found, all kinds. */
  readonly apis: number;
}

/**
 * A `# gatewarden:ignore GW-XXX-NNN reason [exp:YYYY-MM-DD]` comment. It applies to a finding whose node (or
 * location) is in `appliesTo`: the resource block the comment is in or directly above.
 */
export interface InlineSuppression {
  /** As written: an ID, a former ID, `<category>/<slug>` or a slug. */
  readonly policy: string;
  readonly reason: string;
  /** YYYY-MM-DD, as written (validated by the engine). */
  readonly expires?: string;
  /** Absolute path and 1-based line of the comment. */
  readonly file: string;
  readonly line: number;
  readonly appliesTo: { readonly file: string; readonly fromLine: number; readonly toLine: number };
}

/**
 * A source format turned into graph nodes. Adapters know nothing about policies.
 * Bad input files are diagnostics in the result, never throws; a throw is a programmer error.
 */
export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly description: string;
  readonly kind: 'file' | 'live';
  /** Cheap sniff by path and first bytes; must not throw. */
  matches?(file: { readonly path: string; readonly head: string }): boolean;
  load(request: LoadRequest): Promise<LoadResult>;
}
