import { fileSource, type FileSource } from '../../src/graph/source';
import { adaptTerraform } from '../../providers/terraform/adapt';
import type { TfAttribute, TfBody, TfResource, TfUnknown, TfValue } from '../../providers/terraform/model';

/**
 * Builds evaluated Terraform resources (providers/terraform/model.ts) for adapter unit tests, as the HCL reader
 * would hand them over. Attributes get consecutive line numbers so tests can check where a finding points.
 *
 *   tf.resource('aws_api_gateway_stage', 'prod', {
 *     rest_api_id: tf.ref('aws_api_gateway_rest_api.api'),          // unknown value, recorded ref
 *     stage_name: 'prod',
 *     access_log_settings: tf.block({ destination_arn: 'arn:...' }),
 *   })
 */

export const TEST_FILE = '/test/main.tf';

class RefSpec {
  readonly refs: readonly string[];
  readonly value: TfValue;
  constructor(refs: readonly string[], value: TfValue) {
    this.refs = refs;
    this.value = value;
  }
}
class BlockSpec {
  readonly fields: Fields;
  constructor(fields: Fields) {
    this.fields = fields;
  }
}
class DynamicSpec {
  readonly dynamic = true;
}

type FieldSpec = TfValue | RefSpec | BlockSpec | readonly BlockSpec[] | DynamicSpec;
export type Fields = Readonly<Record<string, FieldSpec>>;

export interface ResourceOptions {
  /** Instance key as Terraform prints it in the address, e.g. `0` or `"eu"`. */
  readonly key?: string | number;
  /** `module.api`. */
  readonly module?: string;
  readonly mode?: 'managed' | 'data';
  readonly file?: string;
}

let nextLine = 1;

function sourceAt(file: string, line: number, address: string, endLine?: number): FileSource {
  return fileSource(file, line, endLine, address);
}

function toBody(fields: Fields, file: string, address: string): TfBody {
  const start = nextLine++;
  const attributes: Record<string, TfAttribute> = {};
  const blocks: Record<string, TfBody[]> = {};
  const unknownBlocks: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    if (spec instanceof DynamicSpec) unknownBlocks.push(name);
    else if (spec instanceof BlockSpec) blocks[name] = [toBody(spec.fields, file, address)];
    else if (Array.isArray(spec) && spec.length > 0 && spec.every((s) => s instanceof BlockSpec)) {
      blocks[name] = (spec as readonly BlockSpec[]).map((b) => toBody(b.fields, file, address));
    } else if (spec instanceof RefSpec) {
      attributes[name] = { value: spec.value, refs: spec.refs, source: sourceAt(file, nextLine++, address) };
    } else {
      attributes[name] = { value: spec as TfValue, refs: [], source: sourceAt(file, nextLine++, address) };
    }
  }
  return { attributes, blocks, unknownBlocks, source: sourceAt(file, start, address, nextLine++) };
}

export const tf = {
  /** A resource block; the address is built like Terraform's: `module.m.type.name["key"]`. */
  resource(type: string, name: string, fields: Fields = {}, options: ResourceOptions = {}): TfResource {
    const mode = options.mode ?? 'managed';
    const key = options.key === undefined ? '' : `[${typeof options.key === 'number' ? options.key : JSON.stringify(options.key)}]`;
    const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}${key}`;
    const address = options.module ? `${options.module}.${local}` : local;
    const file = options.file ?? TEST_FILE;
    const line = nextLine;
    const body = toBody(fields, file, address);
    return {
      mode,
      type,
      name,
      address,
      modulePath: options.module ?? '',
      ...(options.key !== undefined && { instanceKey: options.key }),
      body,
      source: sourceAt(file, line, address, body.source.endLine),
    };
  },
  /**
   * An expression referring to resources: its value is unknown unless given (`aws_x.y.stage_name` set there). Unknown,
   * it is the resources' `id`, which the reader knows to be set once applied.
   */
  ref(refs: string | readonly string[], value?: TfValue): RefSpec {
    const list = typeof refs === 'string' ? [refs] : refs;
    return new RefSpec(list, value ?? { ...tf.unknownValue(list.map((r) => `${r}.id`).join(', ')), nonEmptyString: true });
  },
  /** A value not knowable statically (`var.x` without default). */
  unknown(expr: string): TfUnknown {
    return tf.unknownValue(expr);
  },
  unknownValue(expr: string): TfUnknown {
    return { unknown: true, expr };
  },
  block(fields: Fields = {}): BlockSpec {
    return new BlockSpec(fields);
  },
  blocks(...list: Fields[]): BlockSpec[] {
    return list.map((f) => new BlockSpec(f));
  },
  /** A `dynamic` block whose `for_each` is unknown. */
  dynamic(): DynamicSpec {
    return new DynamicSpec();
  },
};

/** The line the builder gave an attribute, for source assertions. */
export function lineOf(resource: TfResource, name: string): number | undefined {
  return resource.body.attributes[name]?.source.line;
}

/** A row of an adapter table test: resources in, expected nodes (by id, `toMatchObject`) and edges out. */
export interface AdapterCase {
  readonly name: string;
  readonly resources: () => TfResource[];
  readonly nodes?: Readonly<Record<string, object>>;
  /** Edges that must be present. */
  readonly edges?: readonly { readonly from: string; readonly rel: string; readonly to: string }[];
  /** Node ids that must not exist. */
  readonly absent?: readonly string[];
  /** Diagnostics messages that must be present. */
  readonly diagnostics?: readonly RegExp[];
}

/** Runs the Terraform adapters on a case and checks its expectations. */
export function expectAdapted(c: AdapterCase): ReturnType<typeof adaptTerraform> {
  const result = adaptTerraform(c.resources());
  const ids = result.nodes.map((n) => n.id);
  for (const [id, expected] of Object.entries(c.nodes ?? {})) {
    expect(ids).toContain(id);
    expect(result.nodes.find((n) => n.id === id)).toMatchObject(expected);
  }
  for (const e of c.edges ?? []) expect(result.edges).toContainEqual(e);
  for (const id of c.absent ?? []) expect(ids).not.toContain(id);
  for (const pattern of c.diagnostics ?? []) expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(pattern));
  return result;
}
