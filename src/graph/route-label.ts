import { known, type Attr } from './attr';

/** ` (GET /orders)` from what is known of a route's method and path, for finding messages; `''` when neither is. */
export function routeLabel(method: Attr<string>, path: Attr<string>): string {
  const parts = [known(method), known(path)].filter((part) => part !== undefined);
  // WebSocket routes carry their route key as both method and path: show it once.
  const unique = parts.filter((part, index) => parts.indexOf(part) === index);
  return unique.length === 0 ? '' : ` (${unique.join(' ')})`;
}
