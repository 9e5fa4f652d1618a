import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-DATA-001',
  slug: 'data-trace-logging',
  title: 'Stages do not log full request and response bodies',
  severity: 'medium',
  category: 'data-exposure',
  control: 'data-trace',
  owasp: ['API3:2023', 'API8:2023'],
  target: 'api.stage',
  rationale:
    'Data tracing writes whole requests and responses, with their headers, tokens and personal data, to execution logs. ' +
    'Those logs are read by far more people and tools than the API data itself, and are kept for longer. AWS advises against it in production.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  stage_name  = aws_api_gateway_stage.prod.stage_name',
      '  method_path = "*/*"',
      '  settings {',
      '    logging_level      = "ERROR"',
      '    data_trace_enabled = false',
      '  }',
      '}',
      '',
      '# WebSocket API stage',
      'resource "aws_apigatewayv2_stage" "prod" {',
      '  # ...',
      '  default_route_settings {',
      '    logging_level      = "ERROR"',
      '    data_trace_enabled = false',
      '  }',
      '}',
    ].join('\n'),
    cloudformation: [
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    MethodSettings:',
      '      - ResourcePath: /*',
      '        HttpMethod: \'*\'',
      '        LoggingLevel: ERROR',
      '        DataTraceEnabled: false',
      '',
      '# WebSocket API stage',
      'WebSocketStage:',
      '  Type: AWS::ApiGatewayV2::Stage',
      '  Properties:',
      '    ApiId: !Ref ChatApi',
      '    StageName: prod',
      '    DefaultRouteSettings:',
      '      LoggingLevel: ERROR',
      '      DataTraceEnabled: false',
      '# SAM: the same MethodSettings on AWS::Serverless::Api',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html',
  ],
  frameworks: { 'pci-dss-4.0': ['3.3.1', '10.2'] },
  evaluate(stage) {
    const trace = stage.attrs.dataTrace;
    // In the platform's own words: API Gateway's data trace, API Management's diagnostic `body_bytes`.
    const azure = stage.platform === 'azure';
    switch (trace.state) {
      case 'unknown': {
        const what = azure ? 'whether a diagnostic logs bodies' : 'data trace setting';
        return unknown(`\`${stage.name}\`: ${what} is not known statically (${trace.expr ?? 'computed'})`, trace.source ?? stage.source);
      }
      case 'set':
      case 'default':
        return trace.value
          ? fail(azure
            // A diagnostic logs up to body_bytes of each body it names (at most 8,192), not necessarily whole bodies.
            ? `\`${stage.name}\` logs request or response bodies (a diagnostic sets body_bytes above 0)`
            : `\`${stage.name}\` logs full request and response bodies (data trace enabled)`, trace.source ?? stage.source)
          : pass();
    }
  },
});
