import { isUnknown, withValue, type TfBody, type TfResource, type TfValue } from '../model';

/**
 * Whether `resource` exists whenever its targets do: it has no unknown `count` / `for_each`; or, in the same module
 * instance, the same one as each of them as written (a module's `count = local.enabled ? 1 : 0` on everything switches
 * them on and off together); or one written over the target itself (`for_each = aws_api_gateway_stage.this`).
 * `targetsOf` is asked only for a resource whose own count is unknown.
 */
export function existsWith(resource: TfResource, targetsOf: () => readonly TfResource[]): boolean {
  const own = resource.instanceKey;
  if (!isUnknown(own)) return true;
  const targets = targetsOf();
  return targets.length > 0 && targets.every((target) => target.modulePath === resource.modulePath
    && ((isUnknown(target.instanceKey) && target.instanceKey.expr === own.expr) || namesResource(own.expr, target)));
}

/** Whether the text of an expression names `target` (`aws_api_gateway_stage.this`, not `aws_api_gateway_stage.this2`). */
function namesResource(text: string, target: TfResource): boolean {
  const local = `${target.mode === 'data' ? 'data.' : ''}${target.type}.${target.name}`;
  return new RegExp(`(^|[^\\w.])${local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);
}

/** Why a resource that {@link existsWith} denies may not be there. */
export function mayNotExist(resource: TfResource): string {
  return `${resource.address} may not exist: its count or for_each depends on values known only at apply time`;
}

/**
 * What a body says when the resource holding it may not exist: each argument it writes is unknown (it applies, or the
 * default does), and what it does not write keeps the default either way.
 */
export function uncertainBody(body: TfBody, why: string): TfBody {
  const unknownValue: TfValue = { unknown: true, expr: why };
  const attributes = Object.fromEntries(Object.entries(body.attributes).map(([name, attribute]) => [name, withValue(attribute, unknownValue)]));
  const blocks = Object.fromEntries(Object.entries(body.blocks).map(([name, list]) => [name, list.map((block) => uncertainBody(block, why))]));
  return { attributes, blocks, unknownBlocks: body.unknownBlocks, source: body.source };
}
