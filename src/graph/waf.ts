import type { GraphNode } from './kinds';
import type { WafPath } from './queries';
import { mayNotServe } from './serving';
import type { SourceRef } from './source';

/**
 * Whether a WAF actually blocks anything. A web ACL that only counts (detection mode), or that has no rule and allows
 * by default, inspects traffic but stops none of it: it must not count as protection.
 */
export type WafStrength =
  | { readonly state: 'blocks' }
  | { readonly state: 'passive'; readonly reason: string; readonly source?: SourceRef }
  | { readonly state: 'unknown'; readonly reason: string; readonly source?: SourceRef };

export function wafStrength(waf: GraphNode<'edge.waf'>): WafStrength {
  const { mode, defaultAction } = waf.attrs;
  switch (mode.state) {
    case 'unknown':
      return { state: 'unknown', reason: `the mode of WAF ${waf.name} is not known statically (${mode.expr ?? 'computed'})`, ...src(mode.source) };
    case 'set':
    case 'default':
      if (mode.value === 'detection') return { state: 'passive', reason: `WAF ${waf.name} is in detection mode (its rules only count)`, ...src(mode.source) };
      break;
  }
  switch (defaultAction.state) {
    case 'unknown':
      return { state: 'unknown', reason: `the default action of WAF ${waf.name} is not known statically (${defaultAction.expr ?? 'computed'})`, ...src(defaultAction.source) };
    case 'set':
    case 'default':
      if (defaultAction.value === 'block') return { state: 'blocks' };
      break;
  }
  const rules = hasRules(waf);
  switch (rules) {
    case true:
      return { state: 'blocks' };
    case false:
      return { state: 'passive', reason: `WAF ${waf.name} has no rules and allows by default`, ...src(waf.attrs.ruleCount.source) };
    case 'unknown':
      return { state: 'unknown', reason: `the rules of WAF ${waf.name} are not known statically`, ...src(waf.attrs.ruleCount.source) };
  }
}

/**
 * Whether a WAF blocks what goes through `path`: a WAF that blocks does so only while what carries it serves requests,
 * so one on a CDN whose `enabled` is not known statically is not known to block.
 */
export function pathStrength(path: WafPath): WafStrength {
  const strength = wafStrength(path.waf);
  const doubt = strength.state === 'blocks' ? mayNotServe(path.via) : undefined;
  return doubt ? { state: 'unknown', reason: `WAF ${path.waf.name} blocks, but ${doubt.why}`, ...src(doubt.source) } : strength;
}

/** Any rule, managed rule group or rate-based rule known to exist; `false` only when every count is known to be zero. */
function hasRules(waf: GraphNode<'edge.waf'>): boolean | 'unknown' {
  const { ruleCount, managedRuleGroups, rateBasedRules } = waf.attrs;
  const counts = [
    ruleCount.state === 'unknown' ? undefined : ruleCount.value,
    managedRuleGroups.state === 'unknown' ? undefined : managedRuleGroups.value.length,
    rateBasedRules.state === 'unknown' ? undefined : rateBasedRules.value,
  ];
  if (counts.some((n) => n !== undefined && n > 0)) return true;
  return counts.every((n) => n === 0) ? false : 'unknown';
}

function src(source: SourceRef | undefined): { source?: SourceRef } {
  return source ? { source } : {};
}
