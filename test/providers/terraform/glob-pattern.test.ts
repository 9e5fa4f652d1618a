import { globMatcher } from '../../../providers/terraform/glob-pattern';

describe('fileset() patterns (doublestar)', () => {
  test.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', '.hidden.yaml', true],
    ['*.yaml', 'd/a.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'd/e/a.yaml', true],
    ['specs/**', 'specs/a', true],
    ['specs/**', 'specs/d/a', true],
    ['specs/**', 'other/a', false],
    ['{a,b}.json', 'b.json', true],
    ['{a,{b,c}}.json', 'c.json', true],
    ['{a,b}.json', 'd.json', false],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[^a]x', 'bx', true],
    ['[!a]x', 'ax', false],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['!a.json', '!a.json', true],
    ['!a.json', 'b.json', false],
    ['+(a).json', '+(a).json', true],
    ['+(a).json', 'a.json', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(globMatcher(pattern)?.matches(path)).toBe(expected);
  });

  test.each(['[', '[a-', '{a,b', 'a}', 'a\\'])('a malformed pattern (%s), on which Terraform fails, gives no matcher', (pattern) => {
    expect(globMatcher(pattern)).toBeUndefined();
  });

  test('a pattern written to make a backtracking matcher hang is matched in one pass', () => {
    expect(globMatcher('*a*a*a*a*a*a*a*a*a*a*a*a*b')?.matches(`${'a'.repeat(60)}.json`)).toBe(false);
  });

  test.each([
    ['specs/*.yaml', 'specs', true],
    ['specs/*.yaml', 'node_modules', false],
    ['specs/*.yaml', 'specs/v2', false],
    ['specs/**/*.yaml', 'specs/v2/deep', true],
    ['**/*.yaml', '.terraform', true],
    ['{specs,apis}/*.yaml', 'apis', true],
    ['*.yaml', 'specs', false],
  ])('%s may match below %s: %s', (pattern, dir, expected) => {
    expect(globMatcher(pattern)?.mayHoldMatches(dir)).toBe(expected);
  });
});
