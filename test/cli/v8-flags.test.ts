import { CLI_V8_FLAGS, flagsToSet } from '../../src/cli/v8-flags';

describe('flagsToSet', () => {
  it.each([
    { case: 'nothing chosen', execArgv: [], expected: ['--no-turbo-inlining'] },
    { case: 'other flags chosen', execArgv: ['--max-old-space-size=4096', '--enable-source-maps'], expected: ['--no-turbo-inlining'] },
    { case: 'inlining on', execArgv: ['--turbo-inlining'], expected: [] },
    { case: 'inlining off', execArgv: ['--no-turbo-inlining'], expected: [] },
    { case: 'underscores and a value', execArgv: ['--turbo_inlining=false'], expected: [] },
    { case: 'a flag whose name only starts alike', execArgv: ['--turbo-inlining-budget=3'], expected: ['--no-turbo-inlining'] },
  ])('$case', ({ execArgv, expected }) => {
    expect(flagsToSet(execArgv)).toEqual(expected);
  });

  it('sets nothing but the listed flags', () => {
    expect(flagsToSet([])).toEqual(CLI_V8_FLAGS);
  });
});
