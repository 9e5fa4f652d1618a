import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloudformation from '../../../providers/cloudformation';

const GOOD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties: { DomainName: a.example.com }\n";

describe('bad CloudFormation input: error diagnostics with file and line, and the rest goes on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cfn-bad-'));
  const files: Record<string, string> = {
    'good.yaml': GOOD,
    'invalid.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: [unclosed\n",
    'not-a-map.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  - Type: AWS::ApiGateway::RestApi\n",
    'unknown-tag.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: !Bogus x\n",
    'no-type.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Properties: {}\n  B:\n    Type: AWS::ApiGateway::RestApi\n",
    'bomb.yaml': ["AWSTemplateFormatVersion: '2010-09-09'", 'a: &a [x,x,x,x,x,x,x,x,x]',
      ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`),
      'Resources: {}'].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  // 20 MB: over the default limit of 10 MiB.
  writeFileSync(join(dir, 'huge.yaml'), `AWSTemplateFormatVersion: '2010-09-09'\nDescription: ${'x'.repeat(20 * 1024 * 1024)}\nResources: {}\n`);

  it('reports each bad file and still reads the good one', async () => {
    const all = ['bomb.yaml', 'good.yaml', 'huge.yaml', 'invalid.yaml', 'no-type.yaml', 'not-a-map.yaml', 'unknown-tag.yaml'].map((f) => join(dir, f));
    const result = await cloudformation.load({ files: all, options: { cwd: dir } });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ file: d.file?.slice(dir.length + 1), line: d.line, message: d.message }));
    expect(errors).toEqual(expect.arrayContaining([
      { file: 'bomb.yaml', line: undefined, message: expect.stringMatching(/expands to more than/) },
      { file: 'huge.yaml', line: undefined, message: expect.stringMatching(/larger than the limit/) },
      { file: 'invalid.yaml', line: expect.any(Number), message: expect.stringMatching(/^cannot parse the template/) },
      { file: 'no-type.yaml', line: 3, message: expect.stringMatching(/resource A has no Type/) },
      { file: 'not-a-map.yaml', line: 2, message: 'Resources is not a mapping of logical ids to resources' },
      { file: 'unknown-tag.yaml', line: 6, message: expect.stringMatching(/!Bogus/) },
    ]));
    expect(errors).toHaveLength(6);
    expect(result.nodes.map((n) => n.id).sort()).toEqual(['cloudformation:good.yaml:Domain', 'cloudformation:no-type.yaml:B']);
  });

  it('applies parameter files and direct overrides, and reports unreadable ones', async () => {
    const template = join(dir, 'params.yaml');
    writeFileSync(template, "Parameters:\n  Policy: { Type: String, Default: TLS_1_0 }\n  Host: { Type: String }\nResources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties: { DomainName: !Ref Host, SecurityPolicy: !Ref Policy }\n");
    const cli = join(dir, 'cli.json');
    writeFileSync(cli, JSON.stringify([{ ParameterKey: 'Policy', ParameterValue: 'TLS_1_2' }, { ParameterKey: 'Host', ParameterValue: 'from-file.example.com' }]));
    const pipeline = join(dir, 'pipeline.json');
    writeFileSync(pipeline, JSON.stringify({ Parameters: { Host: 'pipeline.example.com' } }));
    const result = await cloudformation.load({
      files: [template],
      options: { cwd: dir, cfnParameterFiles: [cli, pipeline, join(dir, 'missing.json')], cfnParameters: {} },
    });
    expect(result.nodes[0]?.attrs).toMatchObject({ securityPolicy: { state: 'set', value: 'TLS_1_2' }, hostname: { value: 'pipeline.example.com' } });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', file: join(dir, 'missing.json') }));
    const direct = await cloudformation.load({ files: [template], options: { cwd: dir, cfnParameters: { Policy: 'SecurityPolicy_TLS13_1_3_2025_09' } } });
    expect(direct.nodes[0]?.attrs).toMatchObject({ minTlsVersion: { value: '1.3' }, hostname: { state: 'unknown', expr: expect.stringMatching(/Host has no value/) } });
  });
});
