import { buildGraph } from '../../src/graph/build';
import type { AnyNode } from '../../src/graph/kinds';
import { fileSource } from '../../src/graph/source';
import { GraphBuilder } from '../helpers';

describe('buildGraph', () => {
  it('warns once per place declared again, however many nodes that declaration yields', () => {
    const b = new GraphBuilder();
    const at = (node: AnyNode, line: number): AnyNode => ({ ...node, source: fileSource('/k8s/app.yaml', line, 1, node.name) });
    const api = b.node('api', { name: 'shop' }) as AnyNode;
    const stage = b.node('api.stage', { name: 'shop-stage' }) as AnyNode;
    const other = b.node('api', { name: 'other' }) as AnyNode;
    const first = { nodes: [at(api, 1), at(stage, 1), at(other, 20)], edges: [], diagnostics: [] };
    // The same object again at line 40 (both its nodes), and another one again at line 60.
    const again = { nodes: [at(api, 40), at(stage, 40), at(other, 60)], edges: [], diagnostics: [] };
    const { graph, diagnostics } = buildGraph([first, again]);
    expect(graph.nodes()).toHaveLength(3);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [40, `${api.id} is declared more than once; only the first declaration is checked`],
      [60, `${other.id} is declared more than once; only the first declaration is checked`],
    ]);
  });
});
