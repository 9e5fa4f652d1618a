import { set, type Attr } from '../../../src/graph/attr';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, AttrsByKind, Edge, EdgeRel, GraphNode, NodeKind } from '../../../src/graph/kinds';
import type { CloudSource } from '../../../src/graph/source';

/** What the live adapters add to the graph. */
export interface LiveFragment {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
}

export function emptyFragment(): LiveFragment {
  return { nodes: [], edges: [], diagnostics: [] };
}

/** Where the resources of one account and region are. */
export interface LiveScope {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

/** `aws:<ARN>`, the id every live AWS node has (DESIGN.md). */
export function liveId(arn: string): string {
  return `aws:${arn}`;
}

export function cloudSource(arn: string, scope: LiveScope): CloudSource {
  return { kind: 'cloud', provider: 'aws', id: arn, account: scope.account, region: scope.region };
}

/** A node for a live resource; attributes read from it point at the same ARN, so findings show it. */
export function liveNode<K extends NodeKind>(kind: K, arn: string, name: string, nativeType: string, attrs: AttrsByKind[K], scope: LiveScope, raw?: unknown): GraphNode<K> {
  return { id: liveId(arn), kind, name, provider: 'aws', platform: 'aws', source: cloudSource(arn, scope), native: { type: nativeType }, attrs, ...(raw !== undefined && { raw }) };
}

export function edge(from: string, rel: EdgeRel, to: string): Edge {
  return { from, rel, to };
}

/** A value read from the live resource: always `set`, absent fields included (their absence was read too). */
export function reader(source: CloudSource): <T>(value: T) => Attr<T> {
  return (value) => set(value, source);
}
