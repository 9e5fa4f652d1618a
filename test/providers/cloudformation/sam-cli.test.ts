import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jsonReportSchema, type JsonReport } from '../../../src/report/json-schema';
import { runCli } from '../../cli/run-cli';

const DOMAIN_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Parameters:
  TlsPolicy: { Type: String, Default: TLS_1_2 }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x
        SecurityPolicy: !Ref TlsPolicy
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gw-sam-cli-'));
  mkdirSync(path.join(root, '.git'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
  writeFileSync(path.join(root, rel), text);
}

async function scanJson(args: readonly string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runCli(['scan', '--policy', 'GW-TLS-001', '--format', 'json', ...args], { cwd: root });
  return { code: run.code, stderr: run.stderr, report: jsonReportSchema.parse(JSON.parse(run.stdout)) };
}

function findings(report: JsonReport): string[] {
  return report.findings.map((f) => {
    const line = 'file' in f.location ? f.location.line : undefined;
    return `${f.resource.name}:${line ?? ''} ${f.suppressed ? `suppressed(${f.suppression?.reason ?? ''})` : 'open'}`;
  });
}

describe('--cfn-parameters and --cfn-parameter', () => {
  it('replace parameter defaults in a SAM template, the direct value winning over the files', async () => {
    write('template.yaml', DOMAIN_TEMPLATE);
    write('params.json', JSON.stringify([{ ParameterKey: 'TlsPolicy', ParameterValue: 'TLS_1_0' }]));
    write('later.json', JSON.stringify({ Parameters: { TlsPolicy: 'TLS_1_2' } }));

    expect((await scanJson(['.'])).report.findings).toEqual([]);
    const fromFile = await scanJson(['--cfn-parameters', 'params.json', '.']);
    expect(fromFile.code).toBe(1);
    expect(findings(fromFile.report)).toEqual(['ApiDomainName:12 open']);
    expect((await scanJson(['--cfn-parameters', 'params.json', '--cfn-parameters', 'later.json', '.'])).report.findings).toEqual([]);
    const direct = await scanJson(['--cfn-parameters', 'later.json', '--cfn-parameter', 'TlsPolicy=TLS_1_0', '.']);
    expect(findings(direct.report)).toEqual(['ApiDomainName:12 open']);
  });

  it('are usage errors when the file is missing or the value has no key', async () => {
    write('template.yaml', DOMAIN_TEMPLATE);
    const missing = await runCli(['scan', '--cfn-parameters', 'nope.json', '.'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--cfn-parameters nope\.json cannot be read/);
    const bad = await runCli(['scan', '--cfn-parameter', 'TLS_1_0', '.'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected Key=Value/);
  });
});

describe('suppressions in CloudFormation and SAM templates', () => {
  const template = (metadata: string, comment = ''): string => `Transform: AWS::Serverless-2016-10-31
Resources:
${comment}  Legacy:
    Type: AWS::Serverless::Api
${metadata}    Properties:
      StageName: prod
      Domain: { DomainName: legacy.example.com, CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x }
  Plain:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: plain.example.com, SecurityPolicy: TLS_1_0 }
`;

  it('Metadata.gatewarden.ignore covers the nodes SAM generates from the resource; the finding stays in JSON with its reason', async () => {
    write('template.yaml', template(`    Metadata:
      gatewarden:
        ignore:
          - id: GW-TLS-001
            reason: legacy clients until the Q3 migration
`));
    const { code, report } = await scanJson(['.']);
    expect(findings(report)).toEqual(['LegacyDomainName:12 suppressed(legacy clients until the Q3 migration)', 'Plain:15 open']);
    expect(report.findings[0]?.suppression).toEqual({ kind: 'inline', reason: 'legacy clients until the Q3 migration' });
    expect(code).toBe(1);
  });

  it('a comment above the resource does the same; a Metadata entry without a reason is a warning and is not applied', async () => {
    write('template.yaml', template(`    Metadata:
      gatewarden:
        ignore:
          - id: GW-TLS-001
`, '  # gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration\n'));
    write('plain.yaml', `Resources:
  Plain:
    Type: AWS::ApiGateway::DomainName
    Metadata:
      gatewarden:
        ignore: [{ id: GW-TLS-001 }]
    Properties: { DomainName: plain.example.com, SecurityPolicy: TLS_1_0 }
`);
    const { report } = await scanJson(['.']);
    expect(findings(report)).toEqual(['Plain:7 open', 'LegacyDomainName:12 suppressed(legacy clients until the Q3 migration)', 'Plain:15 open']);
    expect(report.errors.filter((e) => e.severity === 'warning').map((e) => `${e.file ?? ''}:${e.line ?? ''} ${e.message}`)).toEqual([
      expect.stringMatching(/^plain\.yaml:6 Plain: Metadata\.gatewarden\.ignore GW-TLS-001 has no reason/),
      expect.stringMatching(/^template\.yaml:9 Legacy: Metadata\.gatewarden\.ignore GW-TLS-001 has no reason/),
    ]);
  });
});
