import { expectAdapted, tf, type AdapterCase } from '../../helpers/tf-resources';

const http = () => tf.resource('aws_apigatewayv2_api', 'http', { name: 'h', protocol_type: 'HTTP' });
const ws = () => tf.resource('aws_apigatewayv2_api', 'ws', { name: 'w', protocol_type: 'WEBSOCKET', route_selection_expression: '$request.body.action' });
const httpId = () => tf.ref('aws_apigatewayv2_api.http');
const wsId = () => tf.ref('aws_apigatewayv2_api.ws');

const cases: AdapterCase[] = [
  {
    name: 'http api defaults',
    resources: () => [http()],
    nodes: {
      'terraform:aws_apigatewayv2_api.http': {
        kind: 'api', native: { type: 'aws_apigatewayv2_api' },
        attrs: {
          flavor: 'http',
          endpointType: { state: 'default', value: 'regional' },
          defaultEndpointEnabled: { state: 'default', value: true },
          resourcePolicy: { state: 'default', value: null },
          hasSpec: { state: 'default', value: false },
          cors: { state: 'default', value: null },
        },
      },
    },
    absent: ['terraform:aws_apigatewayv2_api.http#default-route', 'terraform:aws_apigatewayv2_api.http#default-stage'],
  },
  {
    name: 'http api explicit cors and disabled default endpoint',
    resources: () => [tf.resource('aws_apigatewayv2_api', 'http', {
      protocol_type: 'HTTP', disable_execute_api_endpoint: true,
      cors_configuration: tf.block({ allow_origins: ['*'], allow_credentials: true, allow_methods: ['GET'] }),
    })],
    nodes: {
      'terraform:aws_apigatewayv2_api.http': {
        attrs: { defaultEndpointEnabled: { state: 'set', value: false }, cors: { state: 'set', value: { allowOrigins: ['*'], allowCredentials: true } } },
      },
    },
  },
  {
    name: 'unknown protocol and cors values',
    resources: () => [tf.resource('aws_apigatewayv2_api', 'x', {
      protocol_type: tf.unknown('var.protocol'), cors_configuration: tf.block({ allow_origins: tf.unknown('var.origins') }),
    })],
    nodes: { 'terraform:aws_apigatewayv2_api.x': { attrs: { flavor: 'http', cors: { state: 'unknown', expr: 'var.origins' } } } },
    diagnostics: [/protocol_type is not known statically/],
  },
  {
    name: 'quick create makes an open $default route, its integration and a $default stage',
    resources: () => [tf.resource('aws_apigatewayv2_api', 'quick', { protocol_type: 'HTTP', target: 'arn:aws:lambda:eu-west-1:1:function:f' })],
    nodes: {
      'terraform:aws_apigatewayv2_api.quick#default-route': {
        kind: 'api.operation', name: 'quick',
        attrs: { method: { value: '$default' }, path: { value: '$default' }, authorization: { state: 'default', value: 'none' } },
      },
      'terraform:aws_apigatewayv2_api.quick#default-integration': { kind: 'api.backend', attrs: { type: { value: 'lambda' }, usesTls: { value: true } } },
      'terraform:aws_apigatewayv2_api.quick#default-stage': {
        kind: 'api.stage', attrs: { stageName: { value: '$default' }, accessLogging: { state: 'default', value: false }, throttling: { value: null } },
      },
    },
    edges: [
      { from: 'terraform:aws_apigatewayv2_api.quick', rel: 'api-has-operation', to: 'terraform:aws_apigatewayv2_api.quick#default-route' },
      { from: 'terraform:aws_apigatewayv2_api.quick', rel: 'api-has-stage', to: 'terraform:aws_apigatewayv2_api.quick#default-stage' },
      { from: 'terraform:aws_apigatewayv2_api.quick#default-route', rel: 'operation-calls-backend', to: 'terraform:aws_apigatewayv2_api.quick#default-integration' },
    ],
  },
  {
    name: 'routes: defaults, JWT with authorizer and target integration, and route throttling from the stage',
    resources: () => [
      http(),
      tf.resource('aws_apigatewayv2_route', 'open', { api_id: httpId(), route_key: 'GET /health' }),
      tf.resource('aws_apigatewayv2_authorizer', 'jwt', {
        api_id: httpId(), authorizer_type: 'JWT', name: 'jwt', identity_sources: ['$request.header.Authorization'],
        jwt_configuration: tf.block({ issuer: 'https://issuer.example.com', audience: ['api'] }),
      }),
      tf.resource('aws_apigatewayv2_integration', 'backend', { api_id: httpId(), integration_type: 'HTTP_PROXY', integration_method: 'ANY', integration_uri: 'https://example.com' }),
      tf.resource('aws_apigatewayv2_route', 'secured', {
        api_id: httpId(), route_key: 'post /orders', authorization_type: 'JWT', authorizer_id: tf.ref('aws_apigatewayv2_authorizer.jwt'),
        target: tf.ref('aws_apigatewayv2_integration.backend'),
      }),
      tf.resource('aws_apigatewayv2_stage', 'prod', {
        api_id: httpId(), name: 'prod', route_settings: tf.block({ route_key: 'post /orders', throttling_rate_limit: 5, throttling_burst_limit: 10 }),
      }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_route.open': {
        attrs: {
          method: { state: 'set', value: 'GET' }, path: { state: 'set', value: '/health' },
          authorization: { state: 'default', value: 'none' }, apiKeyRequired: { state: 'default', value: false }, throttling: { state: 'default', value: null },
        },
      },
      'terraform:aws_apigatewayv2_route.secured': {
        attrs: { method: { value: 'POST' }, authorization: { state: 'set', value: 'jwt' }, throttling: { state: 'set', value: { rateLimit: 5, burstLimit: 10 } } },
      },
      'terraform:aws_apigatewayv2_authorizer.jwt': {
        attrs: {
          type: { value: 'jwt' }, issuer: { state: 'set', value: 'https://issuer.example.com' }, audience: { state: 'set', value: ['api'] },
          identitySource: { value: '$request.header.Authorization' },
        },
      },
      'terraform:aws_apigatewayv2_integration.backend': { attrs: { type: { value: 'http' }, usesTls: { state: 'set', value: true } } },
    },
    edges: [
      { from: 'terraform:aws_apigatewayv2_api.http', rel: 'api-has-operation', to: 'terraform:aws_apigatewayv2_route.secured' },
      { from: 'terraform:aws_apigatewayv2_route.secured', rel: 'operation-uses-authorizer', to: 'terraform:aws_apigatewayv2_authorizer.jwt' },
      { from: 'terraform:aws_apigatewayv2_route.secured', rel: 'operation-calls-backend', to: 'terraform:aws_apigatewayv2_integration.backend' },
      { from: 'terraform:aws_apigatewayv2_api.http', rel: 'api-has-authorizer', to: 'terraform:aws_apigatewayv2_authorizer.jwt' },
    ],
  },
  {
    name: 'JWT authorizer without issuer and audience; request authorizer',
    resources: () => [
      http(),
      tf.resource('aws_apigatewayv2_authorizer', 'bare', { api_id: httpId(), authorizer_type: 'JWT', name: 'bare', jwt_configuration: tf.block({}) }),
      tf.resource('aws_apigatewayv2_authorizer', 'lambda', { api_id: httpId(), authorizer_type: 'REQUEST', name: 'l', authorizer_uri: 'arn:x' }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_authorizer.bare': { attrs: { issuer: { state: 'default', value: null }, audience: { state: 'default', value: [] } } },
      'terraform:aws_apigatewayv2_authorizer.lambda': { attrs: { type: { value: 'lambda' }, issuer: { state: 'default', value: null } } },
    },
  },
  {
    name: 'integrations: plain http, private ALB without and with TLS, service integration, unknown uri',
    resources: () => [
      tf.resource('aws_apigatewayv2_integration', 'plain', { api_id: httpId(), integration_type: 'HTTP_PROXY', integration_uri: 'http://example.com' }),
      tf.resource('aws_apigatewayv2_integration', 'private', {
        api_id: httpId(), integration_type: 'HTTP_PROXY', connection_type: 'VPC_LINK', integration_uri: 'arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/x',
      }),
      tf.resource('aws_apigatewayv2_integration', 'private_tls', {
        api_id: httpId(), integration_type: 'HTTP_PROXY', connection_type: 'VPC_LINK', integration_uri: 'arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/y',
        tls_config: tf.block({ server_name_to_verify: 'internal.example.com' }),
      }),
      tf.resource('aws_apigatewayv2_integration', 'sqs', { api_id: httpId(), integration_type: 'AWS_PROXY', integration_subtype: 'SQS-SendMessage' }),
      tf.resource('aws_apigatewayv2_integration', 'var', { api_id: httpId(), integration_type: 'HTTP_PROXY', integration_uri: tf.unknown('var.backend') }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_integration.plain': { attrs: { usesTls: { state: 'set', value: false }, connection: { state: 'default', value: 'internet' } } },
      'terraform:aws_apigatewayv2_integration.private': { attrs: { usesTls: { state: 'default', value: false }, connection: { state: 'set', value: 'vpc-link' } } },
      'terraform:aws_apigatewayv2_integration.private_tls': { attrs: { usesTls: { state: 'set', value: true } } },
      'terraform:aws_apigatewayv2_integration.sqs': { attrs: { type: { state: 'set', value: 'aws-service' }, usesTls: { value: true } } },
      'terraform:aws_apigatewayv2_integration.var': { attrs: { usesTls: { state: 'unknown', expr: 'var.backend' }, url: { state: 'unknown' } } },
    },
  },
  {
    name: 'http stage defaults: no execution logs, tracing or cache; default route throttling',
    resources: () => [
      http(),
      tf.resource('aws_apigatewayv2_stage', 'bare', { api_id: httpId(), name: 'bare' }),
      tf.resource('aws_apigatewayv2_stage', 'logged', {
        api_id: httpId(), name: 'logged', access_log_settings: tf.block({ destination_arn: 'arn:logs', format: '$context.requestId' }),
        default_route_settings: tf.block({ throttling_rate_limit: 50, throttling_burst_limit: 100, logging_level: 'INFO' }),
      }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_stage.bare': {
        attrs: {
          stageName: { state: 'set', value: 'bare' }, accessLogging: { state: 'default', value: false }, executionLogging: { state: 'default', value: 'off' },
          tracing: { state: 'default', value: false }, cacheEnabled: { state: 'default', value: false }, throttling: { state: 'default', value: null },
        },
      },
      // logging_level is ignored on HTTP APIs: it stays the documented default.
      'terraform:aws_apigatewayv2_stage.logged': {
        attrs: { accessLogging: { state: 'set', value: true }, executionLogging: { state: 'default', value: 'off' }, throttling: { state: 'set', value: { rateLimit: 50, burstLimit: 100 } } },
      },
    },
    edges: [{ from: 'terraform:aws_apigatewayv2_api.http', rel: 'api-has-stage', to: 'terraform:aws_apigatewayv2_stage.bare' }],
  },
  {
    name: 'websocket stage logging and data trace; routes keep their route key',
    resources: () => [
      ws(),
      tf.resource('aws_apigatewayv2_route', 'connect', { api_id: wsId(), route_key: '$connect', authorization_type: 'AWS_IAM' }),
      tf.resource('aws_apigatewayv2_stage', 'prod', {
        api_id: wsId(), name: 'prod', default_route_settings: tf.block({ logging_level: 'ERROR', data_trace_enabled: true }),
      }),
      tf.resource('aws_apigatewayv2_stage', 'unknown', { api_id: wsId(), name: 'u', default_route_settings: tf.block({ logging_level: tf.unknown('var.level') }) }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_api.ws': { attrs: { flavor: 'websocket', cors: { state: 'default', value: null } } },
      'terraform:aws_apigatewayv2_route.connect': { attrs: { method: { value: '$connect' }, path: { value: '$connect' }, authorization: { value: 'iam' } } },
      'terraform:aws_apigatewayv2_stage.prod': { attrs: { executionLogging: { state: 'set', value: 'error' }, dataTrace: { state: 'set', value: true } } },
      'terraform:aws_apigatewayv2_stage.unknown': { attrs: { executionLogging: { state: 'unknown', expr: 'var.level' } } },
    },
  },
  {
    name: 'orphan route and stage of an API outside the scan',
    resources: () => [
      tf.resource('aws_apigatewayv2_route', 'r', { api_id: tf.ref('module.api.aws_apigatewayv2_api.this'), route_key: tf.unknown('var.route') }),
      tf.resource('aws_apigatewayv2_stage', 's', { api_id: tf.ref('module.api.aws_apigatewayv2_api.this'), name: 's', default_route_settings: tf.block({ logging_level: 'INFO' }) }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_route.r': { attrs: { method: { state: 'unknown', expr: 'var.route' } } },
      // Flavor unknown: a logging level is read, since an HTTP API refuses one at apply ("Execution logs are not supported
      // on protocolType HTTP"), so a stage that sets one belongs to a WebSocket API.
      'terraform:aws_apigatewayv2_stage.s': { attrs: { executionLogging: { state: 'set', value: 'info' } } },
    },
    edges: [{ from: 'terraform:module.api.aws_apigatewayv2_api.this', rel: 'api-has-operation', to: 'terraform:aws_apigatewayv2_route.r' }],
  },
  {
    name: 'custom domain and api mapping to a stage; mapping by stage name to a quick-create $default stage',
    resources: () => [
      http(),
      tf.resource('aws_apigatewayv2_api', 'quick', { protocol_type: 'HTTP', target: 'https://example.com' }),
      tf.resource('aws_apigatewayv2_stage', 'prod', { api_id: httpId(), name: 'prod' }),
      tf.resource('aws_apigatewayv2_domain_name', 'd', {
        domain_name: 'api.example.com',
        domain_name_configuration: tf.block({ certificate_arn: 'arn:acm', endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }),
      }),
      tf.resource('aws_apigatewayv2_api_mapping', 'm', { api_id: httpId(), domain_name: tf.ref('aws_apigatewayv2_domain_name.d', 'api.example.com'), stage: tf.ref('aws_apigatewayv2_stage.prod', 'prod') }),
      tf.resource('aws_apigatewayv2_api_mapping', 'q', { api_id: tf.ref('aws_apigatewayv2_api.quick'), domain_name: 'api.example.com', stage: '$default' }),
    ],
    nodes: {
      'terraform:aws_apigatewayv2_domain_name.d': {
        kind: 'api.domain',
        attrs: {
          hostname: { value: 'api.example.com' }, securityPolicy: { state: 'set', value: 'TLS_1_2' }, minTlsVersion: { state: 'set', value: '1.2' },
          endpointType: { state: 'set', value: 'regional' }, mutualTls: { state: 'default', value: false }, allowsPlainHttp: { state: 'default', value: false },
        },
      },
    },
    edges: [
      { from: 'terraform:aws_apigatewayv2_domain_name.d', rel: 'domain-serves', to: 'terraform:aws_apigatewayv2_stage.prod' },
      { from: 'terraform:aws_apigatewayv2_domain_name.d', rel: 'domain-serves', to: 'terraform:aws_apigatewayv2_api.quick#default-stage' },
    ],
  },
  {
    name: 'custom domain with unknown configuration',
    resources: () => [tf.resource('aws_apigatewayv2_domain_name', 'd', { domain_name: 'x.example.com', domain_name_configuration: tf.dynamic() })],
    nodes: { 'terraform:aws_apigatewayv2_domain_name.d': { attrs: { minTlsVersion: { state: 'unknown' }, endpointType: { state: 'unknown' } } } },
  },
];

describe('Terraform adapter: API Gateway HTTP and WebSocket (v2)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectAdapted(c);
  });
});
