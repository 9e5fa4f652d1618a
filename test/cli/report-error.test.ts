import { reportError } from '../../src/cli/report-error';
import { processIo, type Io } from '../../src/cli/io';
import { ConfigError, InternalError, UsageError } from '../../src/errors';

function capture(error: unknown, debug = false): string {
  let out = '';
  const io: Io = { ...processIo(), stderr: (t) => { out += t; }, stdout: () => undefined };
  reportError(error, io, debug);
  return out;
}

describe('reportError', () => {
  it('prints a known error as one line and the root cause of its chain', () => {
    const root = new Error('ENOENT: no such file or directory');
    const middle = new Error('cannot open', { cause: root });
    expect(capture(new ConfigError('bad .gatewarden.yaml', { cause: middle }))).toBe('gatewarden: bad .gatewarden.yaml\nReason: ENOENT: no such file or directory\n');
  });

  it('explains a known error without a cause by its kind', () => {
    expect(capture(new UsageError('no paths'))).toBe('gatewarden: no paths\nReason: invalid command line; see `gatewarden --help`\n');
  });

  it('adds the stack, causes included, only under --debug', () => {
    const out = capture(new ConfigError('bad config', { cause: new Error('inner') }), true);
    expect(out).toMatch(/^gatewarden: bad config\nReason: inner\nConfigError: bad config\n {4}at [\s\S]*Caused by:\nError: inner\n {4}at /);
  });

  it('prints the stack and a request to report for internal and unknown errors', () => {
    for (const error of [new InternalError('graph invariant broken'), new TypeError('graph invariant broken')]) {
      const out = capture(error);
      expect(out).toMatch(/^gatewarden: internal error: graph invariant broken\n(InternalError|TypeError): graph invariant broken\n {4}at /);
      expect(out).toMatch(/This is a bug in gatewarden\. Please report it/);
    }
    expect(capture('a string was thrown')).toMatch(/^gatewarden: internal error: a string was thrown\na string was thrown\nThis is a bug/);
  });
});
