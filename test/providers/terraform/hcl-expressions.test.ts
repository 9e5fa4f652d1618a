import { evaluateExpression, readTree, valueOf } from './tf-helpers';

const unknown = (expr: string) => ({ unknown: true, expr });

describe('HCL expression evaluation (real parser, real files)', () => {
  test.each<[string, unknown]>([
    ['"plain"', 'plain'],
    ['42', 42],
    ['1.5', 1.5],
    ['true', true],
    ['null', null],
    ['"a\\tb\\"c\\\\"', 'a\tb"c\\'],
    ['"$${not} %%{interp}"', '${not} %{interp}'],
    ['"x-${1 + 2}-${true}"', 'x-3-true'],
    ['"${[1, 2]}"', [1, 2]],
    ['-3 + 10 * 2 % 7', 3],
    ['!false && (1 < 2 || false)', true],
    ['"a" == "a" ? "yes" : "no"', 'yes'],
    ['[1, "two", [3]]', [1, 'two', [3]]],
    ['{ a = 1, "b-c" = 2, ("d${1}") = 3, e: 4 }', { a: 1, 'b-c': 2, d1: 3, e: 4 }],
    ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
    ['[for i, s in ["a", "b", "c"] : "${i}${s}" if s != "b"]', ['0a', '2c']],
    ['{ for k, v in { x = 1, y = 2 } : v => k }', { '1': 'x', '2': 'y' }],
    ['{ for s in ["a", "b", "a"] : s => s... }', { a: ['a', 'a'], b: ['b'] }],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['[{ n = 1 }, { n = 2 }].*.n', [1, 2]],
    ['{ a = [10, 20] }.a[1]', 20],
    ['[10, 20].1', 20],
    ['"%{ if true }on%{ else }off%{ endif }"', 'on'],
    ['"%{ for x in [1, 2] }<${x}>%{ endfor }"', '<1><2>'],
    ['"a ${~ "b" ~} c"', 'abc'],
    ['jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow" }] })', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}'],
    ['jsondecode("{\\"a\\": [1, true]}")', { a: [1, true] }],
    ['format("%s-%d-%v", "a", 7, true)', 'a-7-true'],
    ['join(",", ["a", "b"])', 'a,b'],
    ['split(",", "a,b")', ['a', 'b']],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['lookup({ a = 1 }, "b", "dflt")', 'dflt'],
    ['element(["a", "b"], 3)', 'b'],
    ['length({ a = 1, b = 2 })', 2],
    ['lower("ABC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['trimspace("  x ")', 'x'],
    ['tostring(5)', '5'],
    ['tonumber("5")', 5],
    ['tobool("true")', true],
    ['toset(["a", "b", "a"])', ['a', 'b']],
    ['tomap({ a = 1 })', { a: 1 }],
    ['coalesce("", null, "x")', 'x'],
    ['try({ a = 1 }.b, "fallback")', 'fallback'],
    ['can({ a = 1 }.b)', false],
    ['contains(["a"], "a")', true],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['flatten([[1], [2, [3]]])', [1, 2, 3]],
    ['distinct([1, 1, 2])', [1, 2]],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['abs(-2)', 2],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['max([3, 7, 1]...)', 7],
    ['alltrue([true, 1 < 2])', true],
    ['anytrue([false, false])', false],
    ['index(["a", "b"], "b")', 1],
    ['sensitive("k3y")', 'k3y'],
    ['nonsensitive(sensitive(2))', 2],
    ['setproduct(["GET", "POST"], ["/a", "/b"])', [['GET', '/a'], ['GET', '/b'], ['POST', '/a'], ['POST', '/b']]],
    ['setunion(["a", "b"], ["b", "c"])', ['a', 'b', 'c']],
    ['setintersection(["a", "b", "c"], ["b", "c", "d"], ["c", "b"])', ['b', 'c']],
    ['setsubtract(["a", "b", "c"], ["b"])', ['a', 'c']],
  ])('%s', async (expr, expected) => {
    expect(await evaluateExpression(expr)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['var.missing && false', false],
    ['false && var.missing', false],
    ['var.missing || true', true],
    ['true || var.missing', true],
    ['var.missing && true', unknown('var.missing && true')],
    ['var.missing || false', unknown('var.missing || false')],
    ['var.missing && false ? 1 : 0', 0],
    ['var.none == null || var.none.x', true],
    ['var.none != null && var.none.x', false],
    ['alltrue([var.missing, false])', false],
    ['anytrue([var.missing, true])', true],
    ['alltrue([var.missing, true])', unknown('alltrue([var.missing, true])')],
  ])('%s: a known side decides alone, as in Terraform', async (expr, expected) => {
    expect(await evaluateExpression(expr, 'variable "missing" {}\nvariable "none" {\n  default = null\n}')).toEqual(expected);
  });

  test.each([
    ['setproduct(range(1000), range(1000))', 'a product too large to keep is refused before it is built'],
    ['setproduct(["a"])', 'setproduct needs two sets at least'],
  ])('%s is unknown: %s', async (expr) => {
    expect(await evaluateExpression(expr)).toEqual(unknown(expr));
  });

  test('strip markers inside directives take off the whitespace on their side', async () => {
    expect(await evaluateExpression('<<EOT\n%{ for x in ["a", "b"] ~}\n${x}\n%{ endfor ~}\ndone\nEOT')).toBe('a\nb\ndone\n');
    expect(await evaluateExpression('<<EOT\n[%{ if true ~}\n  yes  \n%{~ else ~}\n  no\n%{~ endif }]\nEOT')).toBe('[yes]\n');
    expect(await evaluateExpression('<<EOT\n[%{ if false ~}\n  yes  \n%{~ else ~}\n  no\n%{~ endif }]\nEOT')).toBe('[no]\n');
  });

  test('heredocs keep or strip indentation', async () => {
    expect(await evaluateExpression('<<EOT\n  a\n    b\nEOT')).toBe('  a\n    b\n');
    expect(await evaluateExpression('<<-EOT\n    a\n      b ${1 + 1}\n    EOT')).toBe('a\n  b 2\n');
  });

  test.each<[string, string]>([
    ['var.missing', 'var.missing'],
    ['upper(var.missing)', 'upper(var.missing)'],
    ['sha256("x")', 'sha256("x")'],
    ['templatefile("x.tpl", {})', 'templatefile("x.tpl", {})'],
    ['no_such_function(1)', 'no_such_function(1)'],
    ['terraform.workspace', 'terraform.workspace'],
    ['var.missing ? 1 : 2', 'var.missing ? 1 : 2'],
    ['[for x in var.missing : x]', '[for x in var.missing : x]'],
    ['"a" + 1', '"a" + 1'],
    ['{ a = 1 }.b', '{ a = 1 }.b'],
    ['try(var.missing.b, "fallback")', 'try(var.missing.b, "fallback")'],
  ])('%s is unknown', async (expr, text) => {
    expect(await evaluateExpression(expr, 'variable "missing" {}')).toEqual(unknown(text));
  });

  test('a template with an unknown interpolation is unknown, and keeps its text as far as it is known', async () => {
    expect(await evaluateExpression('"arn:${var.missing}:x"', 'variable "missing" {}')).toEqual({ ...unknown('"arn:${var.missing}:x"'), encoded: 'arn:${var.missing}:x' });
    // A directive on an unknown value leaves not even the shape of the text known.
    expect(await evaluateExpression('"a%{ if var.missing }b%{ endif }"', 'variable "missing" {}')).toEqual(unknown('"a%{ if var.missing }b%{ endif }"'));
  });

  test('file() reads only inside the module directory', async () => {
    const result = await readTree({
      'main.tf': 'resource "aws_test" "t" {\n  inside = file("${path.module}/policy.json")\n  outside = file("/etc/hostname")\n}\n',
      'policy.json': '{"Statement":[]}',
    });
    expect(valueOf(result, 'aws_test.t', 'inside')).toBe('{"Statement":[]}');
    expect(valueOf(result, 'aws_test.t', 'outside')).toEqual(unknown('file("/etc/hostname")'));
  });

  test('a huge for expression stops at the effort cap instead of hanging', async () => {
    const started = Date.now();
    const result = await readTree({
      'main.tf': 'locals {\n  a = range(100000)\n  b = [for x in local.a : [for y in local.a : x + y]]\n}\nresource "aws_test" "t" {\n  value = length(local.b)\n}\n',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(valueOf(result, 'aws_test.t', 'value')).toEqual(unknown('length(local.b)'));
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/effort limit/);
  });

  test('deeply nested parentheses do not overflow the stack', async () => {
    const depth = 5000;
    const value = await evaluateExpression(`${'('.repeat(depth)}1${')'.repeat(depth)}`);
    expect(value).toEqual(expect.objectContaining({ unknown: true }));
  });
});
