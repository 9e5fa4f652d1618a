import { unknown, type Attr } from '../../../src/graph/attr';
import type { GraphNode, WafAttrs } from '../../../src/graph/kinds';
import { isWafClassic } from '../../aws-shared/outside-waf';
import { wafRuleFacts } from '../../aws-shared/waf-rule-facts';
import type { WebAclShape } from '../shapes';
import { cloudSource, liveNode, reader, type LiveScope } from './live-node';

/** A web ACL as read by GetWebACL / GetWebACLForResource, with its rules: https://docs.aws.amazon.com/waf/latest/APIReference/API_WebACL.html */
export function webAclNode(acl: WebAclShape & { readonly ARN: string }, scope: LiveScope): GraphNode<'edge.waf'> {
  const source = cloudSource(acl.ARN, scope);
  const read = reader(source);
  const facts = (acl.Rules ?? []).map(wafRuleFacts);
  const defaultAction: Attr<'allow' | 'block'> = acl.DefaultAction?.Block !== undefined
    ? read('block')
    : acl.DefaultAction?.Allow !== undefined ? read('allow') : unknown('the web ACL names no default action', source);
  const attrs: WafAttrs = {
    defaultAction,
    managedRuleGroups: read(facts.flatMap((f) => (f.managedGroup === undefined ? [] : [f.managedGroup]))),
    rateBasedRules: read(facts.filter((f) => f.rateBased).length),
    ruleCount: read(facts.length),
    // Rules that only count matches detect; one rule that acts makes the ACL prevent.
    mode: read(facts.length > 0 && facts.every((f) => f.countOnly) ? 'detection' : 'prevention'),
  };
  return liveNode('edge.waf', acl.ARN, acl.Name ?? acl.ARN, 'AWS::WAFv2::WebACL', attrs, scope);
}

/**
 * A web ACL a distribution or a stage names but that could not be read (access denied, or a WAF Classic id or ARN): it
 * is there, and what it blocks is unknown, so policies report "cannot verify" rather than "no WAF".
 */
export function unreadWebAclNode(idOrArn: string, scope: LiveScope): GraphNode<'edge.waf'> {
  const source = cloudSource(idOrArn, scope);
  const classic = isWafClassic(idOrArn);
  const why = classic ? 'WAF Classic web ACLs are not read' : 'the web ACL could not be read';
  const attrs: WafAttrs = {
    defaultAction: unknown(why, source), managedRuleGroups: unknown(why, source), rateBasedRules: unknown(why, source), ruleCount: unknown(why, source), mode: unknown(why, source),
  };
  return liveNode('edge.waf', idOrArn, idOrArn, classic ? classicType(idOrArn) : 'AWS::WAFv2::WebACL', attrs, scope);
}

/** The CloudFormation type of a WAF Classic ACL: regional when its ARN says so (a stage's), else global (CloudFront's id). */
function classicType(idOrArn: string): string {
  return /^arn:[^:]+:waf-regional:/.test(idOrArn) ? 'AWS::WAFRegional::WebACL' : 'AWS::WAF::WebACL';
}
