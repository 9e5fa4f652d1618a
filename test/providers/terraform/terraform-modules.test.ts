import { join } from 'node:path';
import { readTerraform } from '../../../providers/terraform/load';
import { find, readTree, valueOf } from './tf-helpers';

const apiModule = {
  'modules/api/variables.tf': 'variable "name" {}\nvariable "stages" { default = ["dev"] }\n',
  'modules/api/main.tf': [
    'resource "aws_api_gateway_rest_api" "this" {',
    '  name = var.name',
    '}',
    '',
    'module "stage" {',
    '  source = "../stage"',
    '  for_each = toset(var.stages)',
    '  rest_api_id = aws_api_gateway_rest_api.this.id',
    '  stage_name = each.key',
    '}',
  ].join('\n'),
  'modules/api/outputs.tf': 'output "api_name" { value = aws_api_gateway_rest_api.this.name }\n',
  'modules/stage/main.tf': [
    'variable "rest_api_id" {}',
    'variable "stage_name" {}',
    'resource "aws_api_gateway_stage" "this" {',
    '  rest_api_id = var.rest_api_id',
    '  stage_name = var.stage_name',
    '}',
  ].join('\n'),
};

describe('local modules', () => {
  test('inputs, outputs and nested modules, with module-prefixed addresses and file/line in the module', async () => {
    const result = await readTree({
      ...apiModule,
      'env/main.tf': [
        'module "api" {',
        '  source = "../modules/api"',
        '  name = "payments"',
        '  stages = ["prod", "test"]',
        '}',
        'resource "aws_test" "uses_output" {',
        '  name = module.api.api_name',
        '}',
      ].join('\n'),
    });
    // modules/api and modules/stage are called by scanned directories: read only through env/.
    expect(result.resources.map((r) => r.address)).toEqual([
      'aws_test.uses_output',
      'module.api.aws_api_gateway_rest_api.this',
      'module.api.module.stage["prod"].aws_api_gateway_stage.this',
      'module.api.module.stage["test"].aws_api_gateway_stage.this',
    ]);
    const api = find(result, 'module.api.aws_api_gateway_rest_api.this');
    expect(api).toMatchObject({ modulePath: 'module.api', source: { file: `${result.root}/modules/api/main.tf`, line: 1, endLine: 3 } });
    expect(api.body.attributes.name).toMatchObject({ value: 'payments', source: { file: `${result.root}/modules/api/main.tf`, line: 2 } });
    const stage = find(result, 'module.api.module.stage["prod"].aws_api_gateway_stage.this');
    expect(stage.modulePath).toBe('module.api.module.stage["prod"]');
    expect(stage.body.attributes.stage_name?.value).toBe('prod');
    expect(stage.body.attributes.rest_api_id).toMatchObject({ refs: ['module.api.aws_api_gateway_rest_api.this'], source: { file: `${result.root}/modules/stage/main.tf`, line: 4 } });
    expect(find(result, 'aws_test.uses_output').body.attributes.name).toMatchObject({ value: 'payments', refs: ['module.api.aws_api_gateway_rest_api.this'] });
  });

  test('a module directory with no scanned caller is a root with variable defaults', async () => {
    const result = await readTree(apiModule, {}, ['modules/stage/main.tf']);
    expect(result.resources.map((r) => r.address)).toEqual(['aws_api_gateway_stage.this']);
    expect(valueOf(result, 'aws_api_gateway_stage.this', 'stage_name')).toEqual({ unknown: true, expr: 'var.stage_name' });
  });

  test('a module outside the scanned files is still followed (examples calling "../..")', async () => {
    const result = await readTree({ ...apiModule, 'modules/api/examples/basic/main.tf': 'module "api" {\n  source = "../.."\n  name = "ex"\n}\n' }, {}, ['modules/api/examples/basic/main.tf']);
    expect(result.resources.map((r) => r.address)).toEqual(['module.api.aws_api_gateway_rest_api.this', 'module.api.module.stage["dev"].aws_api_gateway_stage.this']);
  });

  test('module with count, and a module cycle is reported, not followed forever', async () => {
    const result = await readTree({
      'main.tf': 'module "loop" {\n  source = "./loop"\n  count = 2\n}\n',
      'loop/main.tf': 'module "again" {\n  source = "../loop"\n}\nresource "aws_a" "b" {}\n',
    });
    expect(result.resources.map((r) => r.address)).toEqual(['module.loop[0].aws_a.b', 'module.loop[1].aws_a.b']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/calls itself/), line: 1 })]);
  });

  test('registry and git modules give a notice naming the module and its source', async () => {
    const result = await readTree({ 'main.tf': 'module "gw" {\n  source  = "terraform-aws-modules/apigateway-v2/aws"\n  version = "~> 5.0"\n}\n' });
    expect(result.resources).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', line: 1, message: expect.stringMatching(/module\.gw.*terraform-aws-modules\/apigateway-v2\/aws.*not checked/) }),
    ]);
  });
});

describe('the differential fixture, evaluated', () => {
  test('heredocs, optional() defaults, for-expressions into a module, dynamic blocks', async () => {
    const root = join(__dirname, '..', '..', 'fixtures', 'terraform', 'differential');
    const result = await readTerraform([join(root, 'main.tf'), join(root, 'modules', 'api', 'main.tf')], {});
    expect(result.diagnostics).toEqual([]);
    expect(valueOf(result, 'aws_api_gateway_rest_api.api', 'body')).toBe('openapi: "3.0.1"\ninfo:\n  title: payments\n');
    expect(valueOf(result, 'aws_api_gateway_rest_api.api', 'description')).toBe('Payments API.\n  Indented line.\n');
    expect(find(result, 'aws_api_gateway_stage.stage["prod"]').body.blocks.canary_settings).toHaveLength(1);
    // Written as a dynamic block that expands to nothing for this instance: listed, empty.
    expect(find(result, 'aws_api_gateway_stage.stage["test"]').body.blocks.canary_settings).toEqual([]);
    expect(valueOf(result, 'module.api.aws_apigatewayv2_stage.this[0]', 'name')).toBe('prod');
    expect(result.resources.filter((r) => r.type === 'aws_apigatewayv2_stage')).toHaveLength(1);
    expect(find(result, 'module.api.aws_apigatewayv2_stage.this[0]').body.blocks.default_route_settings?.[0]?.attributes.throttling_rate_limit?.value).toBe(100);
  });
});
