import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { apiFlavorOf } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-LOG-002',
  slug: 'execution-logging',
  title: 'API stages write execution logs at error level or more',
  severity: 'low',
  category: 'monitoring',
  control: 'execution-logging',
  owasp: ['API9:2023'],
  target: 'api.stage',
  rationale:
    'Execution logs show how the gateway handled each request: authorizer decisions, validation and integration errors. ' +
    'Without them, failed attacks and misconfigurations leave no trace beyond a status code.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  stage_name  = aws_api_gateway_stage.prod.stage_name',
      '  method_path = "*/*"',
      '  settings {',
      '    logging_level = "ERROR" # or "INFO"; keep data_trace_enabled = false',
      '  }',
      '}',
      '# WebSocket APIs: default_route_settings { logging_level = "ERROR" } on aws_apigatewayv2_stage',
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
      '        LoggingLevel: ERROR # or INFO; keep DataTraceEnabled false',
      '# WebSocket APIs: DefaultRouteSettings: {LoggingLevel: ERROR} on AWS::ApiGatewayV2::Stage',
      '# SAM: the same MethodSettings on AWS::Serverless::Api',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html',
  ],
  evaluate(stage, { graph }) {
    const flavor = apiFlavorOf(graph, stage);
    // HTTP APIs have no execution logs; their access logs carry the integration and authorizer errors instead.
    if (flavor === 'http') return pass();
    const level = stage.attrs.executionLogging;
    switch (level.state) {
      case 'unknown':
        return unknown(`Cannot tell the execution logging level of stage ${stage.name} (${level.expr ?? 'computed'})`, level.source ?? stage.source);
      case 'set':
      case 'default':
        if (level.value !== 'off') return pass();
        if (!flavor) return unknown(`Stage ${stage.name} has execution logging off, but its API is not in the scan, so whether it supports execution logs cannot be told`, level.source ?? stage.source);
        return fail(`Stage ${stage.name} writes no execution logs (logging level ${level.value})`, level.source ?? stage.source);
    }
  },
});
