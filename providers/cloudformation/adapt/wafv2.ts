import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { WafAttrs } from '../../../src/graph/kinds';
import { wafRuleFacts, type WafRuleFacts } from '../../aws-shared/waf-rule-facts';
import { isCfnUnknown, type CfnResource } from '../template';
import { REST_API, restStages, stageSuffix, DEPLOYMENT, STAGE } from './apigateway';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { toJson } from './openapi-body';
import { asString, firstUnknown, type CfnProp } from './read-prop';
import { isWafClassic, OUTSIDE_WAF_SUFFIX, outsideWafNode, uncertainWafNode, wafClassicReason } from '../../aws-shared/outside-waf';
import { createdWith, mayNotBeCreated } from './existence';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafv2-webacl.html
export const WEB_ACL = 'AWS::WAFv2::WebACL';
const ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafregional-webaclassociation.html
const CLASSIC_ASSOCIATION = 'AWS::WAFRegional::WebACLAssociation';
/** WAF Classic web ACLs: global (CloudFront) and regional (stages, load balancers). */
const WAF_CLASSIC_ACLS = ['AWS::WAF::WebACL', 'AWS::WAFRegional::WebACL'];

export function adaptWafv2(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  for (const acl of ctx.ofType(WEB_ACL)) result.nodes.push(ctx.node(acl, 'edge.waf', wafAttrs(ctx, acl)));
  const stages = restStages(ctx);
  // A WAF Classic association attaches an ACL as a WAFv2 one does; its rules are not modelled (see attachedWafs).
  for (const association of [...ctx.ofType(ASSOCIATION), ...ctx.ofType(CLASSIC_ASSOCIATION)]) {
    const body = ctx.read.body(association);
    const target = ctx.read.prop(body, 'ResourceArn');
    // `!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}` names the stage: protect only it.
    let protectedIds = ctx.ids(target, [STAGE, DEPLOYMENT], stageSuffix);
    if (protectedIds.length === 0) {
      const apis = ctx.targets(target, [REST_API]);
      const text = target === undefined ? '' : isCfnUnknown(target.value) ? target.value.expr : asString(target.value) ?? '';
      const stageName = /\/stages\/([^/${}]+)$/.exec(text)?.[1];
      const named = stageName === undefined ? [] : stages.filter((s) => apis.some((a) => s.api === `ref:${a.logicalId}`) && s.stageName.state !== 'unknown' && s.stageName.value === stageName);
      protectedIds = named.length > 0 ? named.map((s) => s.id) : apis.map((a) => ctx.nodeId(a.logicalId));
    }
    const name = association.type === ASSOCIATION ? 'WebACLArn' : 'WebACLId';
    const webAcl = ctx.read.prop(body, name);
    const attachedTo = () => ctx.targets(target, [STAGE, DEPLOYMENT, REST_API]);
    const wafs = protectedIds.length === 0 ? [] : webAcl ? attachedWafs(ctx, association, webAcl, attachedTo, result, name) : [outsideWaf(ctx, association, webAcl, result, name)];
    for (const waf of wafs) {
      for (const id of protectedIds) result.edges.push(edge(waf, 'waf-protects', id));
    }
  }
  return result;
}

/**
 * The web ACLs that `owner` (an association, a distribution) attaches by its property `name` (`WebACLArn`,
 * `WebACLId`): none when it is ""; the declared ACL it names; one whose attachment is not known when the value is chosen
 * by a condition not known statically, or names a WAF Classic ACL (not modelled: a WAF Classic association's always
 * does); else one the template does not declare.
 */
export function attachedWafs(
  ctx: CfnContext, owner: CfnResource, webAcl: CfnProp, attachedTo: () => readonly CfnResource[], result: AdaptResult, name: string,
): readonly string[] {
  const { value } = webAcl;
  if (value === null || value === '') return [];
  const uncertain = (why: string): string[] => {
    const node = uncertainWafNode(why, webAcl.source, (attrs) => ctx.node(owner, 'edge.waf', attrs, { suffix: OUTSIDE_WAF_SUFFIX }));
    result.nodes.push(node);
    return [node.id];
  };
  if (!createdWith(owner, attachedTo)) return uncertain(mayNotBeCreated(owner));
  if (ctx.targets(webAcl, [WEB_ACL]).length > 0) return ctx.ids(webAcl, [WEB_ACL]);
  // Undecided, an Fn::If records the references of neither branch: which ACL, if any, is not known.
  if (isCfnUnknown(value) && value.conditional) return uncertain(`${name} is chosen by a condition not known statically (${value.expr})`);
  if (owner.type === CLASSIC_ASSOCIATION || ctx.targets(webAcl, WAF_CLASSIC_ACLS).length > 0 || (typeof value === 'string' && isWafClassic(value))) {
    return uncertain(wafClassicReason(name));
  }
  return [outsideWaf(ctx, owner, webAcl, result, name)];
}

/**
 * The node of a web ACL that `owner` (an association, a distribution) attaches by its property `name` but the template
 * does not declare (a parameter, an import, an ARN): what it covers is covered by rules not known here.
 */
function outsideWaf(ctx: CfnContext, owner: CfnResource, webAcl: CfnProp | undefined, result: AdaptResult, name = 'WebACLArn'): string {
  const arn = webAcl === undefined || isCfnUnknown(webAcl.value) ? undefined : asString(webAcl.value);
  const label = arn ?? `${name} (${webAcl !== undefined && isCfnUnknown(webAcl.value) ? webAcl.value.expr : 'not set'})`;
  const node = outsideWafNode(label, webAcl?.source ?? owner.source, (attrs) => ctx.node(owner, 'edge.waf', attrs, { suffix: OUTSIDE_WAF_SUFFIX }));
  result.nodes.push(node);
  return node.id;
}

function wafAttrs(ctx: CfnContext, acl: CfnResource): WafAttrs {
  const body = ctx.read.body(acl);
  const rulesProp = ctx.read.prop(body, 'Rules');
  let rules: Attr<readonly WafRuleFacts[]>;
  if (!rulesProp) rules = byDefault([], acl.source);
  else if (isCfnUnknown(rulesProp.value) || !Array.isArray(rulesProp.value)) rules = unknown(firstUnknown(rulesProp.value)?.expr ?? 'Rules is not a list', rulesProp.source);
  // Statement details the template computes (an IP set's ARN) do not change what a rule is.
  else rules = set((toJson(rulesProp.value) as unknown[]).map(wafRuleFacts), rulesProp.source);
  const ruleAttr = <T>(fn: (facts: readonly WafRuleFacts[]) => T): Attr<T> => (rules.state === 'unknown' ? rules : { ...rules, value: fn(rules.value) });
  return {
    defaultAction: defaultAction(ctx, acl),
    managedRuleGroups: ruleAttr((facts) => facts.flatMap((f) => (f.managedGroup === undefined ? [] : [f.managedGroup]))),
    rateBasedRules: ruleAttr((facts) => facts.filter((f) => f.rateBased).length),
    ruleCount: ruleAttr((facts) => facts.length),
    // Rules that only count matches detect; one rule that acts makes the ACL prevent.
    mode: ruleAttr((facts) => (facts.length > 0 && facts.every((f) => f.countOnly) ? 'detection' : 'prevention')),
  };
}

/** `DefaultAction: {Allow: {}}` or `{Block: {}}`; required. */
function defaultAction(ctx: CfnContext, acl: CfnResource): Attr<'allow' | 'block'> {
  const action = ctx.read.child(ctx.read.body(acl), 'DefaultAction');
  switch (action.state) {
    case 'absent':
      return unknown('DefaultAction is not set', acl.source);
    case 'unknown':
      return unknown(action.expr, action.source);
    case 'known':
      if ('Block' in action.body.raw) return set('block', action.body.source);
      if ('Allow' in action.body.raw) return set('allow', action.body.source);
      return unknown('DefaultAction names neither Allow nor Block', action.body.source);
  }
}
