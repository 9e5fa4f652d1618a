import type { Diagnostic } from './diagnostic';
import type { AnyNode, Edge, ProviderId } from './kinds';

export interface ProviderOptions {
  /** Terraform: extra `.tfvars` files (`--var-file`), applied after terraform.tfvars and *.auto.tfvars. */
  readonly varFiles?: readonly string[];
  /** Largest input file read, in bytes; larger files become error diagnostics. */
  readonly maxFileBytes?: number;
  /** The directory paths are shown relative to; node ids that embed a path use it too. Defaults to the process's. */
  readonly cwd?: string;
}

export interface LoadRequest {
  /** Absolute paths of the files this adapter matched during discovery, sorted. */
  readonly files: readonly string[];
  readonly options: ProviderOptions;
}

export interface LoadResult {
  readonly nodes: readonly AnyNode[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
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
