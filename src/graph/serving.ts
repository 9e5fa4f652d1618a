import type { ReadonlyGraph } from './graph';
import type { AnyNode, GraphNode } from './kinds';
import type { SourceRef } from './source';

/**
 * Whether fronts and TLS endpoints serve requests. A CDN can be switched off (a CloudFront distribution's `enabled`):
 * a disabled one serves nothing, so it is neither a way in, nor a WAF in front, nor a TLS endpoint anyone connects to.
 */

/** Whether an endpoint accepts requests: `maybe` when that is not known statically, with why. */
export type Serving = { readonly state: 'yes' | 'no' } | { readonly state: 'maybe'; readonly why: string; readonly source?: SourceRef };

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

/**
 * Whether a TLS endpoint accepts requests: the viewer side of CDNs (an endpoint that serves only CDNs) as they do;
 * every other endpoint does.
 */
export function endpointServes(graph: ReadonlyGraph, domain: GraphNode<'api.domain'>): Serving {
  const served = graph.out(domain.id, 'domain-serves');
  const cdns = served.filter((n): n is GraphNode<'edge.cdn'> => n.kind === 'edge.cdn');
  if (cdns.length === 0 || cdns.length < served.length || cdns.some((cdn) => !isDisabled(cdn) && !mayNotServe(cdn))) return YES;
  const doubt = cdns.map(mayNotServe).find((d) => d !== undefined);
  return doubt ? { state: 'maybe', ...doubt } : NO;
}

const YES: Serving = { state: 'yes' };
const NO: Serving = { state: 'no' };
