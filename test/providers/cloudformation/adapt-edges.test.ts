import { loadTemplateText } from './cfn-helpers';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: orders }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod }
  Beta:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: beta }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction: { Allow: {} }
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
      Rules:
        - Name: common
          Priority: 0
          OverrideAction: { None: {} }
          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }
        - Name: rate
          Priority: 1
          Action: { Block: {} }
          Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: IP } }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: rate }
  ProdAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Prod}'
      WebACLArn: !GetAtt Acl.Arn
  BetaAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/beta'
      WebACLArn: !GetAtt Acl.Arn
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: arn:aws:acm:eu-west-1:1:certificate/x, EndpointConfiguration: { Types: [REGIONAL] } }
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties: { DomainName: !Ref Domain, RestApiId: !Ref Api, Stage: !Ref Prod }
  Key:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Value: abcdefghijklmnopqrstuvwxyz123456 }
  StoredKey:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Enabled: true, Value: '{{resolve:secretsmanager:api-key:SecretString:value}}' }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: prod }]
      Throttle: { RateLimit: 10, BurstLimit: 20 }
      Quota: { Limit: 1000, Period: month }
  PlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref Plan }
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        WebACLId: !GetAtt Acl.Arn
        DefaultCacheBehavior: { TargetOriginId: api, ViewerProtocolPolicy: allow-all }
        Origins:
          - Id: api
            DomainName: !Sub '\${Api}.execute-api.\${AWS::Region}.amazonaws.com'
            OriginPath: /prod
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      ProtocolType: HTTP
      CorsConfiguration: { AllowOrigins: ['*'], AllowCredentials: true }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref HttpApi, IntegrationType: HTTP_PROXY, IntegrationMethod: ANY, IntegrationUri: 'https://backend.example.com' }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref HttpApi, RouteKey: 'GET /pets', Target: !Join ['/', [integrations, !Ref Integration]] }
  HttpStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref HttpApi
      StageName: $default
      DefaultRouteSettings: { ThrottlingRateLimit: 50 }
      RouteSettings: { 'GET /pets': { ThrottlingBurstLimit: 5 } }
  HttpDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties: { DomainName: http.example.com, DomainNameConfigurations: [{ CertificateArn: x, EndpointType: REGIONAL }] }
  HttpMapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties: { ApiId: !Ref HttpApi, DomainName: http.example.com, Stage: !Ref HttpStage }
`;

describe('links between CloudFormation resources', () => {
  it('links WAF associations to the stage their ARN names (by reference or by name)', async () => {
    const { graph, node } = await loadTemplateText(TEMPLATE);
    expect(graph.out('cloudformation:template.yaml:Acl', 'waf-protects').map((n) => n.name).sort()).toEqual(['Beta', 'Cdn', 'Prod']);
    expect(node('Acl').attrs).toMatchObject({
      defaultAction: { value: 'allow' }, managedRuleGroups: { value: ['AWS/AWSManagedRulesCommonRuleSet'] }, rateBasedRules: { value: 1 }, mode: { value: 'prevention' },
    });
  });

  it('links domains, usage plans, keys and CloudFront', async () => {
    const { graph, node } = await loadTemplateText(TEMPLATE);
    expect(graph.out('cloudformation:template.yaml:Domain', 'domain-serves').map((n) => n.name)).toEqual(['Prod']);
    expect(node('Domain').attrs).toMatchObject({ minTlsVersion: { state: 'default', value: '1.0' }, securityPolicy: { state: 'default', value: 'TLS_1_0' }, endpointType: { value: 'regional' } });
    expect(graph.out('cloudformation:template.yaml:Plan', 'usage-plan-covers').map((n) => n.name)).toEqual(['Prod']);
    expect(node('Plan').attrs).toMatchObject({ throttling: { value: { rateLimit: 10, burstLimit: 20 } }, quota: { value: { limit: 1000, period: 'MONTH' } } });
    expect(graph.out('cloudformation:template.yaml:Key', 'key-in-plan').map((n) => n.name)).toEqual(['Plan']);
    const key = node('Key');
    expect(key.attrs).toMatchObject({ enabled: { state: 'default', value: false }, valueSource: { value: 'literal' }, valuePreview: { value: expect.stringMatching(/^abcd…sha256:/) } });
    expect(JSON.stringify(key)).not.toContain('abcdefghijklmnopqrstuvwxyz123456');
    expect(node('StoredKey').attrs).toMatchObject({ enabled: { state: 'set', value: true }, valueSource: { value: 'secret-store' } });
    expect(graph.out('cloudformation:template.yaml:Cdn', 'cdn-fronts').map((n) => n.name)).toEqual(['Api']);
    expect(node('Cdn#viewer').attrs).toMatchObject({ securityPolicy: { state: 'default', value: 'TLSv1' }, allowsPlainHttp: { state: 'set', value: true }, weakCiphers: { value: ['DES-CBC3-SHA'] } });
    expect(node('Cdn').attrs).toMatchObject({ originProtocol: { value: 'https-only' }, enabled: { value: true } });
  });

  it('maps HTTP APIs: routes to integrations, route and default throttles, CORS, domains', async () => {
    const { graph, node } = await loadTemplateText(TEMPLATE);
    expect(node('HttpApi').attrs).toMatchObject({ flavor: 'http', cors: { state: 'set', value: { allowOrigins: ['*'], allowCredentials: true } } });
    expect(graph.out('cloudformation:template.yaml:Route', 'operation-calls-backend').map((n) => n.name)).toEqual(['Integration']);
    expect(node('Route').attrs).toMatchObject({ method: { value: 'GET' }, path: { value: '/pets' }, authorization: { state: 'default', value: 'none' }, throttling: { value: { burstLimit: 5 } } });
    expect(node('HttpStage').attrs).toMatchObject({ throttling: { value: { rateLimit: 50 } }, accessLogging: { state: 'default', value: false } });
    expect(node('HttpDomain').attrs).toMatchObject({ securityPolicy: { state: 'unknown' }, minTlsVersion: { state: 'unknown' } });
    expect(graph.out('cloudformation:template.yaml:HttpDomain', 'domain-serves').map((n) => n.name)).toEqual(['HttpStage']);
    expect(node('Integration').attrs).toMatchObject({ usesTls: { state: 'set', value: true } });
  });
});

describe('CloudFormation usage plans and CloudFront web ACLs not known statically', () => {
  const template = (resources: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExtraStages: { Type: CommaDelimitedList }
  SharedAclArn: { Type: String }
  UseWaf: { Type: String, AllowedValues: ['true', 'false'] }
Conditions:
  WafOn: !Equals [!Ref UseWaf, 'true']
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: orders }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod }
  Beta:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: beta }
${resources}`;
  const distribution = (name: string, webAcl: string) => `
  ${name}:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
${webAcl === '' ? '' : `        WebACLId: ${webAcl}\n`}        Origins:
          - Id: api
            DomainName: !Sub '\${Api}.execute-api.\${AWS::Region}.amazonaws.com'
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
        DefaultCacheBehavior: { TargetOriginId: api, ViewerProtocolPolicy: https-only }
`;

  it('a plan whose ApiStages are not known may cover every REST stage: it applies to none for certain', async () => {
    const { graph, node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages: !Ref ExtraStages
`));
    expect(graph.out('cloudformation:template.yaml:Plan', 'usage-plan-covers').map((n) => n.name).sort()).toEqual(['Beta', 'Prod']);
    expect(node('Plan').attrs).toMatchObject({ keyRequired: { state: 'default', value: true }, applies: { state: 'unknown', expr: expect.stringContaining('which stages usage plan Plan covers is not known statically') } });
  });

  it('a distribution whose Condition is not known may not be created: its ACL decides nothing, unless what it fronts has the same one', async () => {
    const acl = `
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: CLOUDFRONT, DefaultAction: { Block: {} }, VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: a, SampledRequestsEnabled: true } }
`;
    const withCondition = (text: string) => text.replace(/^(  \w+:\n    Type: AWS::CloudFront::Distribution\n)/m, '$1    Condition: WafOn\n');
    const alone = await loadTemplateText(template(acl + withCondition(distribution('Cdn', '!GetAtt Acl.Arn'))));
    expect(alone.graph.in('cloudformation:template.yaml:Cdn', 'waf-protects').map((w) => w.kind === 'edge.waf' && w.attrs.defaultAction))
      .toEqual([expect.objectContaining({ state: 'unknown', expr: 'Cdn may not be created: its condition WafOn is not known statically' })]);
    const together = await loadTemplateText(template(acl + withCondition(distribution('Cdn', '!GetAtt Acl.Arn'))).replace('  Api:\n    Type: AWS::ApiGateway::RestApi\n', '  Api:\n    Type: AWS::ApiGateway::RestApi\n    Condition: WafOn\n'));
    expect(together.graph.in('cloudformation:template.yaml:Cdn', 'waf-protects').map((w) => w.id)).toEqual(['cloudformation:template.yaml:Acl']);
  });

  it('a plan whose stage is a parameter without a default may cover any stage of its API', async () => {
    const { graph, node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: !Ref SharedAclArn }]
`));
    expect(graph.out('cloudformation:template.yaml:Plan', 'usage-plan-covers').map((n) => n.name).sort()).toEqual(['Beta', 'Prod']);
    expect(node('Plan').attrs).toMatchObject({ applies: { state: 'unknown', expr: expect.stringContaining('which stages usage plan Plan covers is not known statically') } });
  });

  it('reads a plan\'s throttles for single methods of a stage (ApiStages[].Throttle)', async () => {
    const { node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - ApiId: !Ref Api
          Stage: !Ref Prod
          Throttle:
            /items/GET: { RateLimit: 5, BurstLimit: 10 }
`));
    expect(node('Plan').attrs).toMatchObject({ methodThrottles: { value: [{ stage: 'cloudformation:template.yaml:Prod', method: '/items/GET', throttle: { rateLimit: 5, burstLimit: 10 } }] } });
  });

  it('a method throttle from a parameter without a default is not known, not "no limit"', async () => {
    const { node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - ApiId: !Ref Api
          Stage: !Ref Prod
          Throttle:
            /items/GET: { RateLimit: !Ref SharedAclArn }
`));
    expect(node('Plan').attrs).toMatchObject({ methodThrottles: { state: 'unknown' } });
  });

  it('a usage plan with the same undecided Condition as the stage it covers applies whenever the stage exists', async () => {
    const { node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Condition: WafOn
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: !Ref Prod }]
`).replace('  Prod:\n    Type: AWS::ApiGateway::Stage\n', '  Prod:\n    Type: AWS::ApiGateway::Stage\n    Condition: WafOn\n'));
    expect(node('Plan').attrs).toMatchObject({ applies: { state: 'default', value: true } });
  });

  it('a usage plan whose Condition is not known may not apply', async () => {
    const { node } = await loadTemplateText(template(`
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Condition: WafOn
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: !Ref Prod }]
`));
    expect(node('Plan').attrs).toMatchObject({ applies: { state: 'unknown', expr: 'Plan may not be created: its condition WafOn is not known statically' } });
  });

  it.each([
    ['a parameter: a web ACL the template does not declare', '!Ref SharedAclArn', 'unknown'],
    ['an ARN written out', 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/shared/1234', 'unknown'],
    ['""', '""', 'none'],
    ['AWS::NoValue', '!Ref AWS::NoValue', 'none'],
    ['unset', '', 'none'],
    ['an Fn::If whose condition is not known', '!If [WafOn, !Ref SharedAclArn, !Ref AWS::NoValue]', 'chosen by a condition'],
    ['a WAF Classic id', 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', 'WAF Classic'],
  ])('WebACLId from %s', async (_name, webAcl, expected) => {
    const { graph } = await loadTemplateText(template(distribution('Cdn', webAcl)));
    const wafs = graph.in('cloudformation:template.yaml:Cdn', 'waf-protects');
    if (expected === 'none') expect(wafs).toEqual([]);
    else if (expected === 'unknown') expect(wafs.map((w) => w.kind === 'edge.waf' && w.attrs.defaultAction.state)).toEqual(['unknown']);
    else expect(wafs.map((w) => w.kind === 'edge.waf' && w.attrs.defaultAction)).toEqual([expect.objectContaining({ state: 'unknown', expr: expect.stringContaining(expected) })]);
  });

  it.each([
    ['a declared regional ACL', '!Ref Classic'],
    ['a parameter', '!Ref SharedAclArn'],
    ['an id written out', 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
  ])('a WAF Classic association whose WebACLId is %s covers the stage its ARN names with a WAF whose rules are not known', async (_name, webAcl) => {
    const { graph } = await loadTemplateText(template(`
  Classic:
    Type: AWS::WAFRegional::WebACL
    Properties: { Name: classic, MetricName: classic, DefaultAction: { Type: BLOCK } }
  ClassicAssociation:
    Type: AWS::WAFRegional::WebACLAssociation
    Properties:
      ResourceArn: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod'
      WebACLId: ${webAcl}
`));
    expect(graph.in('cloudformation:template.yaml:Prod', 'waf-protects').map((w) => w.kind === 'edge.waf' && w.attrs.mode))
      .toEqual([expect.objectContaining({ state: 'unknown', expr: 'WebACLId names a WAF Classic web ACL, which is not modelled: its rules are not judged' })]);
    expect(graph.in('cloudformation:template.yaml:Beta', 'waf-protects')).toEqual([]);
  });
});
