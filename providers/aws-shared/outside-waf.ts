import { unknown } from '../../src/graph/attr';
import type { GraphNode, WafAttrs } from '../../src/graph/kinds';
import type { SourceRef } from '../../src/graph/source';

/** The node suffix of a web ACL that an association (or a stage) names but the scanned code does not declare. */
export const OUTSIDE_WAF_SUFFIX = '#web-acl';

/**
 * The node of a web ACL declared outside the scanned code, which `label` names (a reference, an ARN, or the expression
 * that holds it): `make` builds it, with the owner's id and `OUTSIDE_WAF_SUFFIX`, from the attributes given. Named
 * `name`, else after the ACL when `label` is its ARN.
 */
export function outsideWafNode(label: string, source: SourceRef, make: (attrs: WafAttrs) => GraphNode<'edge.waf'>, name?: string): GraphNode<'edge.waf'> {
  const node = make(outsideWafAttrs(label, source));
  return { ...node, name: name ?? wafNameInArn(label) ?? node.name };
}

/** The name of a web ACL in its ARN (`...:regional/webacl/<name>/<id>`); undefined for anything else. */
function wafNameInArn(text: string): string | undefined {
  return /^arn:[^:]+:wafv2:[^:]*:[^:]*:(?:regional|global)\/webacl\/([^/]+)\//.exec(text)?.[1];
}

/**
 * A web ACL attached to a stage but declared outside the scanned code (looked up with a data source, written as an ARN,
 * passed in as a variable, managed by Firewall Manager): the stage is covered by a WAF, whose rules are not known here.
 */
function outsideWafAttrs(acl: string, source: SourceRef): WafAttrs {
  const why = unknown(`web ACL ${acl} is not declared in the scanned code, so its rules are not known`, source);
  return { defaultAction: why, managedRuleGroups: why, rateBasedRules: why, ruleCount: why, mode: why };
}
