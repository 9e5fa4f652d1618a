import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { Answers } from '../../src/graph/answers';
import type { GraphNode } from '../../src/graph/kinds';
import type { ReadonlyGraph } from '../../src/graph/graph';
import { apiFlavorOf, apiOf, backendsOf, operationsOf } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-TLS-004',
  slug: 'backend-client-certificate',
  title: 'REST and WebSocket API stages that call HTTP backends over the internet present a client certificate',
  severity: 'low',
  category: 'encryption',
  control: 'client-certificate',
  owasp: ['API8:2023'],
  target: 'api.stage',
  rationale:
    'An HTTP backend on the internet answers whoever calls it. When the gateway presents a client certificate, the backend can accept ' +
    'only the gateway, so the gateway\'s authorizers, throttling and WAF cannot be bypassed by calling the backend directly. ' +
    'Stages whose routes call only Lambda functions, AWS services, mock integrations or private (VPC link) backends have nothing to present it to, ' +
    'and HTTP APIs cannot present one: they pass, and so do plain-HTTP backends, which have no TLS handshake to present it in ' +
    '(GW-TLS-003 reports those). Low severity: a backend may authenticate the gateway in other ways ' +
    '(a secret header, a signed request), and a third-party public API proxied as is has no use for the certificate.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_client_certificate" "backend" {',
      '  description = "Presented to the orders backend, which trusts only this certificate"',
      '}',
      '',
      'resource "aws_api_gateway_stage" "prod" {',
      '  # ...',
      '  client_certificate_id = aws_api_gateway_client_certificate.backend.id',
      '}',
      '',
      '# WebSocket API',
      'resource "aws_apigatewayv2_stage" "prod" {',
      '  # ...',
      '  client_certificate_id = aws_api_gateway_client_certificate.backend.id',
      '}',
    ].join('\n'),
    cloudformation: [
      'BackendCertificate:',
      '  Type: AWS::ApiGateway::ClientCertificate',
      '',
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    ClientCertificateId: !Ref BackendCertificate',
      '# WebSocket API: ClientCertificateId on AWS::ApiGatewayV2::Stage',
      '# SAM: AWS::Serverless::Api cannot set one on the stage it generates; reach the backend through a VPC link',
      '# (a private integration) instead, or declare that API with AWS::ApiGateway resources',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html',
  ],
  frameworks: { 'nist-800-53': ['IA-3', 'SC-8'] },
  evaluate(stage, { graph }) {
    // REST and WebSocket API stages can present a client certificate to HTTP backends; HTTP API stages cannot.
    const flavor = apiFlavorOf(graph, stage);
    if (flavor !== 'rest' && flavor !== 'websocket') return pass();
    const backends = internetHttpBackends(graph, stage);
    if (backends.known.length === 0 && backends.unsure.length === 0) return pass();
    const certificate = stage.attrs.clientCertificate;
    switch (certificate.state) {
      case 'unknown':
        return unknown(`Cannot tell whether stage ${stage.name} presents a client certificate (${certificate.expr ?? 'computed'})`, certificate.source ?? stage.source);
      case 'set':
      case 'default': {
        if (certificate.value) return pass();
        const at = certificate.source ?? stage.source;
        const [first] = backends.known;
        if (!first) {
          const [unsure] = backends.unsure;
          return unknown(`Stage ${stage.name} presents no client certificate, and whether its backend ${describe(unsure)} is an HTTP backend on the internet is not known statically`, at);
        }
        const others = backends.known.length - 1;
        return fail(
          `Stage ${stage.name} calls ${describe(first)}${others > 0 ? ` and ${others} other HTTP backend${others > 1 ? 's' : ''}` : ''} over the internet ` +
          'without presenting a client certificate: the backend cannot tell the gateway\'s requests from anyone else\'s',
          at,
        );
      }
    }
  },
});

type Backend = GraphNode<'api.backend'>;

interface HttpBackends {
  readonly known: readonly Backend[];
  readonly unsure: readonly Backend[];
}

const NO_BACKENDS: HttpBackends = { known: [], unsure: [] };
const backendsByApi = new Answers<GraphNode<'api'>, HttpBackends>();

/** The HTTP backends the stage's routes call over the internet (`known`), and those that may be (`unsure`). */
function internetHttpBackends(graph: ReadonlyGraph, stage: GraphNode<'api.stage'>): HttpBackends {
  const api = apiOf(graph, stage);
  // Every stage of an API serves its routes: listed once per API.
  return api ? backendsByApi.of(graph, api, () => httpBackendsOf(graph, api)) : NO_BACKENDS;
}

function httpBackendsOf(graph: ReadonlyGraph, api: GraphNode<'api'>): HttpBackends {
  const known: Backend[] = [];
  const unsure: Backend[] = [];
  const seen = new Set<string>();
  for (const operation of operationsOf(graph, api)) {
    for (const backend of backendsOf(graph, operation)) {
      if (seen.has(backend.id)) continue;
      seen.add(backend.id);
      const { type, connection, usesTls } = backend.attrs;
      if (type.state !== 'unknown' && type.value !== 'http') continue;
      if (connection.state !== 'unknown' && connection.value !== 'internet') continue;
      // A client certificate is presented in a TLS handshake: a plain-HTTP backend has none (GW-TLS-003 reports it).
      if (usesTls.state !== 'unknown' && !usesTls.value) continue;
      (type.state === 'unknown' || connection.state === 'unknown' ? unsure : known).push(backend);
    }
  }
  return { known, unsure };
}

function describe(backend: Backend | undefined): string {
  if (!backend) return '';
  const url = backend.attrs.url;
  return url.state !== 'unknown' && url.value !== '' ? `${backend.name} (${url.value})` : backend.name;
}
