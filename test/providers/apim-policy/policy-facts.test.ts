import { backendService, cors, ipFilter, quota, rateLimit, tokenValidation } from '../../../providers/apim-policy/policy-facts';
import { readPolicyXml } from '../../../providers/apim-policy/read-policy-xml';

function first(inbound: string) {
  const element = readPolicyXml(`<policies><inbound>${inbound}</inbound></policies>`).document.sections.inbound?.children[0];
  if (!element) throw new Error('no element');
  return element;
}

describe('cors origins computed in part', () => {
  it.each([
    ['a scheme, then an expression: one site, kept as written', '<origin>https://@(context.Variables["host"])</origin>', { state: 'known', value: ['https://@(context.Variables["host"])'] }],
    ['computed whole: may be anything', '<origin>@(context.Variables["origin"])</origin>', { state: 'unknown', expr: '@(context.Variables["origin"])' }],
    ['a scheme and a star: not read as one site', '<origin>https://*.@(context.Variables["d"])</origin>', { state: 'unknown', expr: 'https://*.@(context.Variables["d"])' }],
  ])('%s', (_case, origin, expected) => {
    expect(cors(first(`<cors><allowed-origins>${origin}</allowed-origins></cors>`))?.allowOrigins).toEqual(expected);
  });
});

describe('policy facts', () => {
  it('validate-jwt: issuers, audiences (named values resolved), openid-config as issuer', () => {
    const resolve = (name: string) => (name === 'aud' ? 'api://orders' : undefined);
    expect(tokenValidation(first('<validate-jwt header-name="Authorization"><issuers><issuer>https://sts.example.com/</issuer></issuers><audiences><audience>{{aud}}</audience></audiences></validate-jwt>'), resolve)).toEqual({
      policy: 'validate-jwt', issuers: { state: 'known', value: ['https://sts.example.com/'] }, audiences: { state: 'known', value: ['api://orders'] }, identitySource: 'header Authorization',
    });
    expect(tokenValidation(first('<validate-jwt query-parameter-name="t"><openid-config url="https://login.example.com/.well-known/openid-configuration" /></validate-jwt>'))).toMatchObject({
      issuers: { state: 'known', value: ['https://login.example.com/.well-known/openid-configuration'] }, audiences: { state: 'known', value: [] }, identitySource: 'query t',
    });
    expect(tokenValidation(first('<validate-jwt><audiences><audience>@(context.Variables["a"])</audience></audiences></validate-jwt>'))?.audiences).toEqual({
      state: 'unknown', expr: '@(context.Variables["a"])',
    });
  });

  it('validate-jwt: required aud and iss claims pin the audience and issuer', () => {
    const jwt = first('<validate-jwt><openid-config url="https://login.example.com/.well-known/openid-configuration" /><required-claims><claim name="aud"><value>api://orders</value></claim><claim name="iss" match="any"><value>https://sts.example.com/</value></claim><claim name="roles"><value>reader</value></claim></required-claims></validate-jwt>');
    expect(tokenValidation(jwt)).toMatchObject({ issuers: { state: 'known', value: ['https://sts.example.com/'] }, audiences: { state: 'known', value: ['api://orders'] } });
    expect(tokenValidation(first('<validate-jwt><required-claims><claim name="roles"><value>reader</value></claim></required-claims></validate-jwt>'))?.audiences).toEqual({ state: 'known', value: [] });
  });

  it('validate-azure-ad-token: tenant as issuer, audiences and client application ids', () => {
    expect(tokenValidation(first('<validate-azure-ad-token tenant-id="contoso.onmicrosoft.com"><client-application-ids><application-id>abc</application-id></client-application-ids></validate-azure-ad-token>'))).toMatchObject({
      issuers: { state: 'known', value: ['contoso.onmicrosoft.com'] }, audiences: { state: 'known', value: ['abc'] },
    });
  });

  it('rate limits, quotas, cors, backends and ip filters', () => {
    expect(rateLimit(first('<rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />'))).toEqual({
      calls: { state: 'known', value: 10 }, renewalPeriod: { state: 'known', value: 60 }, byKey: true,
    });
    expect(rateLimit(first('<rate-limit calls="{{calls}}" renewal-period="60" />'))?.calls).toEqual({ state: 'unknown', expr: '{{calls}}' });
    expect(quota(first('<quota bandwidth="4000" renewal-period="3600" />'))).toEqual({ limit: { state: 'known', value: 4000 }, unit: 'kilobytes', renewalPeriod: { state: 'known', value: 3600 } });
    expect(cors(first('<cors allow-credentials="true"><allowed-origins><origin>*</origin></allowed-origins></cors>'))).toEqual({
      allowOrigins: { state: 'known', value: ['*'] }, allowCredentials: { state: 'known', value: true },
    });
    expect(cors(first('<cors><allowed-origins><origin>https://a.example.com</origin></allowed-origins></cors>'))?.allowCredentials).toEqual({ state: 'known', value: false });
    expect(backendService(first('<set-backend-service base-url="http://legacy.example.com/api" />'))).toEqual({ kind: 'url', url: { state: 'known', value: 'http://legacy.example.com/api' } });
    expect(backendService(first('<set-backend-service backend-id="orders" />'))).toEqual({ kind: 'backend-id', id: { state: 'known', value: 'orders' } });
    expect(ipFilter(first('<ip-filter action="allow"><address>10.0.0.1</address><address-range from="10.1.0.0" to="10.1.0.255" /></ip-filter>'))).toEqual({
      action: { state: 'known', value: 'allow' }, addresses: ['10.0.0.1', '10.1.0.0-10.1.0.255'],
    });
  });
});
