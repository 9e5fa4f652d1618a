import { join } from 'node:path';
import { scanVerdicts, tempTree, type TempTree } from './tf-helpers';
import { loadTerraform } from './plan-helpers';

// Modules switch resources on with `count = var.enabled ? 1 : 0` and refer to them as `aws_x.y[0]`. When the flag is
// not known statically the scan keeps one instance without a key: `[0]` names it.
describe('a [0] reference to a resource whose count is unknown', () => {
  let tree: TempTree;
  afterEach(() => {
    tree.cleanup();
  });

  it('links method settings to the stage they configure', async () => {
    tree = tempTree({
      'main.tf': [
        'variable "enabled" { type = bool }',
        'variable "stage" { type = string }',
        'resource "aws_api_gateway_rest_api" "this" {',
        '  count = var.enabled ? 1 : 0',
        '  name  = "orders"',
        '}',
        'resource "aws_api_gateway_stage" "this" {',
        '  count         = var.enabled ? 1 : 0',
        '  rest_api_id   = aws_api_gateway_rest_api.this[0].id',
        '  deployment_id = "d"',
        '  stage_name    = var.stage',
        '}',
        'resource "aws_api_gateway_method_settings" "all" {',
        '  count       = var.enabled ? 1 : 0',
        '  rest_api_id = aws_api_gateway_rest_api.this[0].id',
        '  stage_name  = aws_api_gateway_stage.this[0].stage_name',
        '  method_path = "*/*"',
        '  settings {',
        '    logging_level = "ERROR"',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const { graph, diagnostics } = await loadTerraform([join(tree.root, 'main.tf')], { cwd: tree.root });
    expect(diagnostics).toEqual([]);
    const stage = graph.nodes().find((n) => n.kind === 'api.stage');
    expect(stage?.attrs).toMatchObject({ executionLogging: { state: 'set', value: 'error' } });
    expect(graph.out(stage?.id ?? '', 'api-has-stage')).toEqual([]);
    expect(graph.in(stage?.id ?? '', 'api-has-stage').map((n) => n.kind)).toEqual(['api']);
  });

  it('still names nothing when the count is known and the instance does not exist', async () => {
    tree = tempTree({
      'main.tf': [
        'resource "aws_api_gateway_stage" "this" {',
        '  count         = 0',
        '  rest_api_id   = "a1b2c3"',
        '  deployment_id = "d"',
        '  stage_name    = "prod"',
        '}',
        'resource "aws_api_gateway_method_settings" "all" {',
        '  rest_api_id = "a1b2c3"',
        '  stage_name  = aws_api_gateway_stage.this[0].stage_name',
        '  method_path = "*/*"',
        '  settings {',
        '    logging_level = "ERROR"',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const { diagnostics } = await loadTerraform([join(tree.root, 'main.tf')], { cwd: tree.root });
    expect(diagnostics).toEqual([expect.objectContaining({ message: expect.stringContaining('which is not in this scan') as unknown })]);
  });
});

const LOGGING = ['GW-LOG-002', 'GW-DATA-001'];
const LIMITS = ['GW-MGMT-001', 'GW-MGMT-003'];

/** The results of `only` on a configuration, as `policy status`, sorted. */
async function verdicts(source: string, only: readonly string[]): Promise<string[]> {
  return (await scanVerdicts(source, only, (r) => `${r.policy.id} ${r.status}`)).sort();
}

describe('method settings switched on by a count of their own that is not known', () => {
  const tf = (settingsCount: string, stageCount = '') => [
    'variable "enabled" { type = bool }',
    'variable "detailed" { type = bool }',
    'resource "aws_api_gateway_rest_api" "this" {',
    '  name = "orders"',
    '}',
    'resource "aws_api_gateway_stage" "this" {',
    stageCount,
    '  rest_api_id   = aws_api_gateway_rest_api.this.id',
    '  deployment_id = "d"',
    '  stage_name    = "prod"',
    '}',
    'resource "aws_api_gateway_method_settings" "all" {',
    settingsCount,
    `  rest_api_id = aws_api_gateway_rest_api.this.id`,
    `  stage_name  = aws_api_gateway_stage.this${stageCount === '' ? '' : '[0]'}.stage_name`,
    '  method_path = "*/*"',
    '  settings {',
    '    logging_level      = "INFO"',
    '    data_trace_enabled = true',
    '  }',
    '}',
  ].join('\n');

  it('may not apply: what they write is not known, neither passed nor failed', async () => {
    expect(await verdicts(tf('  count = var.detailed ? 1 : 0'), LOGGING)).toEqual(['GW-DATA-001 unknown', 'GW-LOG-002 unknown']);
  });

  it('switched with their stage (the same count): they apply whenever it exists', async () => {
    expect(await verdicts(tf('  count = var.enabled ? 1 : 0', '  count = var.enabled ? 1 : 0'), LOGGING)).toEqual(['GW-DATA-001 fail', 'GW-LOG-002 pass']);
  });
});

describe('a usage plan switched on by a count of its own that is not known', () => {
  const tf = (planCount: string) => [
    'variable "metered" { type = bool }',
    'resource "aws_api_gateway_rest_api" "this" {',
    '  name = "orders"',
    '}',
    'resource "aws_api_gateway_resource" "orders" {',
    '  rest_api_id = aws_api_gateway_rest_api.this.id',
    '  parent_id   = aws_api_gateway_rest_api.this.root_resource_id',
    '  path_part   = "orders"',
    '}',
    'resource "aws_api_gateway_method" "get" {',
    '  rest_api_id      = aws_api_gateway_rest_api.this.id',
    '  resource_id      = aws_api_gateway_resource.orders.id',
    '  http_method      = "GET"',
    '  authorization    = "AWS_IAM"',
    '  api_key_required = true',
    '}',
    'resource "aws_api_gateway_stage" "this" {',
    '  rest_api_id   = aws_api_gateway_rest_api.this.id',
    '  deployment_id = "d"',
    '  stage_name    = "prod"',
    '}',
    'resource "aws_api_gateway_usage_plan" "this" {',
    planCount,
    '  name = "partners"',
    '  api_stages {',
    '    api_id = aws_api_gateway_rest_api.this.id',
    '    stage  = aws_api_gateway_stage.this.stage_name',
    '  }',
    '  throttle_settings {',
    '    rate_limit  = 10',
    '    burst_limit = 5',
    '  }',
    '  quota_settings {',
    '    limit  = 1000',
    '    period = "DAY"',
    '  }',
    '}',
  ].join('\n');

  it('its limits may not apply: not known', async () => {
    expect(await verdicts(tf('  count = var.metered ? 1 : 0'), LIMITS)).toEqual(['GW-MGMT-001 unknown', 'GW-MGMT-003 unknown']);
  });

  it('without a count, they apply', async () => {
    expect(await verdicts(tf(''), LIMITS)).toEqual(['GW-MGMT-001 pass', 'GW-MGMT-003 pass']);
  });

  /** A second plan on the same stage, with the count, stages and limits given. */
  const second = (count: string, stages: string, limits: string) => [
    'variable "partners" { type = bool }',
    'variable "extra_stages" { type = list(string) }',
    'resource "aws_api_gateway_usage_plan" "second" {',
    count,
    '  name = "second"',
    stages,
    limits,
    '}',
  ].join('\n');
  const onStage = '  api_stages {\n    api_id = aws_api_gateway_rest_api.this.id\n    stage  = aws_api_gateway_stage.this.stage_name\n  }';
  const limited = '  throttle_settings {\n    rate_limit = 1\n  }\n  quota_settings {\n    limit  = 10\n    period = "DAY"\n  }';

  it('a second plan that may not exist, with limits of its own, leaves the first to decide', async () => {
    expect(await verdicts(`${tf('')}\n${second('  count = var.partners ? 1 : 0', onStage, limited)}`, LIMITS)).toEqual(['GW-MGMT-001 pass', 'GW-MGMT-003 pass']);
  });

  it('a second plan without limits that may cover the stage (its api_stages are dynamic) makes the limits not known', async () => {
    const dynamicStages = '  dynamic "api_stages" {\n    for_each = var.extra_stages\n    content {\n      api_id = aws_api_gateway_rest_api.this.id\n      stage  = api_stages.value\n    }\n  }';
    expect(await verdicts(`${tf('')}\n${second('', dynamicStages, '')}`, LIMITS)).toEqual(['GW-MGMT-001 unknown', 'GW-MGMT-003 unknown']);
  });

  it('a second plan without limits naming the stage on an API not known statically (api_id from outside) makes the limits not known', async () => {
    const outsideApi = '  api_stages {\n    api_id = var.api_id\n    stage  = "prod"\n  }';
    const text = `variable "api_id" { type = string }\n${tf('')}\n${second('', outsideApi, '')}`;
    expect(await verdicts(text, LIMITS)).toEqual(['GW-MGMT-001 unknown', 'GW-MGMT-003 unknown']);
  });

  it('a second plan without limits on the stage fails both', async () => {
    expect(await verdicts(`${tf('')}\n${second('', onStage, '')}`, LIMITS)).toEqual(['GW-MGMT-001 fail', 'GW-MGMT-003 fail']);
  });
});
