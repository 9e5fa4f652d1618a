import { definePolicy, fail, pass, unknown, type Outcome } from '../../src/engine/policy';
import type { ReadonlyGraph } from '../../src/graph/graph';
import type { GraphNode } from '../../src/graph/kinds';

export default definePolicy({
  id: 'GW-KEY-003',
  slug: 'api-key-scope',
  title: 'Enabled API keys are bound to a usage plan and in use',
  severity: 'low',
  category: 'key-management',
  control: 'api-key-scope',
  owasp: ['API2:2023', 'API9:2023'],
  target: 'api.key',
  rationale:
    'An API Gateway key opens only the stages of the usage plans that list it, with their throttles and quotas. An enabled key in no usage plan is a ' +
    'credential someone was given that nothing governs: it fails today, and starts working, with whatever limits that plan has, the day anyone adds it ' +
    'to a plan, so nobody remembers who holds it. An enabled key that was never used is the same kind of forgotten credential. Disable or delete such keys, ' +
    'or put them in the plan they were made for. API Gateway records no last use per key, so that half applies only where the platform records it; ' +
    'APIM subscriptions always name their product, API or service and are not judged here.',
  remediation: {
    terraform: [
      '# Put the key in the usage plan it was made for...',
      'resource "aws_api_gateway_usage_plan_key" "partner" {',
      '  key_id        = aws_api_gateway_api_key.partner.id',
      '  key_type      = "API_KEY"',
      '  usage_plan_id = aws_api_gateway_usage_plan.partners.id',
      '}',
      '',
      '# ...or disable it (or delete the resource) when nobody should hold it',
      'resource "aws_api_gateway_api_key" "legacy" {',
      '  name    = "legacy"',
      '  enabled = false',
      '}',
    ].join('\n'),
    cloudformation: [
      '# Put the key in the usage plan it was made for (or set Enabled: false, or remove the key)',
      'PartnerPlanKey:',
      '  Type: AWS::ApiGateway::UsagePlanKey',
      '  Properties:',
      '    KeyId: !Ref PartnerKey',
      '    KeyType: API_KEY',
      '    UsagePlanId: !Ref PartnersPlan',
    ].join('\n'),
    aws: [
      '# Put the key in the usage plan it was made for...',
      'aws apigateway create-usage-plan-key --usage-plan-id PLAN_ID --key-id KEY_ID --key-type API_KEY',
      '# ...or disable it, then delete it once nobody complains',
      'aws apigateway update-api-key --api-key KEY_ID --patch-operations op=replace,path=/enabled,value=false',
      'aws apigateway delete-api-key --api-key KEY_ID',
      '# Console: API Gateway > Usage plans > (plan) > Associated API keys > Add API key; or API keys > (key) > Actions > Disable',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlanKey.html',
    'https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/',
  ],
  frameworks: { 'nist-800-53': ['AC-2(3)', 'IA-5'] },
  evaluate(key, { graph }) {
    const enabled = key.attrs.enabled;
    // A disabled key opens nothing, wherever it is bound.
    if (enabled.state !== 'unknown' && !enabled.value) return pass();
    const outcomes = [checkPlans(key, graph), checkUse(key)];
    const failures = outcomes.filter((o) => o.status === 'fail');
    if (failures.length > 0) return failures;
    return outcomes.filter((o) => o.status === 'unknown');
  },
});

/** A key bound by usage plans declared apart must be in one. */
function checkPlans(key: GraphNode<'api.key'>, graph: ReadonlyGraph): Outcome {
  const scope = key.attrs.scope;
  // No scope: a secret the gateway holds, not a key clients present.
  if (scope === undefined) return pass();
  switch (scope.state) {
    case 'unknown':
      return unknown(`\`${key.name}\`: what the key is bound to is not known (${scope.expr ?? 'computed'})`, scope.source ?? key.source, 'no-plan');
    case 'set':
    case 'default': {
      if (scope.value !== 'usage-plans') return pass();
      if (graph.out(key.id, 'key-in-plan').some((n) => n.kind === 'api.usage-plan')) return pass();
      const enabled = key.attrs.enabled;
      if (enabled.state === 'unknown') {
        return unknown(`\`${key.name}\` is in no usage plan, and whether it is enabled is not known (${enabled.expr ?? 'computed'})`, enabled.source ?? key.source, 'no-plan');
      }
      return fail(`\`${key.name}\` is enabled but in no usage plan: nothing limits it, and it opens whatever plan it is added to`, key.source, { key: 'no-plan' });
    }
  }
}

/** Where the platform records a key's last use, an enabled key never used is a forgotten credential. */
function checkUse(key: GraphNode<'api.key'>): Outcome {
  const lastUsed = key.attrs.lastUsedAt;
  if (lastUsed === undefined) return pass();
  switch (lastUsed.state) {
    case 'unknown':
      return unknown(`\`${key.name}\`: when the key was last used is not known (${lastUsed.expr ?? 'computed'})`, lastUsed.source ?? key.source, 'never-used');
    case 'set':
    case 'default': {
      if (lastUsed.value !== null) return pass();
      if (key.attrs.enabled.state === 'unknown') return unknown(`\`${key.name}\` was never used, and whether it is enabled is not known`, key.source, 'never-used');
      return fail(`\`${key.name}\` is enabled but was never used`, lastUsed.source ?? key.source, { key: 'never-used' });
    }
  }
}
