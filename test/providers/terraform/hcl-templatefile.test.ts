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

  test.each<[string, Record<string, string>]>([
    ['a missing file', {}],
    ['a file outside the module directory', {}],
    ['a name the vars do not give', { 't.tpl': '${other}' }],
    ['a template that does not parse', { 't.tpl': '${' }],
  ])('%s is unknown', async (_, files) => {
    const call = _ === 'a file outside the module directory' ? 'templatefile("/etc/hostname", {})' : 'templatefile("t.tpl", { name = "x" })';
    const result = await readTree({ 'main.tf': `resource "aws_test" "t" {\n  value = ${call}\n}\n`, ...files });
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual({ unknown: true, expr: call });
  });
});
