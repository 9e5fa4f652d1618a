import type { AnyNode, AttrsByKind, Edge, GraphNode, NodeKind, Platform } from '../../../src/graph/kinds';
import type { Diagnostic } from '../../../src/graph/diagnostic';
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
  const local = `${resource.type}.${resource.name}`;
  const at = resource.address.lastIndexOf(local);
  return at === -1 ? resource.name : `${resource.name}${resource.address.slice(at + local.length)}`;
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
    native: { type: resource.type },
    attrs,
    raw: options.raw ?? resource.body,
  };
}

export function edge(from: string, rel: Edge['rel'], to: string): Edge {
  return { from, rel, to };
}
