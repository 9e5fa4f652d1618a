import { adaptAccount } from '../../../providers/aws/adapt';
import { splitSettingKey } from '../../../providers/aws/adapt/rest-apis';
import { readRestApiPolicy } from '../../../providers/aws/adapt/policy-document';
import type { AccountSnapshot } from '../../../providers/aws/snapshot';

const API = 'arn:aws:apigateway:eu-west-1::/restapis/abc123';

function account(overrides: Partial<AccountSnapshot['regions'][number]> = {}): AccountSnapshot {
  return {
    account: '123456789012', partition: 'aws', distributions: [], cloudFrontWebAcls: new Map(),
    regions: [{
      account: '123456789012', region: 'eu-west-1', partition: 'aws', restApis: [], domainNames: [], apiKeys: [], usagePlans: [], clientCertificates: [],
      v2Apis: [], v2DomainNames: [], ...overrides,
    }],
  };
}

describe('adaptAccount (recorded responses → graph)', () => {
  it('maps a REST stage, its method settings and its deployment', () => {
    const fragment = adaptAccount(account({
      restApis: [{
        api: { id: 'abc123', name: 'orders' },
        resources: [{ id: 'r1', path: '/orders/{id}', resourceMethods: { GET: { authorizationType: 'AWS_IAM', requestParameters: { 'method.request.querystring.page': true } } } }],
        stages: [{ stageName: 'prod', deploymentId: 'd1', methodSettings: { '*/*': { loggingLevel: 'ERROR', throttlingRateLimit: 10, throttlingBurstLimit: -1 }, '~1orders~1{id}/GET': { throttlingRateLimit: 2, throttlingBurstLimit: 4 } } }],
        authorizers: [], validators: [], webAcls: new Map([['prod', null]]),
      }],
    }));
    const stage = fragment.nodes.find((n) => n.id === `aws:${API}/stages/prod`);
    expect(stage).toMatchObject({
      kind: 'api.stage', name: 'orders/prod', source: { kind: 'cloud', provider: 'aws', id: `${API}/stages/prod`, account: '123456789012', region: 'eu-west-1' },
      attrs: { executionLogging: { state: 'set', value: 'error' }, throttling: { state: 'set', value: { rateLimit: 10 } }, deployed: { state: 'set', value: true }, accessLogging: { value: false } },
    });
    const operation = fragment.nodes.find((n) => n.kind === 'api.operation');
    expect(operation?.attrs).toMatchObject({ authorization: { value: 'iam' }, throttling: { value: { rateLimit: 2, burstLimit: 4 } }, requiredParameters: { value: ['query:page'] } });
    // Not knowable from a deployed API: unknown, never a guess.
    expect(fragment.nodes.find((n) => n.kind === 'api')?.attrs).toMatchObject({ hasSpec: { state: 'unknown' }, resourcePolicy: { state: 'set', value: null } });
  });

  it('folds per-method settings that log bodies or cache them unencrypted into the stage', () => {
    const stageWith = (methodSettings: Record<string, Record<string, unknown>>) => {
      const fragment = adaptAccount(account({
        restApis: [{
          api: { id: 'abc123', name: 'orders' }, resources: [],
          stages: [{ stageName: 'prod', deploymentId: 'd1', cacheClusterEnabled: true, methodSettings }],
          authorizers: [], validators: [], webAcls: new Map([['prod', null]]),
        }],
      }));
      return fragment.nodes.find((n) => n.id === `aws:${API}/stages/prod`)?.attrs;
    };
    const encrypted = { '*/*': { cachingEnabled: true, cacheDataEncrypted: true, dataTraceEnabled: false } };
    expect(stageWith(encrypted)).toMatchObject({ cacheEncrypted: { value: true }, dataTrace: { value: false } });
    expect(stageWith({ ...encrypted, '~1orders/GET': { cachingEnabled: true, cacheDataEncrypted: false, dataTraceEnabled: true } }))
      .toMatchObject({ cacheEncrypted: { value: false }, dataTrace: { value: true } });
    // A method that caches nothing stores nothing, encrypted or not.
    expect(stageWith({ ...encrypted, '~1orders/GET': { cachingEnabled: false, cacheDataEncrypted: false } })).toMatchObject({ cacheEncrypted: { value: true } });
  });

  it('keeps an HTTP API stage without a deployment as not deployed', () => {
    const fragment = adaptAccount(account({
      v2Apis: [{ api: { ApiId: 'h1', Name: 'catalog', ProtocolType: 'HTTP' }, routes: [], integrations: [], authorizers: [], stages: [{ StageName: 'beta', AutoDeploy: false }] }],
    }));
    expect(fragment.nodes.find((n) => n.kind === 'api.stage')?.attrs).toMatchObject({ deployed: { value: false } });
  });

  it('reads API keys without values: created date known, no last-use date (none is recorded), plan membership as edges', () => {
    const fragment = adaptAccount(account({
      apiKeys: [{ id: 'k1', name: 'partner', enabled: true, createdDate: new Date('2020-01-01T00:00:00Z') }],
      usagePlans: [{ plan: { id: 'p1', name: 'gold', apiStages: [{ apiId: 'abc123', stage: 'prod' }] }, keys: [{ id: 'k1', type: 'API_KEY' }] }],
    }));
    const key = fragment.nodes.find((n) => n.kind === 'api.key');
    expect(key?.attrs).toMatchObject({ createdAt: { value: '2020-01-01T00:00:00.000Z' }, enabled: { value: true }, scope: { state: 'set', value: 'usage-plans' } });
    expect(key?.attrs).not.toHaveProperty('lastUsedAt');
    expect(fragment.edges).toEqual(expect.arrayContaining([
      { from: 'aws:arn:aws:apigateway:eu-west-1::/apikeys/k1', rel: 'key-in-plan', to: 'aws:arn:aws:apigateway:eu-west-1::/usageplans/p1' },
      { from: 'aws:arn:aws:apigateway:eu-west-1::/usageplans/p1', rel: 'usage-plan-covers', to: `aws:${API}/stages/prod` },
    ]));
  });

  it('links a distribution to the API whose execute-api host is its origin, and to an unreadable web ACL as unknown', () => {
    const fragment = adaptAccount({
      ...account({ restApis: [{ api: { id: 'abc123', name: 'orders' }, resources: [], stages: [], authorizers: [], validators: [], webAcls: new Map() }] }),
      distributions: [{ ARN: 'arn:aws:cloudfront::123456789012:distribution/E1', WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/id1', Origins: { Items: [{ DomainName: 'abc123.execute-api.eu-west-1.amazonaws.com' }] } }],
    });
    expect(fragment.edges).toContainEqual({ from: 'aws:arn:aws:cloudfront::123456789012:distribution/E1', rel: 'cdn-fronts', to: `aws:${API}` });
    expect(fragment.nodes.find((n) => n.kind === 'edge.waf')?.attrs).toMatchObject({ mode: { state: 'unknown' } });
  });

  it('a stage whose webAclArn names a WAF Classic ACL (which WAFv2 does not return) or an ACL that could not be read is covered by a WAF of unknown rules', () => {
    const classicArn = 'arn:aws:waf-regional:eu-west-1:123456789012:webacl/0a1b2c3d';
    const v2Arn = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/id1';
    const fragment = adaptAccount(account({
      restApis: [{
        api: { id: 'abc123', name: 'orders' }, resources: [], authorizers: [], validators: [],
        stages: [{ stageName: 'prod', webAclArn: classicArn }, { stageName: 'beta', webAclArn: v2Arn }, { stageName: 'dev' }],
        // prod: WAFv2 says none; beta: the read failed; dev: none at all.
        webAcls: new Map([['prod', null], ['dev', null]]),
      }],
    }));
    const wafOf = (stage: string) => fragment.edges.filter((e) => e.rel === 'waf-protects' && e.to === `aws:${API}/stages/${stage}`)
      .map((e) => fragment.nodes.find((n) => n.id === e.from));
    expect(wafOf('prod')).toEqual([expect.objectContaining({ native: { type: 'AWS::WAFRegional::WebACL' }, attrs: expect.objectContaining({ mode: expect.objectContaining({ state: 'unknown', expr: 'WAF Classic web ACLs are not read' }) }) })]);
    expect(wafOf('beta')).toEqual([expect.objectContaining({ native: { type: 'AWS::WAFv2::WebACL' }, attrs: expect.objectContaining({ mode: expect.objectContaining({ state: 'unknown', expr: 'the web ACL could not be read' }) }) })]);
    expect(wafOf('dev')).toEqual([]);
  });

  it('splits method setting keys and reads escaped resource policies', () => {
    expect(splitSettingKey('*/*')).toEqual({ path: '*', verb: '*' });
    expect(splitSettingKey('~1pets~1{id}/get')).toEqual({ path: '/pets/{id}', verb: 'GET' });
    expect(splitSettingKey('pets/POST')).toEqual({ path: '/pets', verb: 'POST' });
    expect(readRestApiPolicy('{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"*\\"}]}'))
      .toEqual({ statements: [{ effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], resources: ['*'], hasCondition: false }] });
  });
});
