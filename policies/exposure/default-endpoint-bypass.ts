import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { frontLabel, frontsByServing } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-EXP-002',
  slug: 'default-endpoint-bypass',
  title: 'APIs served through a custom domain or CDN disable their default endpoint',
  severity: 'medium',
  category: 'exposure',
  control: 'default-endpoint',
  owasp: ['API8:2023', 'API9:2023'],
  target: 'api',
  rationale:
    'When a custom domain or a CDN fronts an API, its TLS policy, mutual TLS and the WAF attached to the CDN only apply to traffic that goes through it. ' +
    'While the default execute-api endpoint stays enabled, anyone can call the API directly and skip all of them. ' +
    'A disabled CloudFront distribution serves nothing, so there is nothing to bypass.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_rest_api" "api" {',
      '  name                         = "api"',
      '  disable_execute_api_endpoint = true',
      '}',
      '# aws_apigatewayv2_api takes the same disable_execute_api_endpoint = true',
    ].join('\n'),
    cloudformation: [
      '# REST API (HTTP APIs: the same property on AWS::ApiGatewayV2::Api)',
      'Api:',
      '  Type: AWS::ApiGateway::RestApi',
      '  Properties:',
      '    Name: orders',
      '    DisableExecuteApiEndpoint: true',
      '',
      '# SAM: the same property on AWS::Serverless::Api / AWS::Serverless::HttpApi',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    DisableExecuteApiEndpoint: true',
      '    Domain:',
      '      DomainName: api.example.com',
      '      CertificateArn: !Ref Certificate',
      '      EndpointConfiguration: REGIONAL',
      '      SecurityPolicy: TLS_1_2',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-disable-default-endpoint.html',
  ],
  evaluate(api, { graph }) {
    const { serving, doubtful } = frontsByServing(graph, api);
    if (serving.length === 0 && doubtful.length === 0) return pass();
    // A CDN whose `enabled` is not known may serve the API, or not: it decides only when nothing else fronts it.
    const names = (serving.length > 0 ? serving : doubtful.map((d) => d.front)).map(frontLabel).join(', ');
    const enabled = api.attrs.defaultEndpointEnabled;
    switch (enabled.state) {
      case 'unknown':
        return unknown(`API ${api.name} is served through ${names}, but whether its default endpoint is enabled is not known statically (${enabled.expr ?? 'computed'})`, enabled.source ?? api.source);
      case 'set':
      case 'default': {
        if (!enabled.value) return pass();
        const doubt = serving.length > 0 ? undefined : doubtful[0];
        return doubt
          ? unknown(`API ${api.name} keeps its default endpoint enabled beside ${names}, but ${doubt.why}`, doubt.source ?? enabled.source ?? api.source)
          : fail(`API ${api.name} is served through ${names} but its default endpoint stays enabled: clients can bypass their TLS policy and WAF`, enabled.source ?? api.source);
      }
    }
  },
});
