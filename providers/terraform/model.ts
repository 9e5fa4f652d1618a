import type { FileSource } from '../../src/graph/source';

/**
 * The evaluated Terraform configuration handed from the HCL reader (parse + evaluate) to the adapters.
 * The terraform-plan provider produces the same shapes, so adapters serve both.
 */

/** A value that cannot be known statically: `var.x` without default, `aws_x.y.id`, an unsupported function... */
export interface TfUnknown {
  readonly unknown: true;
  /** Source text of the expression that could not be resolved, for messages. */
  readonly expr: string;
  /**
   * Known to be a non-null, non-empty string once applied, though its text is not known: a resource's `id` or `arn`.
   * Comparing it with `null` or `""` has a known answer (the `var.log_arn != null ? [1] : []` pattern of modules).
   */
  readonly nonEmptyString?: true;
  /** Computed by the provider at apply time (a plan's `after_unknown`), not a choice the configuration leaves open. */
  readonly afterApply?: true;
  /**
   * What the value is known to be although it is unknown: for `jsonencode(...)` / `yamlencode(...)` of a value with
   * unknown parts, that value; for a template (string, heredoc, `templatefile`) whose interpolations are unknown, its
   * text with each of them written as in the template (`${aws_lambda_function.x.invoke_arn}`). A reader of the
   * document (an OpenAPI `body`, APIM policy XML) can still read its known structure.
   */
  readonly encoded?: TfValue;
}

export type TfValue = string | number | boolean | null | readonly TfValue[] | { readonly [key: string]: TfValue } | TfUnknown;

export interface TfAttribute {
  readonly value: TfValue;
  /**
   * Resource addresses the expression refers to, whether or not its value is known,
   * e.g. `aws_api_gateway_rest_api.api` or `module.api.aws_api_gateway_stage.this["prod"]`.
   * References into a module output resolve to the module's resources. These become graph edges.
   */
  readonly refs: readonly string[];
  /** Location of the attribute (its first line) */
  readonly source: FileSource;
  /**
   * Plans: the root variables without a default that the value comes from, given when Terraform ran (`-var`,
   * `TF_VAR_`, a CI secret): the value is in the plan but not written in the code.
   */
  readonly inputs?: readonly string[];
  /**
   * Where the value is written when the expression only passes it on (`value = var.key`, the variable given by a
   * .tfvars file, its default or a module argument written as a literal): where a secret in it is to be found.
   */
  readonly valueSource?: FileSource;
  /** The file whose whole text the value is (`file("policy.xml")`): lines in the value are that file's lines. */
  readonly valueFile?: string;
}

/** A block body: attributes and nested blocks (`access_log_settings { ... }`, expanded `dynamic` blocks). */
export interface TfBody {
  readonly attributes: Readonly<Record<string, TfAttribute>>;
  /**
   * The attribute `name`, as `attributes[name]`, from a body that converts its attributes when they are read (a plan
   * resource's): without `attributes` being made whole. Read through `attribute` in read-attr.ts.
   */
  attribute?(name: string): TfAttribute | undefined;
  /** `blocks[name]` and `unknownBlocks.includes(name)`, from a body that converts them when read (read-attr.ts reads them so). */
  blocksNamed?(name: string): readonly TfBody[] | undefined;
  isUnknownBlock?(name: string): boolean;
  /** Why nested blocks `name` (one of `unknownBlocks`) are not known; without it, a `dynamic` block's `for_each` is unknown. */
  describeUnknownBlock?(name: string): string;
  readonly blocks: Readonly<Record<string, readonly TfBody[]>>;
  /** Names of `dynamic` blocks whose `for_each` is unknown: their content cannot be listed. */
  readonly unknownBlocks: readonly string[];
  readonly source: FileSource;
}

/**
 * The body with other attributes (`raw` without secrets): its blocks and source kept, whatever kind of body it is.
 * A plain record: a plan body's attribute-by-name reading is not carried over.
 */
export function withAttributes(body: TfBody, attributes: Readonly<Record<string, TfAttribute>>): TfBody {
  return { attributes, blocks: body.blocks, unknownBlocks: body.unknownBlocks, source: body.source };
}

/** The attribute with its value replaced, refs and source kept (an attribute may compute its refs when read); `inputs` are not. */
export function withValue(attribute: TfAttribute, value: TfValue): TfAttribute {
  return { value, refs: attribute.refs, source: attribute.source };
}

export interface TfResource {
  readonly mode: 'managed' | 'data';
  /** e.g. `aws_api_gateway_stage`. */
  readonly type: string;
  /** The block label, e.g. `prod`. */
  readonly name: string;
  /**
   * Full address: module path + type.name + instance key, as Terraform prints it:
   * `module.api.aws_api_gateway_stage.this["prod"]`, `aws_api_gateway_method.m[0]`.
   */
  readonly address: string;
  /** `module.api` (nested: `module.a.module.b`); empty at the root. */
  readonly modulePath: string;
  /** Instance key from count / for_each; `undefined` for single resources; `unknown` when count/for_each is unknown. */
  readonly instanceKey?: string | number | TfUnknown;
  readonly body: TfBody;
  /** The resource block: file, first line, end line, address. */
  readonly source: FileSource;
}

export function isUnknown(value: TfValue | undefined): value is TfUnknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { unknown?: unknown }).unknown === true;
}
