import type { AnyNode, GraphNode } from './kinds';
import type { SourceRef } from './source';

/**
 * Whether fronts serve requests. A CDN can be switched off (a CloudFront distribution's `enabled`): a disabled one
 * serves nothing, so it is neither a way in nor a WAF in front.
 */

/** A CDN known to be switched off. */
export function isDisabled(cdn: GraphNode<'edge.cdn'>): boolean {
  const enabled = cdn.attrs.enabled;
  return enabled.state !== 'unknown' && !enabled.value;
}

/** Why a front may serve no requests: a CDN whose `enabled` is not known statically; undefined when it serves them. */
export function mayNotServe(front: AnyNode): { readonly why: string; readonly source?: SourceRef } | undefined {
  if (front.kind !== 'edge.cdn') return undefined;
  const enabled = front.attrs.enabled;
  if (enabled.state !== 'unknown') return undefined;
  return { why: `whether CDN ${front.name} is enabled is not known statically (${enabled.expr ?? 'computed'})`, ...(enabled.source && { source: enabled.source }) };
}
