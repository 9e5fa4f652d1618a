import type { K8sObject } from '../manifest';

/** `kubernetes:<namespace>/<Kind>/<name>`: readable, and stable whatever file the object is in. */
export function objectId(object: K8sObject): string {
  return `kubernetes:${object.namespace ?? '_'}/${object.kind}/${object.name}`;
}

/** Node name of a part of an object: `<name>[<part>]`, which fixtures read as the object's label. */
export function partName(object: K8sObject, part: string): string {
  return `${object.name}[${part}]`;
}
