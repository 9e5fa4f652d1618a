import { relative, sep } from 'node:path';
import type { LoadResult } from '../../src/graph/adapter';
import type { AnyNode, Edge } from '../../src/graph/kinds';

const PREFIX = 'terraform:';

/**
 * Terraform addresses are unique only within one root module: `envs/prod` and `envs/staging` both declare
 * `aws_api_gateway_rest_api.api`. Node ids therefore carry the root directory, relative to the working
 * directory so that they stay the same across machines: `terraform:envs/prod:aws_api_gateway_rest_api.api`.
 */
export function rootLabel(rootDir: string, cwd: string): string {
  const rel = relative(cwd, rootDir).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

export function scopeToRoot(result: Pick<LoadResult, 'nodes' | 'edges'>, label: string): { nodes: AnyNode[]; edges: Edge[] } {
  const scope = (id: string): string => (id.startsWith(PREFIX) ? `${PREFIX}${label}:${id.slice(PREFIX.length)}` : id);
  return {
    nodes: result.nodes.map((node) => ({ ...node, id: scope(node.id) })),
    edges: result.edges.map((edge) => ({ ...edge, from: scope(edge.from), to: scope(edge.to) })),
  };
}
