import { known, type Attr } from './attr';

/** ` (GET /orders)` from what is known of a route's method and path, for finding messages; `''` when neither is. */
export function routeLabel(method: Attr<string>, path: Attr<string>): string {
  const verb = known(method);
  const route = known(path);
  if (verb === undefined) return route === undefined ? '' : ` (${route})`;
  // WebSocket routes carry their route key as both method and path: show it once.
  return route === undefined || route === verb ? ` (${verb})` : ` (${verb} ${route})`;
}
