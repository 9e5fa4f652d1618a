import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptTerraform } from '../../../providers/terraform/adapt';
import { readTerraform } from '../../../providers/terraform/load';
import { expectAdapted, tf, type AdapterCase } from '../../helpers/tf-resources';
import { evaluateExpression, readTree } from './tf-helpers';

const API = 'terraform:aws_api_gateway_rest_api.spec';
const HTTP = 'terraform:aws_apigatewayv2_api.spec';
const rest = (body: unknown, extra: Record<string, never> = {}) => tf.resource('aws_api_gateway_rest_api', 'spec', { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });
const http = (body: unknown) => tf.resource('aws_apigatewayv2_api', 'spec', { protocol_type: 'HTTP', body: JSON.stringify(body) });

const cases: AdapterCase[] = [
  {
    name: 'YAML body: routes, any-method, validators per operation and by default',
    resources: () => [rest([
      'swagger: "2.0"',
      'x-amazon-apigateway-request-validators:',
      '  all: {validateRequestBody: true, validateRequestParameters: true}',
      '  params: {validateRequestBody: false, validateRequestParameters: true}',
      'x-amazon-apigateway-request-validator: all',
      'paths:',
      '  /pets:',
      '    parameters: [{name: tenant, in: header, required: true}]',
      '    post: {}',
      '    get:',
      '      x-amazon-apigateway-request-validator: params',
      '      parameters: [{name: tenant, in: header, required: false}, {$ref: "#/parameters/q"}]',
      '  /{proxy+}:',
      '    x-amazon-apigateway-any-method: {}',
      'parameters:',
      '  q: {name: q, in: query, required: true}',
    ].join('\n'))],
    nodes: {
      [`${API}#POST /pets`]: { kind: 'api.operation', name: 'spec', attrs: { requestValidation: { state: 'set', value: 'full' }, requiredParameters: { value: ['header:tenant'] } } },
      [`${API}#GET /pets`]: { attrs: { requestValidation: { state: 'set', value: 'params' }, requiredParameters: { value: ['query:q'] } } },
      [`${API}#ANY /{proxy+}`]: { attrs: { method: { value: 'ANY' }, path: { value: '/{proxy+}' } } },
    },
  },
  {
    name: 'authorizers from security schemes, with the operations that use them',
    resources: () => [rest({
      openapi: '3.0.1',
      security: [{ users: [] }],
      components: {
        securitySchemes: {
          users: {
            type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools',
            'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_x'] },
          },
          token: { type: 'apiKey', name: 'X-Token', in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: 'arn:x' } },
          api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
        },
      },
      paths: {
        '/orders': { get: {}, post: { security: [{ token: [], api_key: [] }] } },
        '/health': { get: { security: [] } },
        '/public': { get: { security: [{}, { users: [] }] } },
      },
    })],
    nodes: {
      [`${API}#authorizer:users`]: { kind: 'api.authorizer', attrs: { type: { value: 'cognito' }, issuer: { value: 'arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_x' } } },
      [`${API}#authorizer:token`]: { attrs: { type: { value: 'lambda' }, identitySource: { value: 'method.request.header.X-Token' } } },
      [`${API}#GET /orders`]: { attrs: { authorization: { value: 'cognito' }, apiKeyRequired: { value: false } } },
      [`${API}#POST /orders`]: { attrs: { authorization: { value: 'lambda' }, apiKeyRequired: { value: true } } },
      [`${API}#GET /health`]: { attrs: { authorization: { value: 'none' } } },
      [`${API}#GET /public`]: { attrs: { authorization: { value: 'none' } } },
    },
    absent: [`${API}#authorizer:api_key`],
    edges: [
      { from: API, rel: 'api-has-authorizer', to: `${API}#authorizer:users` },
      { from: `${API}#GET /orders`, rel: 'operation-uses-authorizer', to: `${API}#authorizer:users` },
      { from: `${API}#POST /orders`, rel: 'operation-uses-authorizer', to: `${API}#authorizer:token` },
    ],
  },
  {
    name: 'integrations become backends; x-amazon-apigateway-policy the resource policy',
    resources: () => [rest({
      openapi: '3.0.1',
      'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] },
      components: { 'x-amazon-apigateway-integrations': { legacy: { type: 'http_proxy', uri: 'https://legacy.example.com', tlsConfig: { insecureSkipVerification: true } } } },
      paths: {
        '/a': { get: { 'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', uri: 'http://a.example.com/a', httpMethod: 'GET' } } },
        '/b': { get: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/legacy' } } },
        '/c': { post: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations' } } },
      },
    })],
    nodes: {
      [API]: { attrs: { resourcePolicy: { state: 'set', value: { statements: [{ effect: 'Allow', principals: ['*'], hasCondition: false }] } }, hasSpec: { value: true } } },
      [`${API}#integration:GET /a`]: { kind: 'api.backend', attrs: { type: { value: 'http' }, usesTls: { value: false }, url: { value: 'http://a.example.com/a' } } },
      [`${API}#integration:GET /b`]: { attrs: { usesTls: { value: true }, verifiesCertificate: { state: 'set', value: false } } },
      [`${API}#integration:POST /c`]: { attrs: { type: { value: 'lambda' }, usesTls: { value: true } } },
    },
    edges: [{ from: `${API}#GET /a`, rel: 'operation-calls-backend', to: `${API}#integration:GET /a` }],
  },
  {
    name: 'a policy argument overrides x-amazon-apigateway-policy',
    resources: () => [tf.resource('aws_api_gateway_rest_api', 'spec', {
      body: JSON.stringify({ openapi: '3.0.1', paths: {}, 'x-amazon-apigateway-policy': { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } }),
      policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }),
    })],
    nodes: { [API]: { attrs: { resourcePolicy: { value: { statements: [{ effect: 'Deny' }] } } } } },
  },
  {
    name: 'method resources replace the same route of the body: not counted twice',
    resources: () => [
      rest({ openapi: '3.0.1', paths: { '/': { get: {}, post: {} } } }),
      tf.resource('aws_api_gateway_method', 'get_root', {
        rest_api_id: tf.ref('aws_api_gateway_rest_api.spec'), resource_id: tf.ref('aws_api_gateway_rest_api.spec'), http_method: 'GET', authorization: 'AWS_IAM',
      }),
    ],
    nodes: { [`${API}#POST /`]: { kind: 'api.operation' }, 'terraform:aws_api_gateway_method.get_root': { kind: 'api.operation' } },
    absent: [`${API}#GET /`],
  },
  {
    name: 'HTTP API body: JWT authorizer, $default route, CORS, replaced routes',
    resources: () => [
      http({
        openapi: '3.0.1',
        'x-amazon-apigateway-cors': { allowOrigins: ['*'], allowCredentials: true },
        components: {
          securitySchemes: {
            jwt: { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt', identitySource: '$request.header.Authorization', jwtConfiguration: { issuer: 'https://issuer.example.com', audience: ['api'] } } },
          },
        },
        paths: {
          '/$default': { 'x-amazon-apigateway-any-method': { security: [{ jwt: [] }] } },
          '/items': { get: {}, post: {} },
        },
      }),
      tf.resource('aws_apigatewayv2_route', 'post_items', { api_id: tf.ref('aws_apigatewayv2_api.spec'), route_key: 'POST /items' }),
    ],
    nodes: {
      [HTTP]: { attrs: { cors: { state: 'set', value: { allowOrigins: ['*'], allowCredentials: true } } } },
      [`${HTTP}#authorizer:jwt`]: { attrs: { type: { value: 'jwt' }, issuer: { value: 'https://issuer.example.com' }, audience: { value: ['api'] } } },
      [`${HTTP}#$default $default`]: { attrs: { method: { value: '$default' }, authorization: { value: 'jwt' }, requestValidation: { state: 'default', value: 'none' } } },
      [`${HTTP}#GET /items`]: { kind: 'api.operation' },
    },
    absent: [`${HTTP}#POST /items`],
  },
  {
    name: 'disableExecuteApiEndpoint in the document (root or a server) closes the default endpoint',
    resources: () => [
      rest({ swagger: '2.0', 'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true }, paths: {} }),
      http({ openapi: '3.0.1', servers: [{ url: 'https://api.example.com', 'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true } }], paths: {} }),
    ],
    nodes: {
      [API]: { attrs: { defaultEndpointEnabled: { state: 'set', value: false } } },
      [HTTP]: { attrs: { defaultEndpointEnabled: { state: 'set', value: false } } },
    },
  },
  {
    name: 'a security requirement written as an unresolved value leaves the route authorization unknown',
    resources: () => [rest({ openapi: '3.0.1', paths: { '/a': { get: { security: 'var.security' } } } })],
    nodes: { [`${API}#GET /a`]: { attrs: { authorization: { state: 'unknown' } } } },
  },
  {
    name: 'unreadable and apply-time bodies are said so, and list nothing',
    resources: () => [
      tf.resource('aws_api_gateway_rest_api', 'bad', { body: 'openapi: [unclosed' }),
      tf.resource('aws_api_gateway_rest_api', 'later', { body: tf.unknown('templatefile("openapi.yaml", {})') }),
    ],
    nodes: { 'terraform:aws_api_gateway_rest_api.bad': { attrs: { hasSpec: { value: true } } } },
    diagnostics: [/bad: the body is not a readable OpenAPI document/, /later: the OpenAPI body is not known statically/],
  },
  {
    name: 'a long body expression is named on one short line',
    resources: () => [
      tf.resource('aws_api_gateway_rest_api', 'later', {
        body: tf.unknown('templatefile(var.spec.file, {\n    title       = var.spec.name\n    lambda_uri  = data.terraform_remote_state.fn.outputs.invoke_arn\n  })'),
      }),
    ],
    nodes: {},
    diagnostics: [/later: the OpenAPI body is not known statically \(templatefile\(var\.spec\.file, \{ title = var\.spec\.name lambda_u…\); its routes/],
  },
];

describe('OpenAPI bodies', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectAdapted(c);
  });

  it('points body-derived nodes at the body attribute', () => {
    const api = rest({ openapi: '3.0.1', paths: { '/a': { post: {} } } });
    const { nodes } = adaptTerraform([api]);
    const op = nodes.find((n) => n.id === `${API}#POST /a`);
    expect(op?.kind === 'api.operation' && op.attrs.requestValidation.source).toEqual(api.body.attributes['body']?.source);
  });
});

describe('YAML in HCL', () => {
  it('yamlencode and yamldecode round-trip', async () => {
    const encoded = await evaluateExpression('yamlencode({ openapi = "3.0.1", paths = { "/a" = { get = {} } } })');
    expect(typeof encoded === 'string' && encoded).toMatch(/^openapi: 3\.0\.1\npaths:\n {2}\/a:\n {4}get: \{\}\n$/);
    expect(await evaluateExpression('yamldecode("a: [1, b]\\nc: {d: true}")')).toEqual({ a: [1, 'b'], c: { d: true } });
  });

  it('reads a spec from file() and yamldecode(file()) through the real reader', async () => {
    const spec = 'openapi: 3.0.1\npaths:\n  /stock:\n    put: {}\n';
    const result = await readTree({
      'main.tf': [
        'resource "aws_api_gateway_rest_api" "a" {\n  body = file("${path.module}/openapi.yaml")\n}',
        'resource "aws_api_gateway_rest_api" "b" {\n  body = jsonencode(yamldecode(file("openapi.yaml")))\n}',
      ].join('\n'),
      'openapi.yaml': spec,
    });
    const { nodes } = adaptTerraform(result.resources);
    const ops = nodes.filter((n) => n.kind === 'api.operation').map((n) => n.id);
    expect(ops.sort()).toEqual(['terraform:aws_api_gateway_rest_api.a#PUT /stock', 'terraform:aws_api_gateway_rest_api.b#PUT /stock']);
  });

  it('reads the known structure of a jsonencode body whose leaves are known only at apply time', async () => {
    const result = await readTree({
      'main.tf': [
        'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}',
        'resource "aws_api_gateway_rest_api" "a" {',
        '  body = jsonencode({',
        '    openapi = "3.0.1"',
        '    paths = { "/orders" = { post = {',
        '      security = [{ users = [] }]',
        '      x-amazon-apigateway-integration = { type = "aws_proxy", uri = aws_lambda_function.fn.invoke_arn }',
        '    } } }',
        '    components = { securitySchemes = { users = {',
        '      type = "apiKey", name = "Authorization", in = "header"',
        '      x-amazon-apigateway-authorizer = { type = "cognito_user_pools", providerARNs = [var.pool_arn] }',
        '    } } }',
        '  })',
        '}',
        'variable "pool_arn" {}',
      ].join('\n'),
    });
    const { nodes, diagnostics } = adaptTerraform(result.resources);
    const op = nodes.find((n) => n.id === 'terraform:aws_api_gateway_rest_api.a#POST /orders');
    expect(op?.kind === 'api.operation' && op.attrs.authorization).toMatchObject({ state: 'set', value: 'cognito' });
    const backend = nodes.find((n) => n.id === 'terraform:aws_api_gateway_rest_api.a#integration:POST /orders');
    expect(backend?.kind === 'api.backend' && backend.attrs.type).toMatchObject({ value: 'lambda' });
    expect(diagnostics.map((d) => d.message)).not.toContainEqual(expect.stringMatching(/known only at apply time/));
  });

  it('does not follow a symbolic link in the tree to a file outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gw-tf-link-'));
    const outside = mkdtempSync(join(tmpdir(), 'gw-tf-outside-'));
    try {
      writeFileSync(join(outside, 'openapi.yaml'), 'openapi: 3.0.1\npaths:\n  /secret:\n    get: {}\n');
      symlinkSync(join(outside, 'openapi.yaml'), join(root, 'openapi.yaml'));
      writeFileSync(join(root, 'main.tf'), 'resource "aws_api_gateway_rest_api" "a" {\n  body = file("openapi.yaml")\n}\n');
      const result = await readTerraform([join(root, 'main.tf')], {});
      const { nodes } = adaptTerraform(result.resources);
      expect(nodes.filter((n) => n.kind === 'api.operation')).toEqual([]);
      expect(result.resources[0]?.body.attributes['body']?.value).toMatchObject({ unknown: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
