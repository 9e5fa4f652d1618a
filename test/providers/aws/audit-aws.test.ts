import { awsProvider } from '../../../providers/aws';
import { jsonReportSchema } from '../../../src/report/json-schema';
import { startEmulator, type RunningEmulator, type Scenario } from '../../aws-emulator/emulator';
import { emulatorCredentials, isReadOnly, loadScenario } from '../../aws-emulator/scenarios';
import { runCli } from '../../cli/run-cli';

// The SDK reads credentials from the process environment; every test here runs with emulator keys only.
const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

async function withEmulator<T>(scenario: Scenario, accessKey: string, body: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(scenario);
  Object.assign(process.env, emulatorCredentials(accessKey));
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

function findingsOf(stdout: string): { policy: string; resource: string; location: unknown }[] {
  const report = jsonReportSchema.parse(JSON.parse(stdout));
  return report.findings.map((f) => ({ policy: f.policy, resource: f.resource.id, location: f.location }));
}

const ORDERS = 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5';

describe('gatewarden audit aws against the emulator (real SDK clients)', () => {
  it('reports the findings of the sample account with their ARNs, reading only, and exits 1', async () => {
    await withEmulator(loadScenario('sample-account'), 'AKIAEMULATORSAMPLE', async (emulator) => {
      const r = await runCli(['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1,eu-west-1', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const report = jsonReportSchema.parse(JSON.parse(r.stdout));
      expect(report.errors).toEqual([]);
      const findings = findingsOf(r.stdout).map((f) => `${f.policy} ${f.resource}`);
      expect(findings).toEqual(expect.arrayContaining([
        `GW-AUTH-001 aws:${ORDERS}/resources/ord001/methods/GET`,
        `GW-PRIV-001 aws:${ORDERS}`,
        'GW-TLS-001 aws:arn:aws:apigateway:us-east-1::/domainnames/legacy.example.com',
        'GW-TLS-001 aws:arn:aws:cloudfront::111111111111:distribution/E1ORDERS#viewer',
        `GW-MGMT-002 aws:${ORDERS}/stages/prod`,
        'GW-AUTH-002 aws:arn:aws:apigateway:eu-west-1::/apis/h1t2t3p4q5/authorizers/j1',
        'GW-DATA-003 aws:arn:aws:apigateway:eu-west-1::/apis/h1t2t3p4q5',
        // The live-only policies: an old key, a key in no usage plan, a stage never deployed, an authorizer no method uses.
        'GW-KEY-002 aws:arn:aws:apigateway:us-east-1::/apikeys/key001',
        'GW-KEY-003 aws:arn:aws:apigateway:us-east-1::/apikeys/key002',
        'GW-SHADOW-001 aws:arn:aws:apigateway:eu-west-1::/apis/h1t2t3p4q5/stages/staging',
        `GW-AUTH-004 aws:${ORDERS}/authorizers/old001`,
      ]));
      expect(findings.filter((f) => /^GW-AUTH-004 .*\/authorizers\/(cog001|lam001)$|^GW-KEY-003 .*key001$|^GW-SHADOW-001 .*\$default$/.test(f))).toEqual([]);
      // What was audited, in place of files.
      expect(report.summary).toMatchObject({ filesScanned: 0, audited: { cloud: 'aws', accounts: ['111111111111'], regions: ['eu-west-1', 'us-east-1'], apis: 4 } });
      // The WAF-protected, IAM-authorized payments API passes the checks its WAF and authorization decide.
      expect(findings.filter((f) => f.includes('p4y5m6n7o8') && /GW-(MGMT-002|AUTH-001|TLS-001)/.test(f))).toEqual([]);
      const location = findingsOf(r.stdout).find((f) => f.resource === `aws:${ORDERS}`)?.location;
      expect(location).toEqual({ cloud: 'aws', id: ORDERS, region: 'us-east-1', account: '111111111111' });
      // Read-only by construction, and no key value ever reaches the report.
      expect(emulator.requests.filter((q) => !isReadOnly(q))).toEqual([]);
      expect(emulator.requests.filter((q) => q.operation === 'apigateway:GetApiKeys').every((q) => q.query.includes('includeValues=false'))).toBe(true);
      expect(r.stdout).not.toMatch(/never-sent|key-value-the-client-drops/);
    });
  });

  it('when the usage plans cannot be listed, the stages they may cover cannot be verified for quotas (not passed)', async () => {
    const scenario = loadScenario('sample-account');
    const denied: Scenario = { ...scenario, faults: [...(scenario.faults ?? []), { operation: 'apigateway:GetUsagePlans', kind: 'denied' }] };
    await withEmulator(denied, 'AKIAEMULATORSAMPLE', async (emulator) => {
      const r = await runCli(['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1', '--format', 'json', '--policy', 'GW-MGMT-003', '--allow-partial', '--report-unknown']);
      const report = jsonReportSchema.parse(JSON.parse(r.stdout));
      expect(report.errors.map((e) => e.message)).toEqual([expect.stringContaining('apigateway:GetUsagePlans')]);
      const quota = report.findings.filter((f) => f.policy === 'GW-MGMT-003' && f.resource.id === `aws:${ORDERS}/stages/prod`);
      expect(quota.map((f) => [f.status, f.message])).toEqual([['unknown', expect.stringContaining('the usage plans of this region could not be listed')]]);
    });
  });

  it('shows the ARN of each live finding in text output', async () => {
    await withEmulator(loadScenario('sample-account'), 'AKIAEMULATORSAMPLE', async (emulator) => {
      const r = await runCli(['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1', '--policy', 'GW-TLS-001']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^aws 111111111111 us-east-1$/m);
      expect(r.stdout).toContain('arn:aws:apigateway:us-east-1::/domainnames/legacy.example.com  high  GW-TLS-001');
      expect(r.stdout).toMatch(/ in 2 APIs audited across 1 account \(111111111111\) and 1 region \(us-east-1\)[;.]/);
      expect(r.stdout).not.toContain('files scanned');
    });
  });

  it('follows pagination: every page of a list is read', async () => {
    await withEmulator(loadScenario('sample-account'), 'AKIAEMULATORSAMPLE', async (emulator) => {
      const loaded = await awsProvider({ endpointUrl: emulator.url, regions: ['us-east-1'], roleArns: [], maxAttempts: 2 }).load({ files: [], options: {} });
      // pageSize 2: three resources of `orders` come in two GetResources pages, its three authorizers in two pages.
      const ordersCalls = (op: string) => emulator.requests.filter((q) => q.operation === op && q.path.includes('a1b2c3d4e5'));
      expect(ordersCalls('apigateway:GetResources').map((q) => q.query)).toEqual(['?embed=methods&limit=500', '?embed=methods&limit=500&position=2']);
      expect(ordersCalls('apigateway:GetAuthorizers')).toHaveLength(2);
      expect(loaded.nodes.filter((n) => n.kind === 'api.authorizer' && n.id.includes('a1b2c3d4e5'))).toHaveLength(3);
      expect(loaded.nodes.filter((n) => n.kind === 'api.operation' && n.id.includes('a1b2c3d4e5'))).toHaveLength(4);
    });
  });

  it('makes the same number of calls per REST API whatever its number of routes (embed=methods)', async () => {
    const countFor = async (routes: number): Promise<number> => {
      const scenario = loadScenario('sample-account');
      const region = scenario.accounts['111111111111']!.regions['us-east-1']!;
      const api = region.restApis![0] as { resources: unknown[] };
      api.resources = Array.from({ length: routes }, (_, i) => ({
        id: `res${i}`, path: `/items${i}`,
        resourceMethods: Object.fromEntries(['GET', 'POST', 'PUT'].map((m) => [m, { httpMethod: m, authorizationType: 'NONE', methodIntegration: { type: 'MOCK' } }])),
      }));
      const unpaged: Scenario = { ...scenario, pageSize: 500 };
      return withEmulator(unpaged, 'AKIAEMULATORSAMPLE', async (emulator) => {
        await awsProvider({ endpointUrl: emulator.url, regions: ['us-east-1'], roleArns: [], maxAttempts: 2 }).load({ files: [], options: {} });
        return emulator.requests.filter((q) => q.path.includes('a1b2c3d4e5')).length;
      });
    };
    const [few, many] = [await countFor(1), await countFor(120)];
    expect(many).toBe(few);
    // GetResources, GetStages, GetAuthorizers, GetRequestValidators; then one GetWebACLForResource per stage, not per route.
    expect(few).toBe(4);
  });

  it('audits an organization: each failure is an error with account, region and operation, and the rest is still read', async () => {
    await withEmulator(loadScenario('organization'), 'AKIAEMULATORORG', async (emulator) => {
      const argv = ['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1,eu-west-1', '--org-role', 'GatewardenAudit',
        '--max-attempts', '3', '--request-timeout', '800', '--format', 'json'];
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      const report = jsonReportSchema.parse(JSON.parse(r.stdout));
      const errors = report.errors.filter((e) => e.severity === 'error').map((e) => ({ operation: e.operation, account: e.location && 'cloud' in e.location ? e.location.account : undefined, message: e.message }));
      expect(errors).toEqual(expect.arrayContaining([
        { operation: 'sts:AssumeRole', account: '333333333333', message: expect.stringMatching(/access denied \(AccessDenied/) },
        { operation: 'apigateway:GetAuthorizers', account: '222222222222', message: expect.stringMatching(/still throttled after retries \(TooManyRequestsException/) },
        { operation: 'apigateway:GetResources', account: '222222222222', message: expect.stringMatching(/access denied \(AccessDeniedException/) },
        { operation: 'apigateway:GetApis', account: '222222222222', message: expect.stringMatching(/timed out/) },
      ]));
      expect(errors).toHaveLength(4);
      expect(report.errors.find((e) => e.severity === 'notice')?.message).toBe('account 444444444444 is suspended: skipped');
      // The throttling burst on GetStages cleared on the third attempt: the stage of `inventory` was read and checked.
      const stagesCalls = emulator.requests.filter((q) => q.operation === 'apigateway:GetStages' && q.path.includes('burst00001'));
      expect(stagesCalls.map((q) => q.status)).toEqual([429, 429, 200]);
      const resources = report.findings.map((f) => f.resource.id);
      expect(resources).toContain('aws:arn:aws:apigateway:us-east-1::/restapis/burst00001/stages/prod');
      // The management account is read with the base credentials, the member through its role.
      expect(new Set(emulator.requests.filter((q) => q.operation === 'apigateway:GetRestApis').map((q) => q.account))).toEqual(new Set(['111111111111', '222222222222']));
      expect(emulator.requests.filter((q) => !isReadOnly(q))).toEqual([]);

      const partial = await runCli([...argv, '--allow-partial']);
      expect(partial.code).toBe(1);
    });
  });

  it('with --regions all, skips the regions the account has not enabled with a notice', async () => {
    const scenario = loadScenario('sample-account');
    const account = scenario.accounts['111111111111']!;
    const withDisabled: Scenario = { ...scenario, accounts: { '111111111111': { ...account, disabledRegions: ['ap-east-1', 'me-south-1'] } } };
    await withEmulator(withDisabled, 'AKIAEMULATORSAMPLE', async (emulator) => {
      const r = await runCli(['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'all', '--format', 'json', '--fail-on', 'none']);
      expect(r.code).toBe(0);
      const report = jsonReportSchema.parse(JSON.parse(r.stdout));
      expect(report.errors.map((e) => `${e.severity}: ${e.message}`)).toEqual([
        'notice: account 111111111111: region ap-east-1 is not enabled for this account; skipped',
        'notice: account 111111111111: region me-south-1 is not enabled for this account; skipped',
      ]);
      // A skipped region costs one call.
      expect(emulator.requests.filter((q) => q.region === 'ap-east-1')).toHaveLength(1);
    });
  });

  it('reports refused credentials as an error and exits 2', async () => {
    await withEmulator(loadScenario('sample-account'), 'AKIAUNKNOWNKEY', async (emulator) => {
      const r = await runCli(['audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1', '--format', 'json']);
      expect(r.code).toBe(2);
      const report = jsonReportSchema.parse(JSON.parse(r.stdout));
      expect(report.errors).toEqual([expect.objectContaining({ severity: 'error', operation: 'sts:GetCallerIdentity', message: expect.stringMatching(/the credentials were refused/) })]);
    });
  });

  it('rejects a bad region or role ARN before any call', async () => {
    expect((await runCli(['audit', 'aws', '--regions', 'eu-west'])).stderr).toMatch(/not a region name: eu-west/);
    expect((await runCli(['audit', 'aws', '--regions', 'eu-west-1', '--role-arn', 'Admin'])).code).toBe(2);
    expect((await runCli(['audit', 'aws'], { env: {} })).stderr).toMatch(/no region to audit/);
  });
});
