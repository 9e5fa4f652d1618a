import { CLI_V8_FLAGS, flagsToSet } from '../../src/cli/v8-flags';

describe('flagsToSet', () => {
  it.each([
    { case: 'nothing chosen', execArgv: [], nodeOptions: '', expected: ['--no-turbo-inlining'] },
    { case: 'other flags chosen', execArgv: ['--max-old-space-size=4096'], nodeOptions: '--enable-source-maps', expected: ['--no-turbo-inlining'] },
    { case: 'inlining on, node command line', execArgv: ['--turbo-inlining'], nodeOptions: '', expected: [] },
    { case: 'inlining off, NODE_OPTIONS', execArgv: [], nodeOptions: '--max-old-space-size=512  --no-turbo-inlining', expected: [] },
    { case: 'underscores and a value', execArgv: ['--turbo_inlining=false'], nodeOptions: '', expected: [] },
    { case: 'a flag whose name only starts alike', execArgv: ['--turbo-inlining-budget=3'], nodeOptions: '', expected: ['--no-turbo-inlining'] },
  ])('$case', ({ execArgv, nodeOptions, expected }) => {
    expect(flagsToSet(execArgv, nodeOptions)).toEqual(expected);
  });

  it('sets nothing but the listed flags', () => {
    expect(flagsToSet([], '')).toEqual(CLI_V8_FLAGS);
  });
});
