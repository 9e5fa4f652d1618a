import type { ReadonlyGraph } from './graph';

/**
 * The answers to one question about the nodes of a graph, each computed once while the graph does not change:
 * policies ask the same questions (the API of an operation, the operations of an API) of every node they check.
 */
export class Answers<K extends object, V> {
  private readonly byGraph = new WeakMap<ReadonlyGraph, { readonly revision: number; readonly answers: WeakMap<K, V> }>();

  of(graph: ReadonlyGraph, key: K, compute: () => V): V {
    let kept = this.byGraph.get(graph);
    if (kept?.revision !== graph.revision) {
      kept = { revision: graph.revision, answers: new WeakMap() };
      this.byGraph.set(graph, kept);
    }
    const known = kept.answers.get(key);
    if (known !== undefined || kept.answers.has(key)) return known as V;
    const answer = compute();
    kept.answers.set(key, answer);
    return answer;
  }
}
