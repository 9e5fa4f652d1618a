import { readFileSync } from 'node:fs';
import { planToResources } from '../../../providers/terraform/plan/load-plans';
import { parsePlanText } from '../../../providers/terraform/plan/read-plan';
import type { TfResource } from '../../../providers/terraform/model';
import { runPolicies } from '../../../src/engine/run';
import { builtinPolicies } from '../../../policies';
import { fixture, loadTerraform } from './plan-helpers';

const PLAN = fixture('plan-only', 'plan.json');
const text = readFileSync(PLAN, 'utf8');

function resources(): readonly TfResource[] {
  const read = parsePlanText(PLAN, text);
  if (!('document' in read)) throw new Error(read.diagnostic.message);
  return planToResources(read.document, []).resources;
}

function find(address: string): TfResource {
  const found = resources().find((r) => r.address === address);
  if (!found) throw new Error(`no ${address}`);
  return found;
}

describe('plan JSON: values', () => {
  test('resources keep their module addresses and instance keys; resources only being deleted are left out, replacements kept', () => {
    expect(resources().map((r) => r.address).sort()).toEqual([
      'aws_acm_certificate.api',
      'aws_api_gateway_domain_name.computed_policy',
      'aws_api_gateway_domain_name.replaced',
      'aws_wafv2_web_acl.main',
      'aws_wafv2_web_acl_association.prod',
      'module.api.aws_api_gateway_deployment.this',
      'module.api.aws_api_gateway_rest_api.this',
      'module.api.aws_api_gateway_stage.this["prod"]',
      'module.api.aws_api_gateway_stage.this["test"]',
      'module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]',
      'module.edge.aws_api_gateway_domain_name.this["orders.example.com"]',
    ]);
    expect(find('module.api.aws_api_gateway_stage.this["prod"]')).toMatchObject({
      mode: 'managed', type: 'aws_api_gateway_stage', name: 'this', modulePath: 'module.api', instanceKey: 'prod',
    });
  });

  test('planned values become attributes, lists of objects become blocks, nulls are unset', () => {
    const api = find('module.api.aws_api_gateway_rest_api.this').body;
    expect(api.attributes.name?.value).toBe('payments');
    expect(api.attributes.disable_execute_api_endpoint?.value).toBe(false);
    expect(api.attributes.body).toBeUndefined();
    expect(api.blocks.endpoint_configuration?.[0]?.attributes.types?.value).toEqual(['REGIONAL']);
    const acl = find('aws_wafv2_web_acl.main').body;
    const action = acl.blocks.default_action?.[0];
    expect(action?.blocks.allow).toHaveLength(1);
    expect(action?.blocks.block).toBeUndefined();
    expect(acl.blocks.rule?.[0]?.blocks.statement?.[0]?.blocks.managed_rule_group_statement?.[0]?.attributes.name?.value).toBe('AWSManagedRulesCommonRuleSet');
  });

  test('after_unknown: written values known only after apply are unknown, with their refs', () => {
    const association = find('aws_wafv2_web_acl_association.prod').body;
    expect(association.attributes.resource_arn).toMatchObject({
      value: { unknown: true, expr: 'aws_wafv2_web_acl_association.prod.resource_arn (known after apply)' },
      // Through the module output prod_stage_arn, to the keyed stage only.
      refs: ['module.api.aws_api_gateway_stage.this["prod"]'],
    });
    expect(association.attributes.web_acl_arn?.refs).toEqual(['aws_wafv2_web_acl.main']);
    // A module input (var.certificate_arn) followed to the caller's argument.
    expect(find('module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]').body.attributes.regional_certificate_arn?.refs).toEqual(['aws_acm_certificate.api']);
  });

  test('after_unknown: values the configuration does not write are computed by the provider: left unset, so defaults apply', () => {
    const domain = find('aws_api_gateway_domain_name.computed_policy').body;
    expect(domain.attributes.security_policy).toBeUndefined();
    expect(domain.unknownBlocks).toContain('security_policy');
    expect(domain.attributes.arn).toBeUndefined();
  });

  test('refs become graph edges: the WAF association protects its stage although resource_arn is unknown', async () => {
    const { graph, diagnostics } = await loadTerraform([PLAN]);
    expect(diagnostics).toEqual([]);
    const protectedStages = graph.edges().filter((e) => e.rel === 'waf-protects').map((e) => `${e.from} -> ${e.to}`);
    expect(protectedStages).toEqual(['terraform:plan-only:aws_wafv2_web_acl.main -> terraform:plan-only:module.api.aws_api_gateway_stage.this["prod"]']);
    const waf = builtinPolicies.find((p) => p.slug === 'waf-protection');
    if (!waf) throw new Error('no waf-protection policy');
    const verdicts = runPolicies(graph, [waf]).map((r) => `${r.node.name}: ${r.status}`);
    expect(verdicts.sort()).toEqual(['this["prod"]: pass', 'this["test"]: fail']);
  });

  test('without .tf sources, findings point at the line and column of the resource\'s change in the plan file', async () => {
    const { graph } = await loadTerraform([PLAN]);
    const tls = builtinPolicies.find((p) => p.slug === 'tls-version');
    if (!tls) throw new Error('no tls-version policy');
    const failures = runPolicies(graph, [tls]).filter((r) => r.status === 'fail');
    const address = 'module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]';
    const changes = text.indexOf('"resource_changes":');
    const expectedColumn = text.indexOf(`"address":${JSON.stringify(address)}`, changes) + 1;
    expect(changes).toBeGreaterThan(text.indexOf(`"address":${JSON.stringify(address)}`));
    expect(failures.map((r) => r.location)).toEqual(expect.arrayContaining([{ kind: 'file', file: PLAN, line: 1, column: expectedColumn, address }]));
    // The one being replaced gets TLS 1.2, and the one being deleted is not checked.
    expect(failures.map((r) => r.node.name).sort()).toEqual(['computed_policy', 'this["legacy.example.com"]']);
  });

  test('a plan with a line break before its changes: resources are found at their own lines (the first entry of each)', () => {
    const broken = text.replace('"planned_values":', '"planned_values":\n');
    const read = parsePlanText(PLAN, broken);
    if (!('document' in read)) throw new Error(read.diagnostic.message);
    expect(read.document.changeAddressOffsets).toBeDefined();
    const address = 'module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]';
    const resource = planToResources(read.document, []).resources.find((r) => r.address === address);
    const written = broken.indexOf(`"address":${JSON.stringify(address)}`);
    expect(resource?.source).toEqual({ kind: 'file', file: PLAN, line: 2, column: written - broken.indexOf('\n'), address });
  });
});
