import type { Catalog } from '../catalog';
import { settingsFor } from '../controllers/resolve';
import { annotation, isTrue, unknownController, type IngressSettings } from '../controllers/settings';
import { isIngress, type K8sObject } from '../manifest';
import { pathsOf, type IngressPath } from './ingress-paths';

const CANARY = 'nginx.ingress.kubernetes.io/canary';

/**
 * An ingress-nginx canary (`nginx.ingress.kubernetes.io/canary: "true"`): the controller reads only its `canary-*`
 * annotations and takes everything else from the main Ingress with the same host and path
 * (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#canary).
 */
export function isCanary(ingress: K8sObject, settings: IngressSettings): boolean {
  return settings.controller === 'ingress-nginx' && isTrue(annotation(ingress, CANARY));
}

/** A canary path and the main Ingress whose route (same host, path and path type) it is an alternative backend of. */
export interface CanaryRoute {
  readonly path: IngressPath;
  readonly main: K8sObject;
  readonly settings: IngressSettings;
}

/**
 * The main Ingress of each path of a canary, among the scanned ingress-nginx Ingresses that are not canaries, one in the
 * canary's namespace first (the controller matches host and path across namespaces). `alone` are the paths whose main
 * Ingress is not in the scan.
 */
export function canaryRoutesOf(canary: K8sObject, paths: readonly IngressPath[], catalog: Catalog): { merged: CanaryRoute[]; alone: IngressPath[] } {
  const mains = catalog.all('Ingress')
    .filter((o) => o !== canary && isIngress(o) && o.name !== '' && !isTrue(annotation(o, CANARY)))
    .sort((a, b) => Number(b.namespace === canary.namespace) - Number(a.namespace === canary.namespace))
    .map((main) => ({ main, settings: settingsFor(main, catalog), paths: pathsOf(main) }))
    .filter((m) => m.settings.controller === 'ingress-nginx');
  const merged: CanaryRoute[] = [];
  const alone: IngressPath[] = [];
  for (const path of paths) {
    const found = mains.find((m) => m.paths.some((p) => sameRoute(p, path)));
    if (found) merged.push({ path, main: found.main, settings: found.settings });
    else alone.push(path);
  }
  return { merged, alone };
}

/** ingress-nginx merges a canary path into the location of the same host, path and path type. */
function sameRoute(main: IngressPath, canary: IngressPath): boolean {
  return main.host === canary.host && main.path === canary.path
    && (main.pathType === undefined || canary.pathType === undefined || main.pathType === canary.pathType);
}

/**
 * Settings of canary paths whose main Ingress is not scanned: what ingress-nginx applies to them (authentication, TLS,
 * redirects, limits, allow-lists, backend protocol) is written on that Ingress, so none of it is known. The endpoint is
 * left unknown too, which also makes the scan say so in a notice.
 */
export function canarySettings(canary: K8sObject, own: IngressSettings, alone: readonly IngressPath[]): IngressSettings {
  const routes = [...new Set(alone.map((p) => `${p.host}${p.path}`))].join(', ');
  const why = `an ingress-nginx canary, whose routes take the settings of the Ingress serving ${routes}, which is not in the scan`;
  return { ...unknownController(canary, why), controller: own.controller, ...(own.assumed !== undefined && { assumed: own.assumed }) };
}
