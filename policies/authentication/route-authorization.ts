import { definePolicy, fail, pass, unknown, type Outcome } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { ApiFlavor, GraphNode } from '../../src/graph/kinds';
import type { SourceRef } from '../../src/graph/source';
import { apiOf } from '../../src/graph/queries';
import { routeLabel } from '../../src/graph/route-label';
import { isCorsPreflight } from '../../src/graph/cors-preflight';

export default definePolicy({
  id: 'GW-AUTH-001',
  slug: 'route-authorization',
  title: 'Every API operation requires authentication',
  severity: 'high',
  category: 'authentication',
  control: 'authorizer',
  owasp: ['API2:2023', 'API5:2023'],
  target: 'api.operation',
  rationale:
    'An operation without an authorizer can be called by anyone who can reach the endpoint. ' +
    'An API key or subscription key alone only identifies the calling application: keys are shared, embedded in clients and rarely rotated, so they do not authenticate a user (reported at medium severity, below operations open to anyone). ' +
    'Resource policies and network restrictions are checked by other policies and do not replace authentication here. ' +
    'On API Management an operation is authenticated when its effective policy (service, product, API and operation, with `<base />` inheritance) ' +
    'runs `validate-jwt`, `validate-azure-ad-token` or `validate-client-certificate` on every request; a check inside `<choose>` cannot be verified statically, ' +
    'and `check-header` on `Authorization` only compares the header with fixed values. ' +
    'A Kubernetes Ingress or Gateway API route without authentication at the proxy (ingress-nginx `auth-url` or basic auth, ALB `auth-type`, Traefik ForwardAuth, Envoy Gateway SecurityPolicy) ' +
    'is reported at medium severity, since the application behind it may authenticate requests itself.',
  remediation: {
    kubernetes: [
      '# ingress-nginx: external authentication (oauth2-proxy, an identity-aware proxy) before every request',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/auth-url: "https://oauth2-proxy.auth.svc/oauth2/auth"',
      '    nginx.ingress.kubernetes.io/auth-signin: "https://auth.example.com/oauth2/start?rd=$escaped_request_uri"',
      '# AWS Load Balancer Controller: alb.ingress.kubernetes.io/auth-type: oidc (or cognito) with auth-idp-oidc / auth-idp-cognito',
      '# Traefik: a ForwardAuth Middleware in router.middlewares; Envoy Gateway: a SecurityPolicy with jwt or oidc on the HTTPRoute',
      '# If the application authenticates every request itself, record it: gatewarden.io/ignore: "GW-AUTH-001: the app checks JWTs itself"',
    ].join('\n'),
    terraform: [
      '# REST API method: IAM, a Cognito user pool or a Lambda authorizer (an API key may be required in addition)',
      'resource "aws_api_gateway_method" "get_orders" {',
      '  rest_api_id   = aws_api_gateway_rest_api.api.id',
      '  resource_id   = aws_api_gateway_resource.orders.id',
      '  http_method   = "GET"',
      '  authorization = "COGNITO_USER_POOLS" # or "AWS_IAM", "CUSTOM"',
      '  authorizer_id = aws_api_gateway_authorizer.users.id',
      '}',
      '',
      '# HTTP API route (for WebSocket APIs, authorize the $connect route)',
      'resource "aws_apigatewayv2_route" "get_orders" {',
      '  api_id             = aws_apigatewayv2_api.api.id',
      '  route_key          = "GET /orders"',
      '  authorization_type = "JWT" # or "AWS_IAM", "CUSTOM"',
      '  authorizer_id      = aws_apigatewayv2_authorizer.users.id',
      '  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"',
      '}',
      '',
      '# Azure API Management: validate a token on every request, in the API (or service-wide) policy',
      'resource "azurerm_api_management_api_policy" "orders" {',
      '  api_name            = azurerm_api_management_api.orders.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  xml_content         = <<XML',
      '<policies>',
      '  <inbound>',
      '    <base />',
      '    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">',
      '      <openid-config url="https://login.microsoftonline.com/${var.tenant_id}/v2.0/.well-known/openid-configuration" />',
      '      <audiences><audience>api://orders</audience></audiences>',
      '      <issuers><issuer>https://login.microsoftonline.com/${var.tenant_id}/v2.0</issuer></issuers>',
      '    </validate-jwt>',
      '  </inbound>',
      '</policies>',
      'XML',
      '}',
      '# (or <validate-azure-ad-token tenant-id="..."> with <client-application-ids>; a required subscription key alone is identification only)',
    ].join('\n'),
    cloudformation: [
      '# REST API method: IAM, a Cognito user pool or a Lambda authorizer (an API key may be required in addition)',
      'GetOrders:',
      '  Type: AWS::ApiGateway::Method',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    ResourceId: !Ref OrdersResource',
      '    HttpMethod: GET',
      '    AuthorizationType: COGNITO_USER_POOLS # or AWS_IAM, CUSTOM',
      '    AuthorizerId: !Ref UsersAuthorizer',
      '',
      '# HTTP API route (for WebSocket APIs, authorize the $connect route)',
      'GetOrdersRoute:',
      '  Type: AWS::ApiGatewayV2::Route',
      '  Properties:',
      '    ApiId: !Ref HttpApi',
      '    RouteKey: GET /orders',
      '    AuthorizationType: JWT # or AWS_IAM, CUSTOM',
      '    AuthorizerId: !Ref JwtAuthorizer',
      '    Target: !Sub integrations/${OrdersIntegration}',
      '',
      '# SAM: a default authorizer on the API (AWS::Serverless::Api), or Auth.Authorizer on each function event',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    Auth:',
      '      DefaultAuthorizer: Users',
      '      AddDefaultAuthorizerToCorsPreflight: false',
      '      Authorizers:',
      '        Users:',
      '          UserPoolArn: !GetAtt UserPool.Arn',
    ].join('\n'),
    aws: [
      '# REST API method: require IAM, a Cognito user pool or a Lambda authorizer, then redeploy the stage',
      'aws apigateway update-method --rest-api-id API_ID --resource-id RESOURCE_ID --http-method GET \\',
      '  --patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value=AUTHORIZER_ID',
      'aws apigateway create-deployment --rest-api-id API_ID --stage-name prod',
      '',
      '# HTTP API route (auto-deployed stages pick it up; others need create-deployment)',
      'aws apigatewayv2 create-authorizer --api-id API_ID --name users --authorizer-type JWT \\',
      '  --identity-source \'$request.header.Authorization\' --jwt-configuration Issuer=https://id.example.com,Audience=orders-api',
      'aws apigatewayv2 update-route --api-id API_ID --route-id ROUTE_ID --authorization-type JWT --authorizer-id AUTHORIZER_ID',
      '',
      '# WebSocket API: authorize the $connect route',
      'aws apigatewayv2 update-route --api-id API_ID --route-id CONNECT_ROUTE_ID --authorization-type CUSTOM --authorizer-id AUTHORIZER_ID',
      '# Console: API Gateway > (API) > Resources > (method) > Method request > Edit > Authorization (REST); Authorization > Attach authorizer (HTTP)',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://learn.microsoft.com/en-us/azure/api-management/validate-jwt-policy',
  ],
  frameworks: { 'nist-800-53': ['AC-3', 'IA-2'] },
  evaluate(operation, ctx) {
    const api = apiOf(ctx.graph, operation);
    const proxy = api !== undefined && isProxyFlavor(api.attrs.flavor);
    const method = operation.attrs.method;
    // WebSocket APIs authorize once, when the connection opens: only `$connect` accepts an authorizer.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html
    if (api?.attrs.flavor === 'websocket') {
      switch (method.state) {
        case 'unknown':
          return unknown(`\`${operation.name}\`: route key is not known statically (${method.expr ?? 'computed'})`, method.source ?? operation.source);
        case 'set':
        case 'default':
          return method.value === '$connect' ? checkAuthorization(operation, method, proxy) : pass();
      }
    }
    switch (method.state) {
      case 'unknown':
        return checkAuthorization(operation, method, proxy);
      case 'set':
      case 'default':
        // CORS preflight requests never carry credentials, so OPTIONS must stay open. `$disconnect` only exists on
        // WebSocket APIs and cannot take an authorizer, even when its API is outside the scan.
        if (isCorsPreflight(operation) || method.value === '$disconnect') return pass();
        return checkAuthorization(operation, method, proxy);
    }
  },
});

/**
 * Ingresses and Gateway API routes are reverse proxies in front of applications that often authenticate requests
 * themselves: a route open at the proxy is reported at medium severity, and the message says so.
 */
function isProxyFlavor(flavor: ApiFlavor): boolean {
  return flavor === 'ingress' || flavor === 'gateway-route';
}

const AT_PROXY = { severity: 'medium' } as const;

/**
 * A key is a credential of sorts: the caller must at least hold one, so key-only routes rank below open ones.
 * (CONTROLS.md `api-key-only`; the finding stays with this policy so that one route never gets two findings.)
 */
const KEY_ONLY = { severity: 'medium' } as const;

function checkAuthorization(operation: GraphNode<'api.operation'>, method: Attr<string>, proxy = false): Outcome {
  const { authorization, apiKeyRequired } = operation.attrs;
  // Built only for a finding: most operations pass, and a large graph has tens of thousands.
  const label = (): string => `\`${operation.name}\`${routeLabel(method, operation.attrs.path)}`;
  const source = authorization.source ?? operation.source;
  switch (authorization.state) {
    case 'unknown':
      return unknown(`${label()}: authorization is not known statically (${authorization.expr ?? 'computed'})`, source);
    case 'set':
    case 'default':
      switch (authorization.value) {
        case 'iam':
        case 'jwt':
        case 'cognito':
        case 'lambda':
        case 'oauth':
        case 'mtls':
        case 'basic':
        case 'external':
          return pass();
        case 'api-key-only':
          return fail(`${label()} is protected by an API key only: a key identifies the calling application but does not authenticate it`, source, KEY_ONLY);
        case 'subscription-key':
          return fail(`${label()} is protected by a subscription key only: a key identifies the calling application but does not authenticate it`, source, KEY_ONLY);
        case 'none':
          break;
      }
  }
  if (method.state === 'unknown') {
    return unknown(`${label()}: requires no authorization, but its method is not known statically (${method.expr ?? 'computed'}) and could be an OPTIONS preflight`, source);
  }
  switch (apiKeyRequired.state) {
    case 'set':
    case 'default':
      if (apiKeyRequired.value) {
        return fail(`${label()} has authorization none and relies on an API key alone: a key identifies the calling application but does not authenticate it`, source, KEY_ONLY);
      }
      if (proxy) return openAtProxy(label(), source);
      return fail(`${label()} requires no authorization: anyone who reaches the endpoint can call it`, source);
    case 'unknown':
      // With or without a key, nobody is authenticated.
      if (proxy) return openAtProxy(label(), source);
      return fail(`${label()} requires no authorization: anyone who reaches the endpoint can call it`, source);
  }
}

function openAtProxy(label: string, source: SourceRef): Outcome {
  return fail(
    `${label} requires no authentication at the ingress or gateway: the application behind it may authenticate requests itself; if it does not, anyone who reaches the endpoint can call it`,
    source, AT_PROXY,
  );
}
