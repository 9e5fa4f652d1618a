import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinPolicies } from '../../policies';
import { parseYamlDocument } from '../../providers/yaml/parse';
import { parseConfig } from '../../src/engine/config';
import { ConfigError } from '../../src/errors';

const README = path.join(__dirname, '../../README.md');

function parse(text: string) {
  return parseConfig({ text, file: '/repo/.gatewarden.yml', displayPath: '.gatewarden.yml', parseYaml: parseYamlDocument, policies: builtinPolicies });
}

describe('parseConfig', () => {
  it('accepts the complete example of the README, resolving names to IDs', () => {
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration and suppressions'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    if (example === undefined) throw new Error('the README has no YAML example in "Configuration and suppressions"');
    const config = parse(example);
    expect(config).toMatchObject({
      baseDir: '/repo', enable: [], disable: ['GW-DOC-001'], disabledCategories: ['monitoring'], exclude: ['examples/', '**/*.generated.tf'],
      suppressions: [{ policy: 'GW-TLS-001', resource: 'terraform:envs/*:aws_api_gateway_domain_name.legacy', expires: '2026-09-30', file: '/repo/.gatewarden.yml', line: 16 }],
    });
    expect([...config.severity]).toEqual([['GW-MGMT-003', 'low']]);
    expect([...config.options]).toEqual([['GW-TLS-001', { minimumVersion: '1.3' }]]);
  });

  it('an empty file is an empty config', () => {
    expect(parse('')).toMatchObject({ enable: [], disable: [], suppressions: [], exclude: [] });
    expect(parse('# nothing yet\n').severity.size).toBe(0);
  });

  it('a document that is not a mapping is a config error at its line', () => {
    expect(() => parse('- a\n- b\n')).toThrow(ConfigError);
    expect(() => parse('- a\n- b\n')).toThrow(/^\.gatewarden\.yml: /);
  });
});
