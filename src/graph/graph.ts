import type { AnyNode, Edge, EdgeRel, GraphNode, NodeKind } from './kinds';

/** Read-only view handed to policies. */
export interface ReadonlyGraph {
  get(id: string): AnyNode | undefined;
  nodes(): readonly AnyNode[];
  nodesOf<K extends NodeKind>(kind: K): readonly GraphNode<K>[];
  /** Nodes reached from `id` over edges named `rel`. */
  out(id: string, rel: EdgeRel): readonly AnyNode[];
  /** Nodes that reach `id` over edges named `rel`. */
  in(id: string, rel: EdgeRel): readonly AnyNode[];
  edges(): readonly Edge[];
  /** Changes whenever a node or an edge is added: what is computed from the graph holds while it stays the same. */
  readonly revision: number;
}

/**
 * The resource graph. Edges may name nodes that are not (yet) in the graph, e.g. a WAF association to a stage
 * declared in an unscanned file: they are kept, and queries skip the missing end.
 */
export class ResourceGraph implements ReadonlyGraph {
  private readonly byId = new Map<string, AnyNode>();
  private readonly byKind = new Map<NodeKind, AnyNode[]>();
  private readonly outgoing = new Map<string, Edge[]>();
  private readonly incoming = new Map<string, Edge[]>();
  /** `rel NUL to` of the edges of each node with many outgoing edges (an API with thousands of operations). */
  private readonly manyOutKeys = new Map<string, Set<string>>();
  private readonly allEdges: Edge[] = [];
  private changes = 0;

  get revision(): number {
    return this.changes;
  }

  /** Adds a node; a second node with the same id replaces nothing and is reported to the caller. */
  add(node: AnyNode): boolean {
    if (this.byId.has(node.id)) return false;
    this.changes++;
    this.byId.set(node.id, node);
    const list = this.byKind.get(node.kind);
    if (list) list.push(node);
    else this.byKind.set(node.kind, [node]);
    return true;
  }

  link(edge: Edge): void {
    const out = this.outgoing.get(edge.from);
    if (out) {
      if (this.isLinked(out, edge)) return;
      out.push(edge);
    } else {
      this.outgoing.set(edge.from, [edge]);
    }
    this.changes++;
    this.allEdges.push(edge);
    push(this.incoming, edge.to, edge);
  }

  /**
   * Whether `edge` is among the outgoing edges of its node; when not, it is recorded as being. Most nodes have a few
   * edges, looked through; a key string per edge would cost more than the graph's other work on a large plan.
   */
  private isLinked(out: readonly Edge[], edge: Edge): boolean {
    if (out.length < MANY_EDGES) return out.some((e) => e.rel === edge.rel && e.to === edge.to);
    let keys = this.manyOutKeys.get(edge.from);
    if (!keys) {
      keys = new Set(out.map(edgeKey));
      this.manyOutKeys.set(edge.from, keys);
    }
    const key = edgeKey(edge);
    if (keys.has(key)) return true;
    keys.add(key);
    return false;
  }

  get(id: string): AnyNode | undefined {
    return this.byId.get(id);
  }

  nodes(): readonly AnyNode[] {
    return [...this.byId.values()];
  }

  nodesOf<K extends NodeKind>(kind: K): readonly GraphNode<K>[] {
    return (this.byKind.get(kind) ?? []) as unknown as readonly GraphNode<K>[];
  }

  out(id: string, rel: EdgeRel): readonly AnyNode[] {
    // Policies ask this for every node, and most answers are empty: no list is made for them.
    let found: AnyNode[] | undefined;
    for (const edge of this.outgoing.get(id) ?? NO_EDGES) {
      const node = edge.rel === rel ? this.byId.get(edge.to) : undefined;
      if (node) (found ??= []).push(node);
    }
    return found ?? NO_NODES;
  }

  in(id: string, rel: EdgeRel): readonly AnyNode[] {
    let found: AnyNode[] | undefined;
    for (const edge of this.incoming.get(id) ?? NO_EDGES) {
      const node = edge.rel === rel ? this.byId.get(edge.from) : undefined;
      if (node) (found ??= []).push(node);
    }
    return found ?? NO_NODES;
  }

  edges(): readonly Edge[] {
    return this.allEdges;
  }

}

/** From this many outgoing edges on, a node's edges are looked up by key rather than looked through. */
const MANY_EDGES = 16;

function edgeKey(edge: Edge): string {
  return `${edge.rel}\u0000${edge.to}`;
}

const NO_EDGES: readonly Edge[] = [];
const NO_NODES: readonly AnyNode[] = Object.freeze([]);

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
