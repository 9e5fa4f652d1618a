import type { K8sObject } from './manifest';

/**
 * Every object of a scan, found by kind and name: Ingresses refer to IngressClasses, Services, BackendConfigs,
 * Middlewares... declared in other files. An object without a namespace matches any namespace (manifests applied
 * with `kubectl apply -n` rarely write it).
 */
export class Catalog {
  private readonly byKind = new Map<string, K8sObject[]>();

  constructor(objects: readonly K8sObject[]) {
    for (const object of objects) {
      const list = this.byKind.get(object.kind);
      if (list) list.push(object);
      else this.byKind.set(object.kind, [object]);
    }
  }

  all(kind: string): readonly K8sObject[] {
    return this.byKind.get(kind) ?? [];
  }

  find(kind: string, name: string, namespace: string | undefined): K8sObject | undefined {
    const candidates = this.all(kind).filter((o) => o.name === name);
    return candidates.find((o) => o.namespace === namespace) ?? candidates.find((o) => o.namespace === undefined || namespace === undefined);
  }
}
