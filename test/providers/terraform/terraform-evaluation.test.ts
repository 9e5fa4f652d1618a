import { find, readTree, valueOf } from './tf-helpers';

describe('variables', () => {
  const files = {
    'main.tf': [
      'variable "a" { default = "default" }',
      'variable "b" { default = "default" }',
      'variable "c" { default = "default" }',
      'variable "d" { default = "default" }',
      'variable "e" {}',
      'variable "n" { type = number }',
      'variable "obj" {',
      '  type = object({ name = string, policy = optional(string, "TLS_1_2"), extra = optional(number) })',
      '  default = { name = "x" }',
      '}',
      'resource "aws_test" "t" {',
      '  a = var.a',
      '  b = var.b',
      '  c = var.c',
      '  d = var.d',
      '  e = var.e',
      '  n = var.n',
      '  obj = var.obj',
      '}',
    ].join('\n'),
    'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\nn = "5"\n',
    'terraform.tfvars.json': '{"c": "tfvars.json", "d": "tfvars.json"}',
    'a.auto.tfvars': 'd = "a.auto"\n',
    'b.auto.tfvars.json': '{"d": "b.auto"}',
    'override.tfvars': 'a = "var-file"\n',
  };

  test('precedence: default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars (lexical) < --var-file', async () => {
    const result = await readTree(files, { varFiles: ['override.tfvars'] }, ['main.tf']);
    expect(valueOf(result, 'aws_test.t', 'a')).toBe('var-file');
    expect(valueOf(result, 'aws_test.t', 'b')).toBe('tfvars');
    expect(valueOf(result, 'aws_test.t', 'c')).toBe('tfvars.json');
    expect(valueOf(result, 'aws_test.t', 'd')).toBe('b.auto');
    expect(valueOf(result, 'aws_test.t', 'e')).toEqual({ unknown: true, expr: 'var.e' });
    expect(valueOf(result, 'aws_test.t', 'n')).toBe(5);
    expect(valueOf(result, 'aws_test.t', 'obj')).toEqual({ name: 'x', policy: 'TLS_1_2', extra: null });
    expect(result.filesRead).toBe(6);
  });

  test('without var files the default applies', async () => {
    const result = await readTree({ 'main.tf': files['main.tf'] });
    expect(valueOf(result, 'aws_test.t', 'a')).toBe('default');
    expect(valueOf(result, 'aws_test.t', 'd')).toBe('default');
  });
});

describe('locals', () => {
  test('refer to each other in any order; cycles become unknown without a stack overflow', async () => {
    const chain = Array.from({ length: 400 }, (_, index) => `  l${index} = local.l${index + 1}`).join('\n');
    const result = await readTree({
      'main.tf': [
        'locals {',
        '  full = "${local.prefix}-api"',
        '  prefix = upper(local.base)',
        '  base = "pay"',
        '  x = local.y',
        '  y = local.x',
        chain,
        '  l400 = "end"',
        '}',
        'resource "aws_test" "t" {',
        '  full = local.full',
        '  cycle = local.x',
        '  chain = local.l0',
        '}',
      ].join('\n'),
    });
    expect(valueOf(result, 'aws_test.t', 'full')).toBe('PAY-api');
    expect(valueOf(result, 'aws_test.t', 'cycle')).toEqual(expect.objectContaining({ unknown: true }));
    // Past the lazy-evaluation depth cap the chain is unknown rather than a crash.
    expect(valueOf(result, 'aws_test.t', 'chain')).toEqual(expect.objectContaining({ unknown: true }));
  });
});

describe('references', () => {
  test('refs are collected through interpolation, functions, conditionals, locals and jsonencode; configured values resolve', async () => {
    const result = await readTree({
      'main.tf': [
        'resource "aws_api_gateway_rest_api" "api" { name = "payments" }',
        'resource "aws_api_gateway_stage" "s" {',
        '  stage_name = "prod"',
        '  rest_api_id = aws_api_gateway_rest_api.api.id',
        '}',
        'data "aws_iam_policy_document" "p" {}',
        'resource "aws_api_gateway_method" "m" {',
        '  count = 2',
        '  http_method = "GET"',
        '}',
        'resource "aws_lambda_function" "f" {',
        '  for_each = toset(["a", "b"])',
        '  function_name = "fn-${each.key}"',
        '}',
        'locals { api = aws_api_gateway_rest_api.api }',
        'resource "aws_test" "t" {',
        '  name = "${aws_api_gateway_rest_api.api.name}-x"',
        '  stage = aws_api_gateway_stage.s.stage_name',
        '  computed = aws_api_gateway_stage.s.invoke_url',
        '  fn = upper(aws_lambda_function.f["b"].function_name)',
        '  method = aws_api_gateway_method.m[1].http_method',
        '  methods = aws_api_gateway_method.m[*].http_method',
        '  cond = true ? "x" : data.aws_iam_policy_document.p.json',
        '  policy = jsonencode({ Resource = "${local.api.execution_arn}/*" })',
        '}',
      ].join('\n'),
    });
    const t = find(result, 'aws_test.t').body.attributes;
    expect(t.name).toMatchObject({ value: 'payments-x', refs: ['aws_api_gateway_rest_api.api'] });
    expect(t.stage).toMatchObject({ value: 'prod', refs: ['aws_api_gateway_stage.s'] });
    expect(t.computed).toMatchObject({ value: { unknown: true, expr: 'aws_api_gateway_stage.s.invoke_url' }, refs: ['aws_api_gateway_stage.s'] });
    expect(t.fn).toMatchObject({ value: 'FN-B', refs: ['aws_lambda_function.f["b"]'] });
    expect(t.method).toMatchObject({ value: 'GET', refs: ['aws_api_gateway_method.m[1]'] });
    expect(t.methods).toMatchObject({ value: ['GET', 'GET'], refs: ['aws_api_gateway_method.m'] });
    expect(t.cond).toMatchObject({ value: 'x', refs: ['data.aws_iam_policy_document.p'] });
    expect(t.policy?.refs).toEqual(['aws_api_gateway_rest_api.api']);
    expect(t.policy?.value).toEqual(expect.objectContaining({ unknown: true }));
    expect(t.name?.source).toMatchObject({ line: 17, address: 'aws_test.t' });
  });
});

describe('count, for_each and dynamic', () => {
  test('expand known instances and keep one instance for unknown ones', async () => {
    const result = await readTree({
      'main.tf': [
        'variable "unknown" {}',
        'resource "aws_a" "counted" {',
        '  count = 2',
        '  name = "n${count.index}"',
        '}',
        'resource "aws_a" "none" {',
        '  count = 0',
        '}',
        'resource "aws_a" "set" {',
        '  for_each = toset(["x", "y"])',
        '  name = each.value',
        '}',
        'resource "aws_a" "map" {',
        '  for_each = { prod = { limit = 10 } }',
        '  name = "${each.key}:${each.value.limit}"',
        '}',
        'resource "aws_a" "unknown" {',
        '  for_each = var.unknown',
        '  name = each.key',
        '}',
        'resource "aws_a" "dyn" {',
        '  dynamic "route" {',
        '    for_each = ["/a", "/b"]',
        '    iterator = r',
        '    content {',
        '      path = r.value',
        '      index = r.key',
        '    }',
        '  }',
        '  dynamic "later" {',
        '    for_each = var.unknown',
        '    content { x = later.value }',
        '  }',
        '  static { y = 1 }',
        '}',
      ].join('\n'),
    });
    expect(result.resources.map((r) => r.address)).toEqual([
      'aws_a.counted[0]',
      'aws_a.counted[1]',
      'aws_a.set["x"]',
      'aws_a.set["y"]',
      'aws_a.map["prod"]',
      'aws_a.unknown',
      'aws_a.dyn',
    ]);
    expect(find(result, 'aws_a.counted[1]')).toMatchObject({ instanceKey: 1, body: { attributes: { name: { value: 'n1' } } } });
    expect(valueOf(result, 'aws_a.set["y"]', 'name')).toBe('y');
    expect(valueOf(result, 'aws_a.map["prod"]', 'name')).toBe('prod:10');
    const unknownInstance = find(result, 'aws_a.unknown');
    expect(unknownInstance.instanceKey).toEqual({ unknown: true, expr: 'var.unknown' });
    expect(valueOf(result, 'aws_a.unknown', 'name')).toEqual(expect.objectContaining({ unknown: true }));
    const dyn = find(result, 'aws_a.dyn').body;
    expect(dyn.blocks.route?.map((b) => [b.attributes.path?.value, b.attributes.index?.value])).toEqual([['/a', 0], ['/b', 1]]);
    expect(dyn.blocks.route?.[0]?.attributes.path?.source.line).toBe(26);
    expect(dyn.unknownBlocks).toEqual(['later']);
    expect(dyn.blocks.static?.[0]?.attributes.y?.value).toBe(1);
    expect(find(result, 'aws_a.dyn').source).toMatchObject({ line: 21, endLine: 35 });
  });
});
