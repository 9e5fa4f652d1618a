import type { AnyNode, AttrsByKind, Edge, GraphNode, NodeKind, Platform } from '../../../src/graph/kinds';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import type { TfResource } from '../model';
import type { Linker } from './linker';

/** What one service adapter contributes to the graph. */
export interface AdaptResult {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
}

export function emptyResult(): AdaptResult {
  return { nodes: [], edges: [], diagnostics: [] };
}

/** `prod`, `prod["eu"]`, `prod[0]`: the block label plus the instance key as Terraform prints it. */
export function nodeName(resource: TfResource): string {
  const { address, type, name } = resource;
  const at = address.lastIndexOf(`${type}.${name}`);
  if (at === -1) return name;
  // The name and key as the address spells them: one slice of it rather than a new string per node.
  const end = at + type.length + 1 + name.length;
  return end === address.length ? name : address.slice(at + type.length + 1);
}

/**
 * A graph node for a Terraform resource. Sub-nodes of one resource (the viewer side of a distribution,
 * the inline stage of a deployment) share its name and source and add `suffix` to its id; `linker` scopes the id to its root.
 */
export function terraformNode<K extends NodeKind>(
  linker: Linker,
  resource: TfResource,
  kind: K,
  attrs: AttrsByKind[K],
  options: { readonly suffix?: string; readonly raw?: unknown; readonly platform?: Platform } = {},
): GraphNode<K> {
  return {
    id: linker.nodeId(resource.address, options.suffix),
    kind,
    name: nodeName(resource),
    provider: 'terraform',
    platform: options.platform ?? 'aws',
    source: resource.source,
    native: nativeOf(resource.type),
    attrs,
    raw: options.raw ?? resource.body,
  };
}

/** One `native` per resource type, shared by its nodes: a large plan has tens of thousands of nodes and a few types. */
const nativeByType = new Map<string, { readonly type: string }>();

function nativeOf(type: string): { readonly type: string } {
  let native = nativeByType.get(type);
  if (!native) {
    native = Object.freeze({ type });
    nativeByType.set(type, native);
  }
  return native;
}

/** A diagnostic about a resource, at `at` (the resource by default), its message led by the resource's address. */
export function resourceNotice(
  resource: TfResource, message: string, at: FileSource = resource.source, severity: Diagnostic['severity'] = 'notice',
): Diagnostic {
  return {
    severity, message: `${resource.address}: ${message}`, file: at.file, ...(at.line !== undefined && { line: at.line }), provider: 'terraform',
  };
}

export function edge(from: string, rel: Edge['rel'], to: string): Edge {
  return { from, rel, to };
}
