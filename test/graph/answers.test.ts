import { Answers } from '../../src/graph/answers';
import type { AnyNode } from '../../src/graph/kinds';
import { operationsOf } from '../../src/graph/queries';
import { GraphBuilder } from '../helpers';

describe('answers kept per graph', () => {
  it('computes an answer once while the graph stays the same, and again once a node or an edge is added', () => {
    const b = new GraphBuilder();
    const api = b.node('api', { name: 'api' });
    const answers = new Answers<AnyNode, number>();
    let computed = 0;
    const ask = (): number => answers.of(b.graph, api, () => ++computed);
    expect([ask(), ask()]).toEqual([1, 1]);
    b.node('api.operation', { name: 'op' });
    expect([ask(), ask()]).toEqual([2, 2]);
    b.graph.link({ from: api.id, rel: 'api-has-operation', to: 'test:missing' });
    expect(ask()).toBe(3);
    // A link already there adds nothing: the answer holds.
    b.graph.link({ from: api.id, rel: 'api-has-operation', to: 'test:missing' });
    expect(ask()).toBe(3);
  });

  it('keeps an undefined answer too, and answers for each graph apart', () => {
    const first = new GraphBuilder();
    const second = new GraphBuilder();
    const node = first.node('api', { name: 'api' });
    const answers = new Answers<AnyNode, string | undefined>();
    let computed = 0;
    const ask = (graph: GraphBuilder['graph']): string | undefined => answers.of(graph, node, () => {
      computed++;
      return undefined;
    });
    ask(first.graph);
    ask(first.graph);
    ask(second.graph);
    expect(computed).toBe(2);
  });

  it('operationsOf sees an operation linked after it was first asked', () => {
    const b = new GraphBuilder();
    const api = b.node('api', { name: 'api' });
    const op = b.node('api.operation', { name: 'op' });
    expect(operationsOf(b.graph, api)).toEqual([]);
    b.graph.link({ from: api.id, rel: 'api-has-operation', to: op.id });
    expect(operationsOf(b.graph, api)).toEqual([op]);
  });
});
