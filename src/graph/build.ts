import type { LoadResult } from './adapter';
import type { Diagnostic } from './diagnostic';
import { ResourceGraph } from './graph';

/** Merges adapter results into one graph; a node id seen twice is a warning (the first declaration wins). */
export function buildGraph(results: readonly LoadResult[]): { graph: ResourceGraph; diagnostics: Diagnostic[] } {
  const graph = new ResourceGraph();
  const diagnostics: Diagnostic[] = [];
  // One warning per place declared again: an object that yields several nodes (an Ingress: its API, stage, routes)
  // is one mistake.
  const reported = new Set<string>();
  for (const result of results) {
    // A loop, not push(...spread): a large scan may have more diagnostics than a call takes arguments.
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
    for (const node of result.nodes) {
      if (!graph.add(node)) {
        const place = node.source.kind === 'file' ? `${node.source.file}:${node.source.line ?? ''}` : node.id;
        if (reported.has(place)) continue;
        reported.add(place);
        diagnostics.push({
          severity: 'warning',
          message: `${node.id} is declared more than once; only the first declaration is checked`,
          ...(node.source.kind === 'file' && { file: node.source.file, line: node.source.line }),
          provider: node.provider,
        });
      }
    }
    for (const edge of result.edges) graph.link(edge);
  }
  return { graph, diagnostics };
}
