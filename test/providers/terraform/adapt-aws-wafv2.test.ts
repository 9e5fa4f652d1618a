import { join } from 'node:path';
import { scan } from '../../../src/scan/scan';
import { scanVerdicts } from './tf-helpers';
import { expectAdapted, tf, type AdapterCase } from '../../helpers/tf-resources';

const managedRule = (name: string, override: 'none' | 'count') => ({
  name,
  priority: 1,
  override_action: tf.block({ [override]: tf.block() }),
  statement: tf.block({ managed_rule_group_statement: tf.block({ name, vendor_name: 'AWS' }) }),
  visibility_config: tf.block({ metric_name: name, sampled_requests_enabled: true, cloudwatch_metrics_enabled: true }),
});

const rateRule = (action: 'block' | 'count') => ({
  name: 'rate',
  priority: 2,
  action: tf.block({ [action]: tf.block() }),
  statement: tf.block({ rate_based_statement: tf.block({ limit: 1000, aggregate_key_type: 'IP' }) }),
});

const cases: AdapterCase[] = [
  {
    name: 'web acl with managed and rate-based rules that block',
    resources: () => [tf.resource('aws_wafv2_web_acl', 'acl', {
      name: 'acl', scope: 'REGIONAL', default_action: tf.block({ allow: tf.block() }),
      rule: tf.blocks(managedRule('AWSManagedRulesCommonRuleSet', 'none'), rateRule('block')),
    })],
    nodes: {
      'terraform:aws_wafv2_web_acl.acl': {
        kind: 'edge.waf',
        attrs: {
          defaultAction: { state: 'set', value: 'allow' },
          managedRuleGroups: { state: 'set', value: ['AWS/AWSManagedRulesCommonRuleSet'] },
          rateBasedRules: { state: 'set', value: 1 },
          ruleCount: { state: 'set', value: 2 },
          mode: { state: 'set', value: 'prevention' },
        },
      },
    },
  },
  {
    name: 'web acl whose rules only count is in detection mode',
    resources: () => [tf.resource('aws_wafv2_web_acl', 'acl', {
      scope: 'REGIONAL', default_action: tf.block({ allow: tf.block() }), rule: tf.blocks(managedRule('AWSManagedRulesSQLiRuleSet', 'count'), rateRule('count')),
    })],
    nodes: { 'terraform:aws_wafv2_web_acl.acl': { attrs: { mode: { value: 'detection' }, ruleCount: { value: 2 } } } },
  },
  {
    name: 'web acl without rules: default block, counts by default',
    resources: () => [tf.resource('aws_wafv2_web_acl', 'acl', { scope: 'REGIONAL', default_action: tf.block({ block: tf.block() }) })],
    nodes: {
      'terraform:aws_wafv2_web_acl.acl': {
        attrs: { defaultAction: { value: 'block' }, ruleCount: { state: 'default', value: 0 }, managedRuleGroups: { state: 'default', value: [] }, mode: { value: 'prevention' } },
      },
    },
  },
  {
    name: 'web acl with dynamic rules of unknown for_each',
    resources: () => [tf.resource('aws_wafv2_web_acl', 'acl', { scope: 'REGIONAL', default_action: tf.block({ allow: tf.block() }), rule: tf.dynamic() })],
    nodes: { 'terraform:aws_wafv2_web_acl.acl': { attrs: { ruleCount: { state: 'unknown' }, mode: { state: 'unknown' }, defaultAction: { value: 'allow' } } } },
  },
  {
    name: 'web acl with rule_json',
    resources: () => [tf.resource('aws_wafv2_web_acl', 'acl', {
      scope: 'REGIONAL', default_action: tf.block({ allow: tf.block() }),
      rule_json: JSON.stringify([{ Name: 'm', Priority: 1, OverrideAction: { Count: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } }]),
    })],
    nodes: {
      'terraform:aws_wafv2_web_acl.acl': { attrs: { managedRuleGroups: { value: ['AWS/AWSManagedRulesKnownBadInputsRuleSet'] }, mode: { value: 'detection' } } },
    },
  },
  {
    name: 'associations: to a stage (ARN built from api and stage names the stage only) and to an API outside the scan',
    resources: () => [
      tf.resource('aws_wafv2_web_acl', 'acl', { scope: 'REGIONAL', default_action: tf.block({ block: tf.block() }) }),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: tf.ref('aws_api_gateway_rest_api.api'), stage_name: 'prod' }),
      tf.resource('aws_wafv2_web_acl_association', 'stage', {
        resource_arn: tf.ref(['aws_api_gateway_rest_api.api', 'aws_api_gateway_stage.prod']), web_acl_arn: tf.ref('aws_wafv2_web_acl.acl'),
      }),
      tf.resource('aws_wafv2_web_acl_association', 'elsewhere', { resource_arn: tf.ref('aws_api_gateway_stage.other'), web_acl_arn: tf.ref('aws_wafv2_web_acl.acl') }),
    ],
    edges: [
      { from: 'terraform:aws_wafv2_web_acl.acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.prod' },
      { from: 'terraform:aws_wafv2_web_acl.acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.other' },
    ],
  },
  {
    name: 'associations to web ACLs declared elsewhere (a data source, an ARN, a variable): each stage is covered by a WAF of unknown rules',
    resources: () => [
      tf.resource('aws_api_gateway_stage', 'by_data', { stage_name: 'a' }),
      tf.resource('aws_api_gateway_stage', 'by_arn', { stage_name: 'b' }),
      tf.resource('aws_api_gateway_stage', 'by_var', { stage_name: 'c' }),
      tf.resource('aws_wafv2_web_acl_association', 'data', { resource_arn: tf.ref('aws_api_gateway_stage.by_data'), web_acl_arn: tf.ref('data.aws_wafv2_web_acl.shared') }),
      tf.resource('aws_wafv2_web_acl_association', 'arn', {
        resource_arn: tf.ref('aws_api_gateway_stage.by_arn'), web_acl_arn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared-api-waf/0a1b2c3d',
      }),
      tf.resource('aws_wafv2_web_acl_association', 'var', { resource_arn: tf.ref('aws_api_gateway_stage.by_var'), web_acl_arn: tf.unknown('var.waf_arn') }),
      // Attached to something that is not an API: no WAF node.
      tf.resource('aws_wafv2_web_acl_association', 'alb', { resource_arn: tf.ref('aws_lb.front'), web_acl_arn: tf.ref('data.aws_wafv2_web_acl.shared') }),
    ],
    nodes: {
      'terraform:aws_wafv2_web_acl_association.data#web-acl': { kind: 'edge.waf', name: 'data.aws_wafv2_web_acl.shared', attrs: { mode: { state: 'unknown', expr: expect.stringContaining('data.aws_wafv2_web_acl.shared is not declared in the scanned code') } } },
      'terraform:aws_wafv2_web_acl_association.arn#web-acl': { kind: 'edge.waf', name: 'shared-api-waf', attrs: { defaultAction: { state: 'unknown' }, ruleCount: { state: 'unknown' } } },
      'terraform:aws_wafv2_web_acl_association.var#web-acl': { kind: 'edge.waf', name: 'var', attrs: { mode: { state: 'unknown', expr: expect.stringContaining('web_acl_arn (var.waf_arn)') } } },
    },
    edges: [
      { from: 'terraform:aws_wafv2_web_acl_association.data#web-acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.by_data' },
      { from: 'terraform:aws_wafv2_web_acl_association.arn#web-acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.by_arn' },
      { from: 'terraform:aws_wafv2_web_acl_association.var#web-acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.by_var' },
    ],
    absent: ['terraform:aws_wafv2_web_acl_association.alb#web-acl'],
  },
];

describe('Terraform adapter: WAFv2', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectAdapted(c);
  });

  it('does not protect the whole API when the association names a stage', () => {
    const { edges } = expectAdapted(cases[5] as AdapterCase);
    expect(edges.filter((e) => e.rel === 'waf-protects').map((e) => e.to)).not.toContain('terraform:aws_api_gateway_rest_api.api');
  });
});

describe('Terraform adapter: WAF Classic', () => {
  it('says that WAF Classic web ACLs are not modelled', () => {
    expectAdapted({
      name: 'waf classic',
      resources: () => [tf.resource('aws_wafregional_web_acl', 'classic', { name: 'classic', metric_name: 'classic', default_action: tf.block({ type: 'BLOCK' }) })],
      diagnostics: [/aws_wafregional_web_acl\.classic: WAF Classic web ACLs are not modelled: their rules are not judged/],
    });
  });

  it('a regional association covers its stage or API with a WAF whose rules are not known, whatever names the ACL', () => {
    const classicReason = 'web_acl_id names a WAF Classic web ACL, which is not modelled: its rules are not judged';
    expectAdapted({
      name: 'waf classic associations',
      resources: () => [
        tf.resource('aws_wafregional_web_acl', 'classic', { name: 'classic', metric_name: 'classic', default_action: tf.block({ type: 'BLOCK' }) }),
        tf.resource('aws_api_gateway_rest_api', 'api', { name: 'orders' }),
        tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: tf.ref('aws_api_gateway_rest_api.api'), stage_name: 'prod' }),
        tf.resource('aws_wafregional_web_acl_association', 'declared', { resource_arn: tf.ref('aws_api_gateway_stage.prod'), web_acl_id: tf.ref('aws_wafregional_web_acl.classic') }),
        tf.resource('aws_wafregional_web_acl_association', 'by_id', { resource_arn: tf.ref('aws_api_gateway_rest_api.api'), web_acl_id: '0a1b2c3d-1111-2222-3333-444455556666' }),
        // Attached to something that is not an API: no WAF node.
        tf.resource('aws_wafregional_web_acl_association', 'alb', { resource_arn: tf.ref('aws_lb.front'), web_acl_id: tf.ref('aws_wafregional_web_acl.classic') }),
      ],
      nodes: {
        'terraform:aws_wafregional_web_acl_association.declared#web-acl': { kind: 'edge.waf', attrs: { mode: { state: 'unknown', expr: classicReason }, defaultAction: { state: 'unknown' } } },
        'terraform:aws_wafregional_web_acl_association.by_id#web-acl': { kind: 'edge.waf', attrs: { mode: { state: 'unknown', expr: classicReason } } },
      },
      edges: [
        { from: 'terraform:aws_wafregional_web_acl_association.declared#web-acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_stage.prod' },
        { from: 'terraform:aws_wafregional_web_acl_association.by_id#web-acl', rel: 'waf-protects', to: 'terraform:aws_api_gateway_rest_api.api' },
      ],
      absent: ['terraform:aws_wafregional_web_acl_association.alb#web-acl'],
    });
  });
});

describe('Terraform adapter: a WAF association that may not exist', () => {
  /** A stage, a blocking web ACL and their association, with the `count` lines given (empty: none). */
  const config = (stageCount: string, associationCount: string, stageRef: string): string => [
    'variable "enabled" { type = bool }',
    'variable "waf_enabled" { type = bool }',
    'resource "aws_api_gateway_rest_api" "api" {',
    '  name = "orders"',
    '  endpoint_configuration { types = ["REGIONAL"] }',
    '}',
    'resource "aws_api_gateway_stage" "prod" {',
    stageCount,
    '  rest_api_id   = aws_api_gateway_rest_api.api.id',
    '  deployment_id = "d1"',
    '  stage_name    = "prod"',
    '}',
    'resource "aws_wafv2_web_acl" "blocking" {',
    '  name  = "api"',
    '  scope = "REGIONAL"',
    '  default_action {',
    '    block {}',
    '  }',
    '}',
    'resource "aws_wafv2_web_acl_association" "waf" {',
    associationCount,
    `  resource_arn = ${stageRef}.arn`,
    '  web_acl_arn  = aws_wafv2_web_acl.blocking.arn',
    '}',
  ].join('\n');

  /** GW-MGMT-002's results on the configuration, as `status: message`. */
  const wafVerdicts = (source: string): Promise<string[]> => scanVerdicts(source, ['GW-MGMT-002'], (r) => `${r.status}: ${r.message}`);

  test('an association whose count is not known covers its stage with nothing known, whatever the ACL blocks', async () => {
    expect(await wafVerdicts(config('', '  count        = var.waf_enabled ? 1 : 0', 'aws_api_gateway_stage.prod'))).toEqual([
      expect.stringMatching(/^unknown: .*aws_wafv2_web_acl_association\.waf may not exist: its count or for_each/),
    ]);
  });

  test('an association switched on and off with its stage (the same unknown count) protects it whenever it exists', async () => {
    const sameCount = '  count = var.enabled ? 1 : 0';
    expect(await wafVerdicts(config(sameCount, sameCount, 'aws_api_gateway_stage.prod[0]'))).toEqual(['pass: ']);
  });
});

describe('Terraform adapter: unknown counts in modules and for_each over stages', () => {
  const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'terraform-unknown-count');
  const verdict = async (dir: string): Promise<string[]> => {
    const result = await scan({ paths: [join(FIXTURES, dir)], cwd: FIXTURES, only: ['GW-MGMT-002'] });
    return result.results.map((r) => r.status);
  };

  test('the same count text in two modules fed by different variables is not one switch', async () => {
    expect(await verdict('modules-switched-apart')).toEqual(['unknown']);
  });

  test('an association whose for_each is the stages themselves exists with each of them', async () => {
    expect(await verdict('for-each-over-stages')).toEqual(['pass']);
  });
});
