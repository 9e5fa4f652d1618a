import { find, readTree, valueOf } from './tf-helpers';

// Modules switch optional blocks on `var.x != null` where the caller passes another resource's ARN: the ARN is not
// known before apply, but it is never null or empty, so the block is there once applied.
describe('references to a resource id or arn', () => {
  const files = {
    'main.tf': [
      'resource "aws_cloudwatch_log_group" "api" { name = "/aws/api/orders" }',
      'module "api" {',
      '  source          = "./api"',
      '  log_destination = aws_cloudwatch_log_group.api.arn',
      '}',
      'resource "aws_test" "t" {',
      '  arn_not_null   = aws_cloudwatch_log_group.api.arn != null',
      '  id_is_empty    = aws_cloudwatch_log_group.api.id == ""',
      '  null_is_id     = null == aws_cloudwatch_log_group.api.id',
      '  name_not_null  = aws_cloudwatch_log_group.api.retention_in_days != null',
      '  arn_equals_str = aws_cloudwatch_log_group.api.arn == "arn:aws:logs:x"',
      '}',
    ].join('\n'),
    'api/main.tf': [
      'variable "log_destination" {',
      '  type    = string',
      '  default = null',
      '}',
      'resource "aws_apigatewayv2_stage" "default" {',
      '  api_id = "a1b2c3"',
      '  name   = "$default"',
      '  dynamic "access_log_settings" {',
      '    for_each = var.log_destination != null ? [true] : []',
      '    content {',
      '      destination_arn = var.log_destination',
      '      format          = "$context.requestId"',
      '    }',
      '  }',
      '}',
    ].join('\n'),
  };

  test('compare unequal to null and "" although their text is unknown', async () => {
    const result = await readTree(files);
    expect(valueOf(result, 'aws_test.t', 'arn_not_null')).toBe(true);
    expect(valueOf(result, 'aws_test.t', 'id_is_empty')).toBe(false);
    expect(valueOf(result, 'aws_test.t', 'null_is_id')).toBe(false);
  });

  test('other computed attributes and comparisons with other strings stay unknown', async () => {
    const result = await readTree(files);
    expect(valueOf(result, 'aws_test.t', 'name_not_null')).toMatchObject({ unknown: true });
    expect(valueOf(result, 'aws_test.t', 'arn_equals_str')).toMatchObject({ unknown: true });
  });

  test('a dynamic block switched on by a module input that is an ARN is present', async () => {
    const result = await readTree(files);
    const stage = find(result, 'module.api.aws_apigatewayv2_stage.default').body;
    expect(stage.unknownBlocks).toEqual([]);
    expect(stage.blocks.access_log_settings).toHaveLength(1);
  });
});
