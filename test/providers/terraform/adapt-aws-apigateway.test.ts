import { adaptTerraform } from '../../../providers/terraform/adapt';
import { expectAdapted, lineOf, tf, TEST_FILE, type AdapterCase } from '../../helpers/tf-resources';

const api = () => tf.resource('aws_api_gateway_rest_api', 'api', { name: 'payments' });
const apiId = () => tf.ref('aws_api_gateway_rest_api.api');
const rootId = () => tf.ref('aws_api_gateway_rest_api.api');

const cases: AdapterCase[] = [
  {
    name: 'rest api defaults',
    resources: () => [api()],
    nodes: {
      'terraform:aws_api_gateway_rest_api.api': {
        kind: 'api', name: 'api', provider: 'terraform', platform: 'aws', native: { type: 'aws_api_gateway_rest_api' },
        source: { kind: 'file', file: TEST_FILE, address: 'aws_api_gateway_rest_api.api' },
        attrs: {
          flavor: 'rest',
          endpointType: { state: 'default', value: 'edge' },
          defaultEndpointEnabled: { state: 'default', value: true },
          resourcePolicy: { state: 'default', value: null },
          hasSpec: { state: 'default', value: false },
          cors: { state: 'default', value: null },
        },
      },
    },
  },
  {
    name: 'rest api explicit values',
    resources: () => [tf.resource('aws_api_gateway_rest_api', 'api', {
      endpoint_configuration: tf.block({ types: ['REGIONAL'] }),
      disable_execute_api_endpoint: true,
      body: '{"openapi":"3.0.1","paths":{}}',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: '*' }] }),
    })],
    nodes: {
      'terraform:aws_api_gateway_rest_api.api': {
        attrs: {
          endpointType: { state: 'set', value: 'regional' },
          defaultEndpointEnabled: { state: 'set', value: false },
          hasSpec: { state: 'set', value: true },
          resourcePolicy: {
            state: 'set',
            value: { statements: [{ effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], resources: ['*'], hasCondition: false }] },
          },
        },
      },
    },
  },
  {
    name: 'rest api unknown values',
    resources: () => [tf.resource('aws_api_gateway_rest_api', 'api', {
      endpoint_configuration: tf.block({ types: [tf.unknown('var.endpoint_type')] }),
      disable_execute_api_endpoint: tf.unknown('var.disable'),
      policy: tf.ref('data.aws_iam_policy_document.p'),
      body: tf.unknown('templatefile("openapi.yaml", {})'),
    })],
    nodes: {
      'terraform:aws_api_gateway_rest_api.api': {
        attrs: {
          endpointType: { state: 'unknown', expr: 'var.endpoint_type' },
          defaultEndpointEnabled: { state: 'unknown', expr: 'var.disable' },
          resourcePolicy: { state: 'unknown' },
          // The body expression is written: the API has a spec even if its text is known only later.
          hasSpec: { state: 'set', value: true },
        },
      },
    },
  },
  {
    name: 'rest api policy resource overrides the inline policy, with a condition',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_rest_api_policy', 'p', {
        rest_api_id: apiId(),
        policy: JSON.stringify({ Statement: { Effect: 'Allow', Principal: '*', Action: ['execute-api:Invoke'], Resource: 'arn:x', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } } }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_rest_api.api': {
        attrs: { resourcePolicy: { state: 'set', value: { statements: [{ principals: ['*'], hasCondition: true }] } } },
      },
    },
  },
  {
    name: 'method on a nested resource with authorizer, validator and integration',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_resource', 'users', { rest_api_id: apiId(), parent_id: rootId(), path_part: 'users' }),
      tf.resource('aws_api_gateway_resource', 'user', { rest_api_id: apiId(), parent_id: tf.ref('aws_api_gateway_resource.users'), path_part: '{id}' }),
      tf.resource('aws_api_gateway_authorizer', 'jwt', { rest_api_id: apiId(), name: 'cognito', type: 'COGNITO_USER_POOLS', provider_arns: ['arn:aws:cognito-idp:eu-west-1:1:userpool/x'] }),
      tf.resource('aws_api_gateway_request_validator', 'body', { rest_api_id: apiId(), name: 'body', validate_request_body: true }),
      tf.resource('aws_api_gateway_method', 'get_user', {
        rest_api_id: apiId(), resource_id: tf.ref('aws_api_gateway_resource.user'), http_method: 'get',
        authorization: 'COGNITO_USER_POOLS', authorizer_id: tf.ref('aws_api_gateway_authorizer.jwt'),
        request_validator_id: tf.ref('aws_api_gateway_request_validator.body'),
      }),
      tf.resource('aws_api_gateway_integration', 'get_user', {
        rest_api_id: apiId(), resource_id: tf.ref('aws_api_gateway_resource.user'), http_method: tf.ref('aws_api_gateway_method.get_user', 'GET'),
        type: 'HTTP_PROXY', integration_http_method: 'GET', uri: 'http://backend.example.com/users/{id}',
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_method.get_user': {
        kind: 'api.operation', name: 'get_user',
        attrs: {
          method: { state: 'set', value: 'GET' },
          path: { state: 'set', value: '/users/{id}' },
          authorization: { state: 'set', value: 'cognito' },
          apiKeyRequired: { state: 'default', value: false },
          requestValidation: { state: 'set', value: 'body' },
          throttling: { state: 'default', value: null },
        },
      },
      'terraform:aws_api_gateway_authorizer.jwt': {
        kind: 'api.authorizer',
        attrs: { type: { state: 'set', value: 'cognito' }, issuer: { state: 'set', value: 'arn:aws:cognito-idp:eu-west-1:1:userpool/x' } },
      },
      'terraform:aws_api_gateway_integration.get_user': {
        kind: 'api.backend',
        attrs: {
          type: { state: 'set', value: 'http' },
          url: { state: 'set', value: 'http://backend.example.com/users/{id}' },
          usesTls: { state: 'set', value: false },
          verifiesCertificate: { state: 'default', value: true },
          connection: { state: 'default', value: 'internet' },
        },
      },
    },
    edges: [
      { from: 'terraform:aws_api_gateway_rest_api.api', rel: 'api-has-operation', to: 'terraform:aws_api_gateway_method.get_user' },
      { from: 'terraform:aws_api_gateway_method.get_user', rel: 'operation-uses-authorizer', to: 'terraform:aws_api_gateway_authorizer.jwt' },
      { from: 'terraform:aws_api_gateway_method.get_user', rel: 'operation-calls-backend', to: 'terraform:aws_api_gateway_integration.get_user' },
      { from: 'terraform:aws_api_gateway_rest_api.api', rel: 'api-has-authorizer', to: 'terraform:aws_api_gateway_authorizer.jwt' },
    ],
  },
  {
    name: 'method defaults on the root resource; integration matched by api, resource and verb',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_method', 'root', { rest_api_id: apiId(), resource_id: rootId(), http_method: 'ANY', authorization: 'NONE', api_key_required: true }),
      tf.resource('aws_api_gateway_integration', 'root', {
        rest_api_id: apiId(), resource_id: rootId(), http_method: 'ANY', type: 'AWS_PROXY',
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:1:function:f/invocations',
        tls_config: tf.block({ insecure_skip_verification: true }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_method.root': {
        attrs: {
          path: { state: 'set', value: '/' },
          authorization: { state: 'set', value: 'none' },
          apiKeyRequired: { state: 'set', value: true },
          requestValidation: { state: 'default', value: 'none' },
        },
      },
      'terraform:aws_api_gateway_integration.root': {
        attrs: { type: { state: 'set', value: 'lambda' }, usesTls: { state: 'default', value: true }, verifiesCertificate: { state: 'set', value: false } },
      },
    },
    edges: [{ from: 'terraform:aws_api_gateway_method.root', rel: 'operation-calls-backend', to: 'terraform:aws_api_gateway_integration.root' }],
  },
  {
    name: 'method with unknown authorization and a resource outside the scan',
    resources: () => [
      tf.resource('aws_api_gateway_method', 'm', {
        rest_api_id: tf.ref('module.core.aws_api_gateway_rest_api.this'), resource_id: tf.ref('aws_api_gateway_resource.elsewhere'),
        http_method: 'POST', authorization: tf.unknown('var.auth'),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_method.m': {
        attrs: { authorization: { state: 'unknown', expr: 'var.auth' }, path: { state: 'unknown' }, method: { state: 'set', value: 'POST' } },
      },
    },
    // Orphan: the API is not in the scan; the edge to its computed id is kept.
    edges: [{ from: 'terraform:module.core.aws_api_gateway_rest_api.this', rel: 'api-has-operation', to: 'terraform:aws_api_gateway_method.m' }],
  },
  {
    name: 'stage defaults without method settings',
    resources: () => [api(), tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod', deployment_id: tf.ref('aws_api_gateway_deployment.d') })],
    nodes: {
      'terraform:aws_api_gateway_stage.prod': {
        kind: 'api.stage', name: 'prod',
        attrs: {
          stageName: { state: 'set', value: 'prod' },
          accessLogging: { state: 'default', value: false },
          executionLogging: { state: 'default', value: 'off' },
          dataTrace: { state: 'default', value: false },
          tracing: { state: 'default', value: false },
          cacheEnabled: { state: 'default', value: false },
          cacheEncrypted: { state: 'default', value: false },
          throttling: { state: 'default', value: null },
          clientCertificate: { state: 'default', value: false },
        },
      },
    },
    edges: [{ from: 'terraform:aws_api_gateway_rest_api.api', rel: 'api-has-stage', to: 'terraform:aws_api_gateway_stage.prod' }],
  },
  {
    name: 'stage explicit values with all-methods and per-method settings',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_method', 'get', { rest_api_id: apiId(), resource_id: rootId(), http_method: 'GET', authorization: 'AWS_IAM' }),
      tf.resource('aws_api_gateway_stage', 'prod', {
        rest_api_id: apiId(), stage_name: 'prod', xray_tracing_enabled: true, cache_cluster_enabled: true,
        client_certificate_id: tf.ref('aws_api_gateway_client_certificate.c'),
        access_log_settings: tf.block({ destination_arn: 'arn:aws:logs:eu-west-1:1:log-group:x', format: '$context.requestId' }),
      }),
      tf.resource('aws_api_gateway_method_settings', 'all', {
        rest_api_id: apiId(), stage_name: tf.ref('aws_api_gateway_stage.prod', 'prod'), method_path: '*/*',
        settings: tf.block({ logging_level: 'INFO', data_trace_enabled: true, throttling_rate_limit: 100, throttling_burst_limit: -1, caching_enabled: true, cache_data_encrypted: true }),
      }),
      tf.resource('aws_api_gateway_method_settings', 'get', {
        rest_api_id: apiId(), stage_name: 'prod', method_path: '/GET',
        settings: tf.block({ throttling_rate_limit: 5, throttling_burst_limit: 10 }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_stage.prod': {
        attrs: {
          accessLogging: { state: 'set', value: true },
          executionLogging: { state: 'set', value: 'info' },
          dataTrace: { state: 'set', value: true },
          tracing: { state: 'set', value: true },
          cacheEnabled: { state: 'set', value: true },
          cacheEncrypted: { state: 'set', value: true },
          throttling: { state: 'set', value: { rateLimit: 100 } },
          clientCertificate: { state: 'set', value: true },
        },
      },
      'terraform:aws_api_gateway_method.get': { attrs: { throttling: { state: 'set', value: { rateLimit: 5, burstLimit: 10 } } } },
    },
  },
  {
    name: 'method settings with unknown values and settings that disable throttling',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_method_settings', 'all', {
        rest_api_id: apiId(), stage_name: 'prod', method_path: '*/*',
        settings: tf.block({ logging_level: tf.unknown('var.level'), throttling_rate_limit: -1, throttling_burst_limit: -1 }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_stage.prod': {
        attrs: {
          executionLogging: { state: 'unknown', expr: 'var.level' },
          dataTrace: { state: 'default', value: false },
          throttling: { state: 'set', value: null },
        },
      },
    },
  },
  {
    name: 'orphan stage whose API is not in the scan; method settings matched by reference',
    resources: () => [
      tf.resource('aws_api_gateway_stage', 's', { rest_api_id: tf.ref('aws_api_gateway_rest_api.gone'), stage_name: tf.unknown('var.stage') }),
      tf.resource('aws_api_gateway_method_settings', 'all', {
        rest_api_id: tf.ref('aws_api_gateway_rest_api.gone'), stage_name: tf.ref('aws_api_gateway_stage.s'), method_path: '*/*',
        settings: tf.block({ logging_level: 'ERROR' }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_stage.s': {
        attrs: { stageName: { state: 'unknown', expr: 'var.stage' }, executionLogging: { state: 'set', value: 'error' } },
      },
    },
    edges: [{ from: 'terraform:aws_api_gateway_rest_api.gone', rel: 'api-has-stage', to: 'terraform:aws_api_gateway_stage.s' }],
  },
  {
    name: 'deployment with an inline stage',
    resources: () => [api(), tf.resource('aws_api_gateway_deployment', 'd', { rest_api_id: apiId(), stage_name: 'v1' })],
    nodes: {
      'terraform:aws_api_gateway_deployment.d#stage': {
        kind: 'api.stage', name: 'd', native: { type: 'aws_api_gateway_deployment' },
        attrs: { stageName: { state: 'set', value: 'v1' }, accessLogging: { state: 'default', value: false } },
      },
    },
    edges: [{ from: 'terraform:aws_api_gateway_rest_api.api', rel: 'api-has-stage', to: 'terraform:aws_api_gateway_deployment.d#stage' }],
  },
  {
    name: 'deployment without stage_name makes no stage',
    resources: () => [api(), tf.resource('aws_api_gateway_deployment', 'd', { rest_api_id: apiId() })],
    absent: ['terraform:aws_api_gateway_deployment.d#stage', 'terraform:aws_api_gateway_deployment.d'],
  },
  {
    name: 'instances of a for_each stage are named with their key',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'env', { rest_api_id: apiId(), stage_name: 'dev' }, { key: 'dev' }),
      tf.resource('aws_api_gateway_stage', 'env', { rest_api_id: apiId(), stage_name: 'prod' }, { key: 'prod' }),
    ],
    nodes: {
      'terraform:aws_api_gateway_stage.env["dev"]': { name: 'env["dev"]' },
      'terraform:aws_api_gateway_stage.env["prod"]': { name: 'env["prod"]', attrs: { stageName: { value: 'prod' } } },
    },
  },
  {
    name: 'custom domain defaults, with a base path mapping to a stage',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_domain_name', 'legacy', { domain_name: 'api.example.com', certificate_arn: 'arn:acm' }),
      tf.resource('aws_api_gateway_base_path_mapping', 'm', {
        api_id: apiId(), stage_name: tf.ref('aws_api_gateway_stage.prod', 'prod'), domain_name: tf.ref('aws_api_gateway_domain_name.legacy', 'api.example.com'),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_domain_name.legacy': {
        kind: 'api.domain',
        attrs: {
          hostname: { state: 'set', value: 'api.example.com' },
          securityPolicy: { state: 'default', value: 'TLS_1_0' },
          minTlsVersion: { state: 'default', value: '1.0' },
          allowsPlainHttp: { state: 'default', value: false },
          mutualTls: { state: 'default', value: false },
          endpointType: { state: 'default', value: 'edge' },
        },
      },
    },
    edges: [{ from: 'terraform:aws_api_gateway_domain_name.legacy', rel: 'domain-serves', to: 'terraform:aws_api_gateway_stage.prod' }],
  },
  {
    name: 'custom domain explicit and enhanced policies; mapping without stage serves the API',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_domain_name', 'strict', {
        domain_name: 'a.example.com', security_policy: 'SecurityPolicy_TLS13_1_3_2025_09',
        endpoint_configuration: tf.block({ types: ['REGIONAL'] }),
        mutual_tls_authentication: tf.block({ truststore_uri: 's3://b/t.pem' }),
      }),
      tf.resource('aws_api_gateway_domain_name', 'tls12', { domain_name: 'b.example.com', security_policy: 'TLS_1_2' }),
      tf.resource('aws_api_gateway_domain_name', 'tls13_12', { domain_name: 'c.example.com', security_policy: 'SecurityPolicy_TLS13_1_2_2021_06' }),
      tf.resource('aws_api_gateway_domain_name', 'odd', { domain_name: 'd.example.com', security_policy: 'TLS_9' }),
      tf.resource('aws_api_gateway_base_path_mapping', 'm', { api_id: apiId(), domain_name: 'b.example.com' }),
    ],
    nodes: {
      'terraform:aws_api_gateway_domain_name.strict': {
        attrs: { minTlsVersion: { state: 'set', value: '1.3' }, mutualTls: { state: 'set', value: true }, endpointType: { state: 'set', value: 'regional' } },
      },
      'terraform:aws_api_gateway_domain_name.tls12': { attrs: { minTlsVersion: { state: 'set', value: '1.2' } } },
      'terraform:aws_api_gateway_domain_name.tls13_12': { attrs: { minTlsVersion: { state: 'set', value: '1.2' } } },
      'terraform:aws_api_gateway_domain_name.odd': { attrs: { minTlsVersion: { state: 'unknown' }, securityPolicy: { state: 'set', value: 'TLS_9' } } },
    },
    edges: [{ from: 'terraform:aws_api_gateway_domain_name.tls12', rel: 'domain-serves', to: 'terraform:aws_api_gateway_rest_api.api' }],
  },
  {
    name: 'custom domain with unknown security policy',
    resources: () => [tf.resource('aws_api_gateway_domain_name', 'd', { domain_name: 'x.example.com', security_policy: tf.unknown('var.policy') })],
    nodes: { 'terraform:aws_api_gateway_domain_name.d': { attrs: { minTlsVersion: { state: 'unknown', expr: 'var.policy' } } } },
  },
  {
    name: 'usage plan covering a stage, with a key',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_usage_plan', 'basic', {
        name: 'basic',
        api_stages: tf.block({ api_id: apiId(), stage: tf.ref('aws_api_gateway_stage.prod', 'prod') }),
        throttle_settings: tf.block({ rate_limit: 10, burst_limit: 20 }),
        quota_settings: tf.block({ limit: 1000, period: 'MONTH' }),
      }),
      tf.resource('aws_api_gateway_api_key', 'generated', { name: 'k' }),
      tf.resource('aws_api_gateway_usage_plan_key', 'k', { key_id: tf.ref('aws_api_gateway_api_key.generated'), key_type: 'API_KEY', usage_plan_id: tf.ref('aws_api_gateway_usage_plan.basic') }),
    ],
    nodes: {
      'terraform:aws_api_gateway_usage_plan.basic': {
        kind: 'api.usage-plan',
        attrs: { throttling: { state: 'set', value: { rateLimit: 10, burstLimit: 20 } }, quota: { state: 'set', value: { limit: 1000, period: 'MONTH' } } },
      },
      'terraform:aws_api_gateway_api_key.generated': {
        kind: 'api.key',
        attrs: {
          enabled: { state: 'default', value: true },
          valueSource: { state: 'default', value: 'generated' },
          valuePreview: { state: 'default', value: null },
          createdAt: { state: 'unknown' },
        },
      },
    },
    edges: [
      { from: 'terraform:aws_api_gateway_usage_plan.basic', rel: 'usage-plan-covers', to: 'terraform:aws_api_gateway_stage.prod' },
      { from: 'terraform:aws_api_gateway_api_key.generated', rel: 'key-in-plan', to: 'terraform:aws_api_gateway_usage_plan.basic' },
    ],
  },
  {
    name: 'usage plan defaults, covering a stage by name',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_usage_plan', 'open', { name: 'open', api_stages: tf.block({ api_id: apiId(), stage: 'prod' }) }),
    ],
    nodes: { 'terraform:aws_api_gateway_usage_plan.open': { attrs: { throttling: { state: 'default', value: null }, quota: { state: 'default', value: null } } } },
    edges: [{ from: 'terraform:aws_api_gateway_usage_plan.open', rel: 'usage-plan-covers', to: 'terraform:aws_api_gateway_stage.prod' }],
  },
  {
    name: 'usage plan throttles for single methods of a stage (api_stages.throttle)',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_usage_plan', 'partner', {
        name: 'partner',
        api_stages: tf.block({
          api_id: apiId(), stage: tf.ref('aws_api_gateway_stage.prod', 'prod'),
          throttle: tf.blocks({ path: '/items/GET', rate_limit: 5, burst_limit: 10 }, { path: '/items/POST', burst_limit: 2 }),
        }),
      }),
    ],
    nodes: {
      'terraform:aws_api_gateway_usage_plan.partner': {
        attrs: {
          throttling: { state: 'default', value: null },
          methodThrottles: {
            state: 'default',
            value: [
              { stage: 'terraform:aws_api_gateway_stage.prod', method: '/items/GET', throttle: { rateLimit: 5, burstLimit: 10 } },
              { stage: 'terraform:aws_api_gateway_stage.prod', method: '/items/POST', throttle: { burstLimit: 2 } },
            ],
          },
        },
      },
    },
  },
  {
    name: 'usage plan covering a deployment\'s inline stage by name',
    resources: () => [
      api(),
      tf.resource('aws_api_gateway_deployment', 'd', { rest_api_id: apiId(), stage_name: 'prod' }),
      tf.resource('aws_api_gateway_usage_plan', 'open', { name: 'open', api_stages: tf.block({ api_id: apiId(), stage: 'prod' }) }),
    ],
    edges: [{ from: 'terraform:aws_api_gateway_usage_plan.open', rel: 'usage-plan-covers', to: 'terraform:aws_api_gateway_deployment.d#stage' }],
  },
  {
    name: 'api keys: from a secret store, from an expression, disabled with unknown',
    resources: () => [
      tf.resource('aws_api_gateway_api_key', 'stored', { name: 's', value: tf.ref('data.aws_secretsmanager_secret_version.k') }),
      tf.resource('aws_api_gateway_api_key', 'random', { name: 'r', value: tf.ref('random_password.k') }),
      tf.resource('aws_api_gateway_api_key', 'var', { name: 'v', value: tf.unknown('var.key'), enabled: tf.unknown('var.enabled') }),
    ],
    nodes: {
      'terraform:aws_api_gateway_api_key.stored': { attrs: { valueSource: { state: 'set', value: 'secret-store' }, valuePreview: { value: null } } },
      'terraform:aws_api_gateway_api_key.random': { attrs: { valueSource: { state: 'set', value: 'expression' } } },
      'terraform:aws_api_gateway_api_key.var': { attrs: { valueSource: { state: 'set', value: 'expression' }, enabled: { state: 'unknown', expr: 'var.enabled' } } },
    },
  },
];

describe('Terraform adapter: API Gateway REST (v1)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectAdapted(c);
  });

  it('points set attributes at their line and defaults at the resource', () => {
    const domain = tf.resource('aws_api_gateway_domain_name', 'd', { domain_name: 'x.example.com', security_policy: 'TLS_1_2' });
    const defaulted = tf.resource('aws_api_gateway_domain_name', 'e', { domain_name: 'y.example.com' });
    const { nodes } = adaptTerraform([domain, defaulted]);
    const set = nodes.find((n) => n.id === 'terraform:aws_api_gateway_domain_name.d');
    const byDefault = nodes.find((n) => n.id === 'terraform:aws_api_gateway_domain_name.e');
    expect(set?.kind === 'api.domain' && set.attrs.minTlsVersion.source).toMatchObject({ line: lineOf(domain, 'security_policy') });
    expect(byDefault?.kind === 'api.domain' && byDefault.attrs.minTlsVersion.source).toEqual(defaulted.source);
  });

  it('never keeps a literal key value, in attributes or raw', () => {
    const secret = 'abcd1234SECRETSECRETSECRET';
    const { nodes } = adaptTerraform([tf.resource('aws_api_gateway_api_key', 'literal', { name: 'k', value: secret })]);
    const key = nodes.find((n) => n.id === 'terraform:aws_api_gateway_api_key.literal');
    expect(key).toMatchObject({ attrs: { valueSource: { state: 'set', value: 'literal' }, valuePreview: { state: 'set', value: expect.stringMatching(/^abcd…sha256:[0-9a-f]{8}$/) } } });
    expect(JSON.stringify(nodes)).not.toContain('SECRET');
  });

  it('lists the operations of a JSON OpenAPI body with their security', () => {
    const spec = {
      openapi: '3.0.1',
      components: { securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' }, key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
      'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
      paths: {
        '/pets': { get: { security: [{ sigv4: [] }], 'x-amazon-apigateway-request-validator': 'all' }, post: { security: [{ key: [] }] } },
        '/health': { get: {} },
      },
    };
    const { nodes, edges } = adaptTerraform([tf.resource('aws_api_gateway_rest_api', 'spec', { body: JSON.stringify(spec) })]);
    const ops = nodes.filter((n) => n.kind === 'api.operation');
    expect(ops.map((o) => o.id).sort()).toEqual([
      'terraform:aws_api_gateway_rest_api.spec#GET /health',
      'terraform:aws_api_gateway_rest_api.spec#GET /pets',
      'terraform:aws_api_gateway_rest_api.spec#POST /pets',
    ]);
    expect(ops.find((o) => o.id.endsWith('#GET /pets'))).toMatchObject({ name: 'spec', attrs: { authorization: { value: 'iam' }, requestValidation: { value: 'full' } } });
    expect(ops.find((o) => o.id.endsWith('#POST /pets'))).toMatchObject({ attrs: { authorization: { value: 'none' }, apiKeyRequired: { value: true } } });
    expect(ops.find((o) => o.id.endsWith('#GET /health'))).toMatchObject({ attrs: { authorization: { value: 'none' }, apiKeyRequired: { value: false } } });
    expect(edges.filter((e) => e.rel === 'api-has-operation')).toHaveLength(3);
  });
});
