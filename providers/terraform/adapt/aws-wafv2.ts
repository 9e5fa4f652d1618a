import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { WafAttrs } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { wafRuleFacts, type WafRuleFacts } from '../../aws-shared/waf-rule-facts';
import { isUnknown, type TfAttribute, type TfBody, type TfResource, type TfUnknown } from '../model';
import { isWafClassic, OUTSIDE_WAF_SUFFIX, outsideWafNode, uncertainWafNode, wafClassicReason } from '../../aws-shared/outside-waf';
import { DEPLOYMENT, INLINE_STAGE_SUFFIX, REST_API, STAGE } from './aws-apigateway';
import { existsWith, mayNotExist } from './existence';
import type { Linker } from './linker';
import { attribute, firstBlock, knownString, readBlocks } from './read-attr';
import { edge, emptyResult, terraformNode, type AdaptResult } from './terraform-node';

// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl
export const WEB_ACL = 'aws_wafv2_web_acl';
const ASSOCIATION = 'aws_wafv2_web_acl_association';
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafregional_web_acl_association
const CLASSIC_ASSOCIATION = 'aws_wafregional_web_acl_association';
/** WAF Classic web ACLs: global (CloudFront) and regional (stages, load balancers). */
const WAF_CLASSIC_ACLS = ['aws_waf_web_acl', 'aws_wafregional_web_acl'];

export function adaptWafv2(linker: Linker): AdaptResult {
  const result = emptyResult();
  const aclsByArn = new Map<string, string>();
  for (const acl of linker.ofType(WEB_ACL)) {
    const node = terraformNode(linker, acl, 'edge.waf', wafAttrs(acl));
    result.nodes.push(node);
    const arn = knownString(acl.body, 'arn');
    if (arn !== undefined) aclsByArn.set(arn, node.id);
  }
  const associated = new Set<string>();
  // A WAF Classic association attaches an ACL as a WAFv2 one does; its rules are not modelled (see attachedWafs).
  for (const association of [...linker.ofType(ASSOCIATION), ...linker.ofType(CLASSIC_ASSOCIATION)]) {
    const body = association.body;
    const target = attribute(body, 'resource_arn');
    // An ARN built from the API and the stage names the stage: protect only it, not the whole API.
    const stages = linker.ids(target, [STAGE, DEPLOYMENT], (r) => (r.type === DEPLOYMENT ? INLINE_STAGE_SUFFIX : ''));
    const targets = stages.length > 0 ? stages : linker.ids(target, [REST_API]);
    const webAcl = attribute(body, webAclArgument(association));
    const wafs = targets.length === 0 ? []
      : !webAcl ? [outsideWaf(linker, association, webAcl, result, webAclArgument(association))]
        : attachedWafs(linker, association, webAcl, () => linker.targets(target, stages.length > 0 ? [STAGE, DEPLOYMENT] : [REST_API]), result);
    for (const waf of wafs) for (const protectedId of targets) result.edges.push(edge(waf, 'waf-protects', protectedId));
    if (wafs.length > 0) for (const protectedId of targets) associated.add(protectedId);
  }
  // A deployed stage says which web ACL covers it (`web_acl_arn`, computed: known in a plan of running infrastructure
  // and in a state), however the ACL was attached: by an association outside the scan, or by Firewall Manager. Not
  // when the plan deletes an association or an ACL: the stage's planned value is read before the plan applies.
  const stagesTell = !linker.deletes(ASSOCIATION) && !linker.deletes(CLASSIC_ASSOCIATION) && !linker.deletes(WEB_ACL);
  for (const stage of stagesTell ? linker.ofType(STAGE) : []) {
    const arn = knownString(stage.body, 'web_acl_arn');
    const id = linker.nodeId(stage.address);
    if (arn === undefined || arn === '' || associated.has(id)) continue;
    const waf = aclsByArn.get(arn) ?? outsideWaf(linker, stage, attribute(stage.body, 'web_acl_arn'), result);
    result.edges.push(edge(waf, 'waf-protects', id));
  }
  return result;
}

/**
 * The web ACLs that `owner` (an association, a distribution) attaches by its argument `webAcl` (`web_acl_arn`,
 * `web_acl_id`): none when it is null or ""; one whose attachment is not known when `owner` may not exist (its count
 * is not known, unless switched with `attachedTo`), when the value is chosen by a condition not known statically, or
 * when it names a WAF Classic ACL (not modelled: a WAF Classic association's always does); the declared ACL it names;
 * else one the scan does not declare.
 */
export function attachedWafs(linker: Linker, owner: TfResource, webAcl: TfAttribute, attachedTo: () => readonly TfResource[], result: AdaptResult): readonly string[] {
  const { value } = webAcl;
  const name = webAclArgument(owner);
  if (value === null || value === '') return [];
  // `count = var.waf_enabled ? 1 : 0` unknown: the owner may not exist, so the ACL's rules decide nothing.
  if (!existsWith(owner, attachedTo)) return [maybeAttached(linker, owner, result)];
  const declared = linker.targets(webAcl, [WEB_ACL]);
  const first = declared[0];
  if (first) {
    return isUnknown(value) && !onlyComputed(value)
      ? [maybeAttached(linker, owner, result, `${name} may not name ${first.address}: it is ${value.expr}, not known statically`)]
      : linker.ids(webAcl, [WEB_ACL]);
  }
  const byArn = typeof value === 'string' ? linker.ofType(WEB_ACL).find((acl) => knownString(acl.body, 'arn') === value) : undefined;
  if (byArn) return [linker.nodeId(byArn.address)];
  const classic = owner.type === CLASSIC_ASSOCIATION || linker.targets(webAcl, WAF_CLASSIC_ACLS).length > 0
    || webAcl.refs.some((ref) => WAF_CLASSIC_ACLS.some((type) => ref.startsWith(`data.${type}.`))) || (typeof value === 'string' && isWafClassic(value));
  if (classic) return [maybeAttached(linker, owner, result, wafClassicReason(name))];
  return [outsideWaf(linker, owner, webAcl, result, name)];
}

/** The argument that names the web ACL: `web_acl_arn` of a WAFv2 association, else `web_acl_id`. */
function webAclArgument(owner: TfResource): string {
  return owner.type === ASSOCIATION ? 'web_acl_arn' : 'web_acl_id';
}

/**
 * A value unknown only because what it refers to is computed: a resource's `arn` or `id` read as it is (known to be
 * set), or a plan's value known after apply. A condition's result (`var.x ? acl.arn : null`) is neither.
 */
function onlyComputed(value: TfUnknown): boolean {
  return value.nonEmptyString === true || value.afterApply === true;
}

/** The node of a web ACL whose attachment by `owner` is not known: `owner` may not exist, or `why`. */
function maybeAttached(linker: Linker, owner: TfResource, result: AdaptResult, why = mayNotExist(owner)): string {
  const node = uncertainWafNode(why, owner.source, (attrs) => terraformNode(linker, owner, 'edge.waf', attrs, { suffix: OUTSIDE_WAF_SUFFIX }));
  result.nodes.push(node);
  return node.id;
}

/**
 * The node of a web ACL that `owner` (an association, a stage, a distribution) attaches by its argument `name` but the
 * scan does not declare: a data source, an ARN, a module input. What it covers is covered by a WAF whose rules are not
 * known here.
 */
function outsideWaf(linker: Linker, owner: TfResource, webAcl: TfAttribute | undefined, result: AdaptResult, name = 'web_acl_arn'): string {
  const ref = webAcl?.refs[0];
  const value = webAcl?.value;
  const label = ref ?? (typeof value === 'string' ? value : `${name} (${isUnknown(value) ? value.expr : 'not set'})`);
  const node = outsideWafNode(label, webAcl?.source ?? owner.source, (attrs) => terraformNode(linker, owner, 'edge.waf', attrs, { suffix: OUTSIDE_WAF_SUFFIX }), ref);
  result.nodes.push(node);
  return node.id;
}

function wafAttrs(acl: TfResource): WafAttrs {
  const body = acl.body;
  const rules = ruleFacts(body, acl.source);
  const ruleAttr = <T>(fn: (facts: readonly WafRuleFacts[]) => T): Attr<T> =>
    rules.state === 'unknown' ? unknown(rules.expr, rules.source) : rules.written ? set(fn(rules.facts), rules.source) : byDefault(fn(rules.facts), rules.source);
  return {
    defaultAction: defaultAction(body, acl.source),
    managedRuleGroups: ruleAttr((facts) => facts.flatMap((f) => (f.managedGroup === undefined ? [] : [f.managedGroup]))),
    rateBasedRules: ruleAttr((facts) => facts.filter((f) => f.rateBased).length),
    ruleCount: ruleAttr((facts) => facts.length),
    // Rules that only count matches detect; one rule that acts makes the ACL prevent.
    mode: ruleAttr((facts) => (facts.length > 0 && facts.every((f) => f.countOnly) ? 'detection' : 'prevention')),
  };
}

/** `default_action { allow {} }` or `{ block {} }`; required by the provider. */
function defaultAction(body: TfBody, fallback: FileSource): Attr<'allow' | 'block'> {
  const blocks = readBlocks(body, 'default_action');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return unknown('default_action is not set', fallback);
  if (firstBlock(block, 'block')) return set('block', block.source);
  if (firstBlock(block, 'allow')) return set('allow', block.source);
  return unknown('default_action names neither allow nor block', block.source);
}

type Rules =
  | { readonly state: 'known'; readonly facts: readonly WafRuleFacts[]; readonly written: boolean; readonly source: FileSource }
  | { readonly state: 'unknown'; readonly expr: string; readonly source: FileSource };

function ruleFacts(body: TfBody, fallback: FileSource): Rules {
  const blocks = readBlocks(body, 'rule');
  if (blocks.state === 'unknown') return { state: 'unknown', expr: blocks.expr, source: blocks.source };
  const facts = blocks.blocks.map(blockRuleFacts);
  const json = attribute(body, 'rule_json');
  if (json) {
    const text = typeof json.value === 'string' ? json.value : undefined;
    const parsed = text === undefined ? undefined : jsonRuleFacts(text);
    if (!parsed) return { state: 'unknown', expr: text === undefined ? 'rule_json is computed' : 'rule_json is not a JSON list of rules', source: json.source };
    return { state: 'known', facts: [...facts, ...parsed], written: true, source: json.source };
  }
  const first = blocks.blocks[0];
  return first ? { state: 'known', facts, written: true, source: first.source } : { state: 'known', facts, written: false, source: fallback };
}

function blockRuleFacts(rule: TfBody): WafRuleFacts {
  const statement = firstBlock(rule, 'statement');
  const managed = firstBlock(statement, 'managed_rule_group_statement');
  const vendor = knownString(managed, 'vendor_name');
  const name = managed ? knownString(managed, 'name') ?? '(unknown)' : undefined;
  return {
    ...(name !== undefined && { managedGroup: vendor ? `${vendor}/${name}` : name }),
    rateBased: firstBlock(statement, 'rate_based_statement') !== undefined,
    countOnly: firstBlock(firstBlock(rule, 'action'), 'count') !== undefined || firstBlock(firstBlock(rule, 'override_action'), 'count') !== undefined,
  };
}

/** `rule_json` holds the rules in the WAF API's own JSON shape: https://docs.aws.amazon.com/waf/latest/APIReference/API_Rule.html */
function jsonRuleFacts(text: string): WafRuleFacts[] | undefined {
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rules)) return undefined;
  return rules.map(wafRuleFacts);
}
