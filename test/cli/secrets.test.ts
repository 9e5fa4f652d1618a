import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './run-cli';

const repo = path.join(__dirname, '..', '..');
const fixtureDir = path.join(repo, 'policies', 'key-management', '__fixtures__', 'api-key-in-code', 'terraform');

/** Every literal `value = "..."` of an API key in the fixture files (discovered at run time). */
function literalKeyValues(): string[] {
  const values: string[] = [];
  for (const name of readdirSync(fixtureDir).filter((n) => n.endsWith('.tf'))) {
    const text = readFileSync(path.join(fixtureDir, name), 'utf8');
    for (const m of text.matchAll(/^\s*value\s*=\s*"([^"$]{8,})"/gm)) if (m[1]) values.push(m[1]);
  }
  return values;
}

describe('secret values never reach a report', () => {
  const secrets = literalKeyValues();

  it('the fixture has literal key values to look for', () => {
    expect(secrets.length).toBeGreaterThan(0);
  });

  it.each([['text'], ['json']])('%s output of a real scan reports the literal key without its value', async (format) => {
    const r = await runCli(['scan', fixtureDir, '--format', format, '--report-unknown', '--fail-on', 'none'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('GW-KEY-001'); // the key was found, so its value had a chance to leak
    for (const secret of secrets) {
      expect(r.stdout).not.toContain(secret);
      // Nor a long piece of it: a preview shows only the first few characters.
      expect(r.stdout).not.toContain(secret.slice(0, 12));
    }
  });
});
