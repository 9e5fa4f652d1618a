import { unknown } from '../../src/graph/attr';
import type { GraphNode, WafAttrs } from '../../src/graph/kinds';
import type { SourceRef } from '../../src/graph/source';

/** The node suffix of a web ACL an association (or a stage) attaches that cannot be judged by its own node. */
export const OUTSIDE_WAF_SUFFIX = '#web-acl';

/**
 * The node of a web ACL declared outside the scanned code, which `label` names (a reference, an ARN, or the expression
 * that holds it): looked up with a data source, written as an ARN, passed in as a variable, managed by Firewall
 * Manager. What it is attached to is covered by a WAF whose rules are not known here. `make` builds the node, with
 * the owner's id and `OUTSIDE_WAF_SUFFIX`, from the attributes given. Named `name`, else after the ACL when `label` is
 * its ARN.
 */
export function outsideWafNode(label: string, source: SourceRef, make: (attrs: WafAttrs) => GraphNode<'edge.waf'>, name?: string): GraphNode<'edge.waf'> {
  const node = make(unknownWafAttrs(`web ACL ${label} is not declared in the scanned code, so its rules are not known`, source));
  return { ...node, name: name ?? wafNameInArn(label) ?? node.name };
}

/**
 * A web ACL whose attachment itself is not known (an association whose `count` or `for_each` is not known
 * statically): what it would cover may or may not be covered, so nothing about it is known.
 */
export function uncertainWafNode(why: string, source: SourceRef, make: (attrs: WafAttrs) => GraphNode<'edge.waf'>): GraphNode<'edge.waf'> {
  return make(unknownWafAttrs(why, source));
}

/**
 * Whether a web ACL named by `idOrArn` is a WAF Classic one: WAFv2 ACLs are named by ARNs of service `wafv2`; Classic ones
 * by their id (CloudFront `WebACLId`, a regional association's `WebACLId`) or an ARN of service `waf` or `waf-regional`
 * (`arn:aws:waf-regional:eu-west-1:111111111111:webacl/<id>`, as a stage's `webAclArn` writes it).
 */
export function isWafClassic(idOrArn: string): boolean {
  return !idOrArn.startsWith('arn:') || /^arn:[^:]+:waf(?:-regional)?:/.test(idOrArn);
}

/** The message of a web ACL that is a WAF Classic one, named by `name`. */
export function wafClassicReason(name: string): string {
  return `${name} names a WAF Classic web ACL, which is not modelled: its rules are not judged`;
}

/** The name of a web ACL in its ARN (`...:regional/webacl/<name>/<id>`); undefined for anything else. */
function wafNameInArn(text: string): string | undefined {
  return /^arn:[^:]+:wafv2:[^:]*:[^:]*:(?:regional|global)\/webacl\/([^/]+)\//.exec(text)?.[1];
}

function unknownWafAttrs(why: string, source: SourceRef): WafAttrs {
  const unknownAttr = unknown(why, source);
  return { defaultAction: unknownAttr, managedRuleGroups: unknownAttr, rateBasedRules: unknownAttr, ruleCount: unknownAttr, mode: unknownAttr };
}
