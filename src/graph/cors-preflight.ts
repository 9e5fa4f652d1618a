import type { GraphNode } from './kinds';

/** An OPTIONS route: a CORS preflight, which browsers send without credentials or keys and gateways answer themselves. */
export function isCorsPreflight(operation: GraphNode<'api.operation'>): boolean {
  const method = operation.attrs.method;
  return method.state !== 'unknown' && method.value.toUpperCase() === 'OPTIONS';
}
