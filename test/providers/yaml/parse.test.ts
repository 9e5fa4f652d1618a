import { parseYaml, parseYamlStream, stringifyYaml } from '../../../providers/yaml/parse';

describe('parseYaml', () => {
  it('reads YAML 1.2 core data: no timestamps, no yes/no booleans', () => {
    expect(parseYaml('a: 1\nb: [x, "y"]\nc: 2024-01-01\nd: yes\ne: ~\nf: true\n')).toEqual({
      ok: true, value: { a: 1, b: ['x', 'y'], c: '2024-01-01', d: 'yes', e: null, f: true },
    });
  });

  it('refuses tags that construct anything (nothing in a file is run)', () => {
    const result = parseYaml('a: !!js/function "function () { return 1 }"\n');
    expect(result.ok).toBe(false);
  });

  it('reports syntax errors with a 1-based line', () => {
    expect(parseYaml('a: 1\nb: [\n')).toMatchObject({ ok: false, line: expect.any(Number) });
  });

  it('refuses alias bombs, by alias count and by expanded size', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    // 72 aliases (under the alias limit) that expand to 9^9 values.
    expect(parseYaml(levels.join('\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/expands to more than/) });
    const many = `x: &x 1\nlist: [${Array(150).fill('*x').join(',')}]\n`;
    expect(parseYaml(many).ok).toBe(false);
  });

  it('keeps __proto__ as a plain key', () => {
    const result = parseYaml('__proto__: {polluted: 1}\n');
    expect(result.ok && Object.prototype.hasOwnProperty.call(result.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('writes YAML that reads back the same, without anchors', () => {
    const shared = { b: [1, 'x: y', null, true] };
    const text = stringifyYaml({ one: shared, two: shared });
    expect(text).not.toMatch(/[&*]/);
    expect(parseYaml(text)).toEqual({ ok: true, value: { one: shared, two: shared } });
  });
});

describe('parseYamlStream', () => {
  it('parses each document on its own, with lines counted from the start of the text', () => {
    const docs = parseYamlStream('# head\n---\na: 1\n---\nb: [unclosed\n---\n# only a comment\n---\nc:\n  d: 2\n');
    expect(docs).toEqual([
      expect.objectContaining({ ok: true, value: { a: 1 }, line: 3, endLine: 3 }),
      expect.objectContaining({ ok: false, line: expect.any(Number) as number }),
      expect.objectContaining({ ok: true, value: { c: { d: 2 } }, line: 9, endLine: 10 }),
    ]);
    const last = docs[2];
    expect(last?.ok === true ? last.lines.at(['c', 'd']) : undefined).toEqual({ line: 10, endLine: 10 });
    expect(docs[1]?.line).toBeGreaterThanOrEqual(5);
  });
});
