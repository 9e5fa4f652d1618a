import { isUnknown, type TfBody, type TfResource } from '../model';

/**
 * Whether `resource` exists whenever `targets` do: it has no unknown `count` / `for_each`, or the same one as each of
 * them (a module's `count = local.enabled ? 1 : 0` on everything switches them on and off together).
 */
export function existsWith(resource: TfResource, targets: readonly TfResource[]): boolean {
  const own = resource.instanceKey;
  if (!isUnknown(own)) return true;
  return targets.length > 0 && targets.every((target) => isUnknown(target.instanceKey) && target.instanceKey.expr === own.expr);
}

/** Why a resource that {@link existsWith} denies may not be there. */
export function mayNotExist(resource: TfResource): string {
  return `whether ${resource.address} exists is not known statically (its count or for_each)`;
}

/**
 * What a body says when the resource holding it may not exist: each argument it writes is unknown (it applies, or the
 * default does), and what it does not write keeps the default either way.
 */
export function uncertainBody(body: TfBody, why: string): TfBody {
  const attributes = Object.fromEntries(Object.entries(body.attributes).map(([name, attribute]) => [name, { value: { unknown: true as const, expr: why }, refs: attribute.refs, source: attribute.source }]));
  const blocks = Object.fromEntries(Object.entries(body.blocks).map(([name, list]) => [name, list.map((block) => uncertainBody(block, why))]));
  return { attributes, blocks, unknownBlocks: body.unknownBlocks, source: body.source };
}
