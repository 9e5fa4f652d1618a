import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, AttrsByKind, Edge, GraphNode, NodeKind } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { LocalDocuments } from '../local-documents';
import type { Resolver } from '../resolve';
import type { CfnResource, CfnTemplate } from '../template';
import { PropReader, type CfnProp } from './read-prop';

/** What one service adapter contributes to the graph. */
export interface AdaptResult {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
}

export function emptyResult(): AdaptResult {
  return { nodes: [], edges: [], diagnostics: [] };
}

export function edge(from: string, rel: Edge['rel'], to: string): Edge {
  return { from, rel, to };
}

/**
 * One template as the adapters see it: its resources by logical id and type, a property reader, node ids, and links
 * between resources through the references recorded on properties (`!Ref`, `!GetAtt`, `${X}` in `!Sub`).
 * References never leave a template: another stack's resources are reached only through unknown imports.
 */
/** Generated resources SAM lets a template refer to as `<api>.<name>`. */
const SAM_REFERABLE: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::Stage': 'Stage', 'AWS::ApiGateway::Deployment': 'Deployment', 'AWS::ApiGatewayV2::Stage': 'Stage',
};

export class CfnContext {
  readonly template: CfnTemplate;
  readonly read: PropReader;
  /** OpenAPI documents named by a local path (`BodyS3Location` before packaging), read with the template. */
  readonly localDocuments: LocalDocuments;
  private readonly byId = new Map<string, CfnResource>();
  private readonly byType = new Map<string, CfnResource[]>();

  constructor(template: CfnTemplate, resolver: Resolver, localDocuments: LocalDocuments = new Map()) {
    this.template = template;
    this.read = new PropReader(resolver);
    this.localDocuments = localDocuments;
    for (const resource of template.resources) {
      this.byId.set(resource.logicalId, resource);
      const list = this.byType.get(resource.type);
      if (list) list.push(resource);
      else this.byType.set(resource.type, [resource]);
      // SAM's `!Ref MyApi.Stage` / `!Ref MyApi.Deployment` name the stage and deployment it generates for MyApi (the
      // first of them; a logical id has no dot, so no written resource takes the name):
      // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-api.html
      const alias = resource.generatedFrom !== undefined ? SAM_REFERABLE[resource.type] : undefined;
      const name = `${resource.generatedFrom ?? ''}.${alias ?? ''}`;
      if (alias !== undefined && !this.byId.has(name)) this.byId.set(name, resource);
    }
  }

  ofType(type: string): readonly CfnResource[] {
    return this.byType.get(type) ?? [];
  }

  resource(logicalId: string): CfnResource | undefined {
    return this.byId.get(logicalId);
  }

  /** `cloudformation:<template path>:<LogicalId><suffix>`. */
  nodeId(logicalId: string, suffix = ''): string {
    return `cloudformation:${this.template.label}:${logicalId}${suffix}`;
  }

  /** A graph node for a resource; sub-nodes (a deployment's stage, a distribution's viewer side) add `suffix`. */
  node<K extends NodeKind>(resource: CfnResource, kind: K, attrs: AttrsByKind[K], options: { readonly suffix?: string; readonly raw?: unknown } = {}): GraphNode<K> {
    return {
      id: this.nodeId(resource.logicalId, options.suffix),
      kind,
      name: resource.logicalId,
      provider: 'cloudformation',
      platform: 'aws',
      source: resource.source,
      native: { type: resource.type },
      attrs,
      raw: options.raw ?? resource.properties,
    };
  }

  /** Resources of `types` a property refers to (optionally only through `attribute`, e.g. `RootResourceId`). */
  targets(prop: CfnProp | undefined, types: readonly string[], attribute?: string): CfnResource[] {
    if (!prop) return [];
    const found = new Map<string, CfnResource>();
    for (const ref of prop.refs) {
      if (attribute !== undefined && ref.attribute !== attribute) continue;
      // `${MyApi.Stage}` in a Sub reads as an attribute of MyApi: SAM means the stage it generates.
      const resource = (ref.attribute !== undefined ? this.byId.get(`${ref.logicalId}.${ref.attribute}`) : undefined) ?? this.byId.get(ref.logicalId);
      if (resource && types.includes(resource.type)) found.set(resource.logicalId, resource);
    }
    return [...found.values()];
  }

  /** Node ids of the resources of `types` a property refers to; `suffixFor` picks a sub-node. */
  ids(prop: CfnProp | undefined, types: readonly string[], suffixFor: (resource: CfnResource) => string = () => ''): string[] {
    return this.targets(prop, types).map((r) => this.nodeId(r.logicalId, suffixFor(r)));
  }

  /**
   * What a property points at, to match resources that name the same thing: the referenced resource, else the
   * literal value (`RestApiId: a1b2c3`, or a parameter's value); `undefined` when neither is known.
   */
  identity(prop: CfnProp | undefined, types: readonly string[]): string | undefined {
    if (!prop) return undefined;
    const [target] = this.targets(prop, types);
    if (target) return `ref:${target.logicalId}`;
    return typeof prop.value === 'string' || typeof prop.value === 'number' ? `literal:${prop.value}` : undefined;
  }

  notice(resource: CfnResource, message: string, at: FileSource = resource.source, severity: Diagnostic['severity'] = 'notice'): Diagnostic {
    return {
      severity, message: `${resource.logicalId}: ${message}`, file: at.file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation',
    };
  }
}
