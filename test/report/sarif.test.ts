import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport, formatters } from '../../src/report';
import { FINGERPRINT_KEY, SECURITY_SEVERITY, toSarif } from '../../src/report/sarif';
import { scan } from '../../src/scan/scan';
import { findMultitool, validateSarif } from '../helpers/sarif-multitool';
import { ciSampleResult, hostileResult } from './ci-sample';
import { CWD } from './sample-result';

const repo = path.join(__dirname, '..', '..');

interface SarifResult {
  ruleId: string; ruleIndex?: number; level?: string; kind?: string; message: { text: string };
  locations: Array<{ physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; endLine?: number } }; logicalLocations?: Array<{ fullyQualifiedName: string }> }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; justification: string }>;
}
interface SarifRule { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; properties: Record<string, unknown> }
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
    originalUriBaseIds: Record<string, unknown>;
  }>;
}

function sarifOf(result = ciSampleResult()): SarifLog {
  return JSON.parse(formatters.sarif(buildReport(result, { cwd: CWD }), { color: false, failOn: 'high' })) as SarifLog;
}

describe('SARIF formatter', () => {
  const log = sarifOf();
  const run = log.runs[0];
  if (run === undefined) throw new Error('no run');
  const rules = run.tool.driver.rules;

  it('describes the tool and each policy that ran as a rule with help per source kind, tags and security-severity', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('gatewarden');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(rules.map((r) => r.id)).toEqual(['GW-BUG-001', 'GW-LOG-001', 'GW-TLS-001']);
    const tls = rules.find((r) => r.id === 'GW-TLS-001');
    expect(tls).toMatchObject({
      name: 'tls-version',
      shortDescription: { text: 'Custom domains require TLS 1.2 or newer' },
      fullDescription: { text: 'Old TLS is broken.' },
      helpUri: expect.stringMatching(/docs\/policies\.md#gw-tls-001-custom-domains-require-tls-12-or-newer$/) as unknown,
      properties: { 'tags': ['security', 'encryption', 'tls-version', 'OWASP-API8:2023'], 'security-severity': '8.0', 'precision': 'high' },
    });
    expect(tls?.help.markdown).toContain('#### Remediation: Terraform\n\n```hcl\nresource "aws_api_gateway_domain_name" "api" {');
    expect(tls?.help.text).toContain('Remediation (Terraform):');
  });

  it('maps severities to levels and security-severity bands GitHub uses', () => {
    expect(SECURITY_SEVERITY).toEqual({ critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' });
    const levels = Object.fromEntries(run.results.map((r) => [`${r.ruleId} ${r.message.text}`, r.level]));
    expect(levels['GW-TLS-001 `legacy` accepts TLS 1.0']).toBe('error');
    expect(levels['GW-LOG-001 `live` writes no access logs']).toBe('warning');
  });

  it('points results at %SRCROOT%-relative files with line ranges, with ruleIndex and a line-independent fingerprint', () => {
    const legacy = run.results.find((r) => r.message.text.includes('legacy'));
    expect(legacy?.ruleIndex).toBe(rules.findIndex((r) => r.id === 'GW-TLS-001'));
    expect(legacy?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'z/domains.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, endLine: 16 } });
    expect(legacy?.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
  });

  it('gives live findings a logical location (the ARN) and no physical one', () => {
    const live = run.results.find((r) => r.message.text.includes('`live`'));
    expect(live?.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: 'arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live', kind: 'resource' }], properties: { cloud: 'aws', region: 'eu-west-1' } }]);
  });

  it('keeps suppressed findings with their justification', () => {
    const prod = run.results.find((r) => r.message.text.includes('`prod`'));
    expect(prod?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'prod logs go to the SIEM through a firehose (until 2099-01-01)' }]);
    expect(run.results.filter((r) => r.suppressions === undefined)).toHaveLength(2);
  });

  it('reports input and policy errors as notifications and the execution as unsuccessful', () => {
    const invocation = run.invocations[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications.map((n) => `${n.level} ${n.message.text}`)).toEqual([
      'error GW-BUG-001 failed on payments: boom', 'error syntax error: unexpected "}"', 'warning empty file, nothing to check',
    ]);
  });

  it('keeps fingerprints when lines move', () => {
    const moved = ciSampleResult();
    const shifted = { ...moved, results: moved.results.map((r) => ({ ...r, location: r.location.kind === 'file' ? { ...r.location, line: (r.location.line ?? 0) + 40 } : r.location })) };
    const fingerprints = (l: SarifLog): string[] => (l.runs[0]?.results ?? []).map((r) => r.partialFingerprints[FINGERPRINT_KEY] ?? '').sort();
    expect(fingerprints(sarifOf(shifted))).toEqual(fingerprints(log));
  });

  it('percent-encodes hostile file names into valid relative URIs', () => {
    const hostile = toSarif(buildReport(hostileResult(), { cwd: CWD })) as unknown as SarifLog;
    for (const r of hostile.runs[0]?.results ?? []) {
      const uri = r.locations[0]?.physicalLocation?.artifactLocation.uri ?? '';
      expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
    }
  });
});

/** Every scenario under examples/: a directory holding Terraform, CloudFormation/SAM or Kubernetes sources (not the GitHub workflows). */
function exampleDirs(dir = path.join(repo, 'examples')): string[] {
  if (path.basename(dir) === 'github') return [];
  const entries = readdirSync(dir).map((e) => path.join(dir, e));
  const here = entries.some((e) => /\.(tf|ya?ml|json)$/.test(e)) ? [dir] : [];
  return [...here, ...entries.filter((e) => statSync(e).isDirectory()).flatMap((e) => exampleDirs(e))];
}

const multitool = findMultitool();
const validates = multitool.binary !== undefined ? it : it.skip;
const skipped = multitool.unavailable !== undefined ? ` — SKIPPED: SARIF MULTITOOL CANNOT RUN HERE (${multitool.unavailable})` : '';

describe('SARIF validated by the Microsoft SARIF Multitool (schema 2.1.0 + GitHub ingestion rules)', () => {
  validates(`the sample report and a report full of hostile names have zero errors and warnings${skipped}`, () => {
    expect(validateSarif(multitool, formatters.sarif(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' }))).toEqual([]);
    expect(validateSarif(multitool, formatters.sarif(buildReport(hostileResult(), { cwd: CWD }), { color: false, failOn: 'high' }))).toEqual([]);
  }, 60_000);

  validates(`a log that breaks the schema is caught (the validator is really checking)${skipped}`, () => {
    const broken = JSON.parse(formatters.sarif(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' })) as SarifLog;
    const region = broken.runs[0]?.results.find((r) => r.locations[0]?.physicalLocation)?.locations[0]?.physicalLocation?.region;
    if (region) region.startLine = 0;
    expect(validateSarif(multitool, JSON.stringify(broken)).map((i) => `${i.level} ${i.rule}`)).toContain('error JSON1008');
  }, 60_000);

  const examples = exampleDirs();
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });
  for (const dir of examples) {
    const rel = path.relative(repo, dir).split(path.sep).join('/');
    validates(`${rel}: zero errors and warnings${skipped}`, async () => {
      const report = buildReport(await scan({ paths: [dir], cwd: repo }), { cwd: repo });
      const sarif = formatters.sarif(report, { color: false, failOn: 'high' });
      const uris = (JSON.parse(sarif) as SarifLog).runs[0]?.results.map((r) => r.locations[0]?.physicalLocation?.artifactLocation.uri);
      for (const uri of uris ?? []) expect(uri?.startsWith(`${rel}/`)).toBe(true);
      expect(validateSarif(multitool, sarif)).toEqual([]);
    }, 60_000);
  }
});
