import type { ResourceGraph } from '../../src/graph/graph';
import type { AnyNode, EdgeRel } from '../../src/graph/kinds';
import { GraphBuilder } from '../helpers';

/** Edge de-duplication, both for nodes with a few edges and for nodes with many (looked up by key past 16). */
describe('ResourceGraph.link', () => {
  function apiWithOperations(count: number): { graph: ResourceGraph; api: AnyNode; operations: AnyNode[] } {
    const b = new GraphBuilder();
    const api = b.node('api', { name: `api-${count}` });
    const operations = Array.from({ length: count }, (_, i) => b.node('api.operation', { name: `op-${count}-${i}` }));
    return { graph: b.graph, api, operations };
  }

  it.each([3, 16, 40])('keeps one edge per (from, rel, to) for a node with %i operations', (count) => {
    const { graph, api, operations } = apiWithOperations(count);
    const link = (rel: EdgeRel, to: AnyNode): void => {
      graph.link({ from: api.id, rel, to: to.id });
    };
    for (const op of operations) link('api-has-operation', op);
    // Every edge again, then in reverse order: nothing is added.
    for (const op of operations) link('api-has-operation', op);
    for (const op of [...operations].reverse()) link('api-has-operation', op);
    expect(graph.edges()).toHaveLength(count);
    expect(graph.out(api.id, 'api-has-operation').map((n) => n.id)).toEqual(operations.map((o) => o.id));
    for (const op of operations) expect(graph.in(op.id, 'api-has-operation')).toEqual([api]);
  });

  it('tells edges apart by relation and by target', () => {
    const { graph, api, operations } = apiWithOperations(20);
    const [first] = operations;
    if (!first) throw new Error('no operation');
    for (const op of operations) graph.link({ from: api.id, rel: 'api-has-operation', to: op.id });
    graph.link({ from: api.id, rel: 'api-has-stage', to: first.id });
    graph.link({ from: api.id, rel: 'api-has-stage', to: first.id });
    graph.link({ from: api.id, rel: 'api-has-operation', to: 'test:missing' });
    graph.link({ from: api.id, rel: 'api-has-operation', to: 'test:missing' });
    expect(graph.edges()).toHaveLength(22);
    expect(graph.out(api.id, 'api-has-stage').map((n) => n.id)).toEqual([first.id]);
  });
});
