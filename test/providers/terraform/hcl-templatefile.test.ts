import { readTree, valueOf } from './tf-helpers';

/** `templatefile()` through the real HCL reader: the file is parsed as a template and rendered with its `vars` only. */
describe('templatefile()', () => {
  test('renders interpolations, directives and escapes with the given vars', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_test" "t" {\n  value = templatefile("${path.module}/t.tpl", { name = "orders", paths = ["/a", "/b"] })\n}\n',
      't.tpl': 'api: ${upper(name)}\n%{ for p in paths ~}\n- ${p}\n%{ endfor ~}\nliteral: $${not_a_var}',
    });
    expect(valueOf(result, 'aws_test.t', 'value')).toBe('api: ORDERS\n- /a\n- /b\nliteral: ${not_a_var}');
  });

  test('a file without a final newline, or without any template syntax, is rendered as it is', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_test" "t" {\n  plain = templatefile("plain.txt", {})\n  ended = templatefile("ended.txt", { x = 1 })\n}\n',
      'plain.txt': 'no templates here',
      'ended.txt': 'x=${x}\n',
    });
    expect(valueOf(result, 'aws_test.t', 'plain')).toBe('no templates here');
    expect(valueOf(result, 'aws_test.t', 'ended')).toBe('x=1\n');
  });

  test('a var known only at apply time leaves the text unknown, written as far as it is known', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}\nresource "aws_test" "t" {\n  value = templatefile("t.tpl", { arn = aws_lambda_function.fn.invoke_arn })\n}\n',
      't.tpl': 'uri: ${arn}\n',
    });
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual({
      unknown: true, expr: 'templatefile("t.tpl", { arn = aws_lambda_function.fn.invoke_arn })', encoded: 'uri: ${arn}\n',
    });
  });

  test('a var whose text is partly known is written as far as it is known', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}\nresource "aws_test" "t" {\n  value = templatefile("t.tpl", { url = "https://${aws_lambda_function.fn.function_url}/api" })\n}\n',
      't.tpl': 'backend: ${url}\n',
    });
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual(expect.objectContaining({ encoded: 'backend: https://${aws_lambda_function.fn.function_url}/api\n' }));
  });

  test('a template that renders more than 10 MiB is unknown, not a crash', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_test" "t" {\n  value = templatefile("big.tpl", {})\n}\n',
      'big.tpl': `%{ for i in range(1100) }${'x'.repeat(10_000)}%{ endfor }`,
    });
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual({ unknown: true, expr: 'templatefile("big.tpl", {})' });
  });

  test('whether a template may be read depends on the module that reads it, not on who read it first', async () => {
    for (const rootFirst of [true, false]) {
      const call = (x: string) => `resource "aws_test" "t" {\n  value = templatefile("\${path.module}/../shared/t.tpl", { x = "${x}" })\n}\n`;
      const moduleCall = 'module "shared" {\n  source = "../shared"\n}\n';
      const result = await readTree({
        'root/main.tf': rootFirst ? call('root') + moduleCall : moduleCall + call('root'),
        'shared/main.tf': 'resource "aws_test" "m" {\n  value = templatefile("${path.module}/t.tpl", { x = "module" })\n}\n',
        'shared/t.tpl': 'x=${x}',
      }, {}, ['root/main.tf']);
      expect(valueOf(result, 'module.shared.aws_test.m', 'value')).toBe('x=module');
      // ../shared is outside the root module: not read from there.
      expect(valueOf(result, 'aws_test.t', 'value')).toEqual(expect.objectContaining({ unknown: true }));
    }
  });

  test.each<[string, Record<string, string>, RegExp | undefined]>([
    ['a missing file', {}, /templatefile\(\): cannot read file: no such file/],
    ['a file outside the module directory', {}, /outside the scanned module/],
    ['a name the vars do not give', { 't.tpl': '${other}' }, undefined],
    ['a template that does not parse', { 't.tpl': '${' }, /not a template that parses/],
  ])('%s is unknown, and said', async (_, files, said) => {
    const call = _ === 'a file outside the module directory' ? 'templatefile("/etc/hostname", {})' : 'templatefile("t.tpl", { name = "x" })';
    const result = await readTree({ 'main.tf': `resource "aws_test" "t" {\n  value = ${call}\n}\n`, ...files });
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual({ unknown: true, expr: call });
    const messages = result.diagnostics.map((d) => d.message);
    if (said) expect(messages).toContainEqual(expect.stringMatching(said));
    else expect(messages).toEqual([]);
  });

  test('the rendered text of a template_file data source (the template provider of older code) is rendered the same way', async () => {
    const result = await readTree({
      'main.tf': [
        'data "template_file" "spec" {',
        '  template = file("${path.module}/spec.tpl")',
        '  vars = {',
        '    title = "orders"',
        '    arn   = aws_lambda_function.fn.invoke_arn',
        '  }',
        '}',
        'resource "aws_lambda_function" "fn" {',
        '  function_name = "fn"',
        '}',
        'resource "aws_test" "t" {',
        '  known   = data.template_file.spec.rendered',
        '  missing = data.template_file.none.rendered',
        '}',
      ].join('\n'),
      'spec.tpl': 'title: ${title}\nuri: ${arn}\n',
    });
    expect(valueOf(result, 'aws_test.t', 'known')).toEqual({ unknown: true, expr: 'data.template_file.spec.rendered', encoded: 'title: orders\nuri: ${arn}\n' });
    expect(valueOf(result, 'aws_test.t', 'missing')).toEqual({ unknown: true, expr: 'data.template_file.none.rendered' });
  });
});
