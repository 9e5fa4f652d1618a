import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { GraphNode, Quota } from '../../src/graph/kinds';
import { apiOf, operationsOf, planMayNotApply, usagePlansCovering } from '../../src/graph/queries';
import type { SourceRef } from '../../src/graph/source';

type Verdict = { readonly state: 'yes' } | { readonly state: 'no' } | { readonly state: 'unknown'; readonly why: string; readonly source?: SourceRef };

export default definePolicy({
  id: 'GW-MGMT-003',
  slug: 'quota',
  title: 'Stages that accept API keys or subscription keys enforce a usage quota',
  // Low: rate limits (GW-MGMT-001) already bound how fast a key can call; a quota bounds how much it can call over a
  // day or month, which limits the cost and data taken through a leaked or abused key. Defence in depth, not the first line.
  severity: 'low',
  category: 'api-management',
  control: 'quota',
  owasp: ['API4:2023', 'API6:2023'],
  target: 'api.stage',
  rationale:
    'API keys and subscription keys are shared with client applications and leak (mobile apps, browser code, repositories). ' +
    'Where a stage requires keys, a quota per key (a usage plan quota, an APIM quota policy) caps the requests one key can make per day, week or month, ' +
    'so a leaked or misbehaving key cannot drain the backend, the bill or the data behind the API unnoticed. ' +
    'Every usage plan or product covering the stage needs one: the keys of a plan without a quota are not capped. ' +
    'On API Management the `token-quota` of an AI gateway\'s `llm-token-limit` / `azure-openai-token-limit` counts as a quota. ' +
    'Rate limits bound bursts; quotas bound volume. Stages whose API accepts no key pass.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_usage_plan" "partners" {',
      '  name = "partners"',
      '  api_stages {',
      '    api_id = aws_api_gateway_rest_api.api.id',
      '    stage  = aws_api_gateway_stage.prod.stage_name',
      '  }',
      '  quota_settings {',
      '    limit  = 100000',
      '    period = "MONTH"',
      '  }',
      '  throttle_settings {',
      '    rate_limit  = 50',
      '    burst_limit = 100',
      '  }',
      '}',
      '',
      '# Azure API Management: a quota in the product policy (or <quota-by-key> in the API or service-wide policy)',
      'resource "azurerm_api_management_product_policy" "partners" {',
      '  product_id          = azurerm_api_management_product.partners.product_id',
      '  api_management_name = azurerm_api_management.apim.name',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  xml_content         = <<XML',
      '<policies>',
      '  <inbound>',
      '    <base />',
      '    <rate-limit calls="100" renewal-period="60" />',
      '    <quota calls="100000" renewal-period="2592000" />',
      '  </inbound>',
      '</policies>',
      'XML',
      '}',
    ].join('\n'),
    cloudformation: [
      'PartnersPlan:',
      '  Type: AWS::ApiGateway::UsagePlan',
      '  Properties:',
      '    UsagePlanName: partners',
      '    ApiStages:',
      '      - ApiId: !Ref Api',
      '        Stage: !Ref ProdStage',
      '    Quota:',
      '      Limit: 100000',
      '      Period: MONTH',
      '    Throttle:',
      '      RateLimit: 50',
      '      BurstLimit: 100',
      '',
      '# SAM: a usage plan with a quota through Auth.UsagePlan on AWS::Serverless::Api',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    Auth:',
      '      ApiKeyRequired: true',
      '      UsagePlan:',
      '        CreateUsagePlan: PER_API',
      '        Quota:',
      '          Limit: 100000',
      '          Period: MONTH',
      '        Throttle:',
      '          RateLimit: 50',
      '          BurstLimit: 100',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_usage_plan',
    'https://learn.microsoft.com/en-us/azure/api-management/quota-policy',
  ],
  evaluate(stage, { graph }) {
    const api = apiOf(graph, stage);
    // A stage outside any scanned API: nothing says it takes keys.
    if (!api) return pass();
    const operations = operationsOf(graph, api);
    const keys = operations.length === 0 ? routesOutOfSight(api) : usesKeys(operations);
    if (keys.state === 'no') return pass();

    const stageQuota = hasQuota(stage.attrs.quota, `the quota of stage ${stage.name}`);
    if (stageQuota.state === 'yes') return pass();
    // Every plan covering the stage that takes keys must set one: the keys of a plan without a quota are not capped.
    const covering = usagePlansCovering(graph, stage);
    if (covering.length === 0 && api.attrs.flavor !== 'apim') {
      // API Gateway rejects every API key in no plan covering the stage: live, nothing gets through; in code, the plan
      // that makes the keys work is managed elsewhere, with a quota not known here.
      if (stage.source.kind === 'cloud') return pass();
      const takes = keys.state === 'yes' ? 'takes' : 'may take';
      return unknown(`Cannot tell whether stage ${stage.name} has a usage quota: its API ${takes} API keys, no usage plan in the scanned code covers it, and API Gateway rejects every key in no plan (a plan managed elsewhere decides)`, stage.source);
    }
    const plans = planQuotas(covering);
    if (plans.state === 'yes') return pass();
    const open = [keys, stageQuota, plans].find((v): v is Extract<Verdict, { state: 'unknown' }> => v.state === 'unknown');
    if (open) return unknown(`Cannot tell whether stage ${stage.name} needs or has a usage quota: ${open.why}`, open.source ?? stage.source);
    const where = plans.state === 'no' && plans.without ? `the usage plans or products covering it (${plans.without.join(', ')}) set no quota` : 'no usage plan or product that takes keys covers it';
    return fail(`Stage ${stage.name} of API ${api.name} accepts API or subscription keys but enforces no quota: ${where}`, stage.attrs.quota.source ?? stage.source);
  },
});

/** Keys are in use when an operation requires one, or a key (API key, subscription key) is its only credential. */
function usesKeys(operations: readonly GraphNode<'api.operation'>[]): Verdict {
  let open: Verdict | undefined;
  for (const op of operations) {
    const { apiKeyRequired, authorization } = op.attrs;
    if (apiKeyRequired.state !== 'unknown' && apiKeyRequired.value) return { state: 'yes' };
    if (authorization.state !== 'unknown' && (authorization.value === 'api-key-only' || authorization.value === 'subscription-key')) return { state: 'yes' };
    if (apiKeyRequired.state === 'unknown') {
      open ??= { state: 'unknown', why: `whether route ${op.name} requires an API key is not known statically (${apiKeyRequired.expr ?? 'computed'})`, ...(apiKeyRequired.source && { source: apiKeyRequired.source }) };
    }
  }
  return open ?? { state: 'no' };
}

/**
 * An API with no route in the graph takes keys only if its routes are out of sight: written in a specification not
 * known statically, or (API Management) operations managed outside the scanned code. Live, the routes were read in full.
 */
function routesOutOfSight(api: GraphNode<'api'>): Verdict {
  const complete = api.attrs.operationsComplete;
  if (complete?.state !== 'unknown' && complete?.value === true) return { state: 'no' };
  // API Management: the API's own setting says whether its calls take keys, wherever its operations are managed.
  const keyRequired = api.attrs.keyRequired;
  if (keyRequired && keyRequired.state !== 'unknown') return { state: keyRequired.value ? 'yes' : 'no' };
  const spec = api.attrs.hasSpec;
  if (api.attrs.flavor === 'apim' || (spec.state !== 'unknown' && spec.value)) {
    return { state: 'unknown', why: `no route of API ${api.name} is in the scanned code (its operations or specification are not known statically), so whether its routes take keys is not known`, source: api.source };
  }
  return { state: 'no' };
}

/** A quota of 0 blocks every request: a quota too. */
function hasQuota(attr: Attr<Quota | null>, what: string): Verdict {
  switch (attr.state) {
    case 'unknown':
      return { state: 'unknown', why: `${what} is not known statically (${attr.expr ?? 'computed'})`, ...(attr.source && { source: attr.source }) };
    case 'set':
    case 'default':
      return attr.value === null ? { state: 'no' } : { state: 'yes' };
  }
}

/**
 * Whether the plans covering a stage cap every key: each plan that takes keys (not an open product) and applies sets
 * a quota. One that may not apply (may not exist, may not cover the stage) matters only if it does. `without`: the
 * plans known to apply that set none.
 */
function planQuotas(plans: readonly GraphNode<'api.usage-plan'>[]): Verdict & { readonly without?: readonly string[] } {
  const without: string[] = [];
  let open: Verdict | undefined;
  let applying = false;
  for (const plan of plans) {
    const { keyRequired, applies } = plan.attrs;
    if (keyRequired.state !== 'unknown' && !keyRequired.value) continue;
    if (applies.state !== 'unknown' && !applies.value) continue;
    const quota = hasQuota(plan.attrs.quota, `the quota of usage plan ${plan.name}`);
    const certain = applies.state !== 'unknown' && keyRequired.state !== 'unknown';
    if (quota.state === 'no' && certain) without.push(plan.name);
    else if (quota.state === 'no') {
      const why = keyRequired.state === 'unknown' ? `whether product ${plan.name} takes keys is not known statically (${keyRequired.expr ?? 'computed'})`
        : planMayNotApply([plan])?.why ?? '';
      open ??= { state: 'unknown', why: `${plan.name} sets no quota, and ${why}` };
    } else if (quota.state === 'unknown') open ??= quota;
    if (applies.state !== 'unknown') applying = true;
  }
  if (without.length > 0) return { state: 'no', without };
  if (open) return open;
  if (applying) return { state: 'yes' };
  const maybe = planMayNotApply(plans);
  return maybe ? { state: 'unknown', ...maybe } : { state: 'no' };
}
