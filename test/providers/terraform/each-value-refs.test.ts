import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree, scanResults } from './tf-helpers';

/** The stages of the for-each-over-stages fixture, covered by an association per stage written with `arn`. */
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'terraform-unknown-count', 'for-each-over-stages');
const acl = readFileSync(join(FIXTURE, 'acl.tf'), 'utf8');
const stagesAndAssociation = (stages: string, arn: string) => `
variable "stages" {
  type = map(string)
${stages}
}

resource "aws_api_gateway_rest_api" "this" {
  name = "orders"
}

resource "aws_api_gateway_stage" "this" {
  for_each      = var.stages
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = each.value
  stage_name    = each.key
}

resource "aws_wafv2_web_acl_association" "this" {
  for_each     = aws_api_gateway_stage.this
  resource_arn = ${arn}
  web_acl_arn  = aws_wafv2_web_acl.this.arn
}
`;

/** GW-MGMT-002's verdict on each stage, as `stage: status`. */
async function wafVerdicts(main: string): Promise<string[]> {
  return (await scanResults({ 'main.tf': main, 'acl.tf': acl }, ['GW-MGMT-002'])).map((r) => `${r.node.name}: ${r.status}`).sort();
}

describe('each.value of for_each = aws_x.y refers to the instance of the same key', () => {
  test('an association per stage written with each.value.arn protects its stage', async () => {
    expect(await wafVerdicts(stagesAndAssociation('  default = { prod = "d1", beta = "d2" }', 'each.value.arn'))).toEqual(['this["beta"]: pass', 'this["prod"]: pass']);
  });

  test('so does one whose stages are not known statically', async () => {
    expect(await wafVerdicts(stagesAndAssociation('', 'each.value.arn'))).toEqual(['this: pass']);
  });

  test('each.key is only a name: it refers to nothing', async () => {
    expect(await wafVerdicts(stagesAndAssociation('  default = { prod = "d1" }', '"arn:aws:apigateway:eu-west-1::/restapis/x/stages/${each.key}"'))).toEqual(['this["prod"]: fail']);
  });
});

describe('for_each = aws_x.y iterates over aws_x.y\'s instances', () => {
  test('one instance per instance of the resource, each.value holding its written arguments', async () => {
    const read = await readTree({
      'main.tf': [
        'variable "apis" {',
        '  type    = map(string)',
        '  default = { orders = "o", billing = "b" }',
        '}',
        'resource "aws_api_gateway_rest_api" "this" {',
        '  for_each = var.apis',
        '  name     = "${each.key}-api"',
        '}',
        'resource "aws_api_gateway_stage" "this" {',
        '  for_each      = aws_api_gateway_rest_api.this',
        '  rest_api_id   = each.value.id',
        '  deployment_id = "d"',
        '  stage_name    = each.value.name',
        '}',
      ].join('\n'),
    });
    const stages = read.resources.filter((r) => r.type === 'aws_api_gateway_stage');
    expect(stages.map((r) => [r.address, r.body.attributes['stage_name']?.value, r.body.attributes['rest_api_id']?.refs])).toEqual([
      ['aws_api_gateway_stage.this["billing"]', 'billing-api', ['aws_api_gateway_rest_api.this["billing"]']],
      ['aws_api_gateway_stage.this["orders"]', 'orders-api', ['aws_api_gateway_rest_api.this["orders"]']],
    ]);
  });
});
