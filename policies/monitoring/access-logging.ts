import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-LOG-001',
  slug: 'access-logging',
  title: 'API stages write access logs',
  severity: 'medium',
  category: 'monitoring',
  control: 'access-logging',
  owasp: ['API9:2023'],
  target: 'api.stage',
  rationale:
    'Access logs record who called which route, from where, and with what result. Without them, abuse, credential stuffing or data scraping ' +
    'cannot be detected or investigated after the fact.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_stage" "prod" {',
      '  # ...',
      '  access_log_settings {',
      '    destination_arn = aws_cloudwatch_log_group.api_access.arn',
      '    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })',
      '  }',
      '}',
      '# aws_apigatewayv2_stage takes the same access_log_settings block',
    ].join('\n'),
    cloudformation: [
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    AccessLogSetting:',
      '      DestinationArn: !GetAtt AccessLogs.Arn',
      '      Format: \'{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}\'',
      '# AWS::ApiGatewayV2::Stage: AccessLogSettings with the same fields',
      '',
      '# SAM: AccessLogSetting on AWS::Serverless::Api, AccessLogSettings on AWS::Serverless::HttpApi',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    AccessLogSetting:',
      '      DestinationArn: !GetAtt AccessLogs.Arn',
      '      Format: \'{"requestId":"$context.requestId","status":"$context.status"}\'',
    ].join('\n'),
    aws: [
      '# REST API stage (console: Stages > (stage) > Logs and tracing > Edit > Custom access logging)',
      'aws logs create-log-group --log-group-name /aws/apigateway/orders-access',
      'aws apigateway update-stage --rest-api-id API_ID --stage-name prod --patch-operations \\',
      '  op=replace,path=/accessLogSettings/destinationArn,value=arn:aws:logs:eu-west-1:ACCOUNT_ID:log-group:/aws/apigateway/orders-access \\',
      '  \'op=replace,path=/accessLogSettings/format,value={"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}\'',
      '',
      '# HTTP / WebSocket API stage',
      'aws apigatewayv2 update-stage --api-id API_ID --stage-name \'$default\' --access-log-settings \\',
      '  \'DestinationArn=arn:aws:logs:eu-west-1:ACCOUNT_ID:log-group:/aws/apigateway/catalog-access,Format=$context.requestId $context.status\'',
      '# REST APIs need a CloudWatch role set once per region: aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=ROLE_ARN',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html',
  ],
  evaluate(stage) {
    const logging = stage.attrs.accessLogging;
    switch (logging.state) {
      case 'unknown':
        return unknown(`Cannot tell whether stage ${stage.name} writes access logs (${logging.expr ?? 'computed'})`, logging.source ?? stage.source);
      case 'set':
      case 'default':
        return logging.value ? pass() : fail(`Stage ${stage.name} writes no access logs`, logging.source ?? stage.source);
    }
  },
});
