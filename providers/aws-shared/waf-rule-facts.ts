/** What the WAF policies need of one web ACL rule. */
export interface WafRuleFacts {
  /** `AWS/AWSManagedRulesCommonRuleSet` (vendor/name) for a managed rule group statement. */
  readonly managedGroup?: string;
  readonly rateBased: boolean;
  /** The rule only counts matches (`Action: {Count: {}}` or `OverrideAction: {Count: {}}`). */
  readonly countOnly: boolean;
}

/**
 * Facts of a rule in the WAFv2 API's own shape, which CloudFormation templates and Terraform's `rule_json` share:
 * https://docs.aws.amazon.com/waf/latest/APIReference/API_Rule.html
 */
export function wafRuleFacts(rule: unknown): WafRuleFacts {
  const r = record(rule);
  const statement = record(r['Statement']);
  const managed = record(statement['ManagedRuleGroupStatement']);
  const name = typeof managed['Name'] === 'string' ? managed['Name'] : undefined;
  const vendor = typeof managed['VendorName'] === 'string' ? managed['VendorName'] : undefined;
  return {
    ...(name !== undefined && { managedGroup: vendor ? `${vendor}/${name}` : name }),
    rateBased: 'RateBasedStatement' in statement,
    countOnly: 'Count' in record(r['Action']) || 'Count' in record(r['OverrideAction']),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
