import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { apiFlavorOf } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-LOG-003',
  slug: 'tracing',
  title: 'API stages enable distributed tracing',
  severity: 'low',
  category: 'monitoring',
  control: 'tracing',
  owasp: ['API9:2023'],
  target: 'api.stage',
  rationale:
    'Tracing follows a request from the gateway through its authorizer and backends, which is how slow or failing calls, ' +
    'unexpected call paths and abuse spread across services are found.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_stage" "prod" {',
      '  # ...',
      '  xray_tracing_enabled = true',
      '}',
    ].join('\n'),
    cloudformation: [
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    TracingEnabled: true',
      '# SAM: TracingEnabled: true on AWS::Serverless::Api',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html',
  ],
  evaluate(stage, { graph }) {
    const flavor = apiFlavorOf(graph, stage);
    // X-Ray tracing exists for REST APIs only: HTTP and WebSocket stages cannot enable it.
    if (flavor === 'http' || flavor === 'websocket') return pass();
    const tracing = stage.attrs.tracing;
    switch (tracing.state) {
      case 'unknown':
        return unknown(`Cannot tell whether stage ${stage.name} enables tracing (${tracing.expr ?? 'computed'})`, tracing.source ?? stage.source);
      case 'set':
      case 'default':
        if (tracing.value) return pass();
        if (!flavor) return unknown(`Stage ${stage.name} has tracing off, but its API is not in the scan, so whether it supports tracing cannot be told`, tracing.source ?? stage.source);
        return fail(`Stage ${stage.name} does not enable tracing`, tracing.source ?? stage.source);
    }
  },
});
