import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { operationsOf } from '../../src/graph/queries';

/**
 * Origins that match any site. HTTP APIs accept `https://*` and `http://*` as patterns and, with credentials,
 * answer with the caller's own origin: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * `null` is the origin of sandboxed iframes and local files, which any page can produce.
 */
const ANY_ORIGIN = new Set(['*', 'https://*', 'http://*', 'null']);

export default definePolicy({
  id: 'GW-DATA-003',
  slug: 'cors-wildcard',
  title: 'CORS does not let any origin read authenticated responses',
  severity: 'high',
  category: 'data-exposure',
  control: 'cors',
  owasp: ['API8:2023'],
  target: 'api',
  rationale:
    'Browsers refuse `Access-Control-Allow-Origin: *` with credentials, but gateways that reflect the caller\'s origin when credentials are allowed ' +
    'let any web page read responses with the victim\'s cookies or credentials (high). ' +
    'Any origin on an API that requires authentication lets every site script calls with tokens the page holds, and signals a configuration copied from a public API (medium).',
  remediation: {
    kubernetes: [
      '# ingress-nginx: name the origins (cors-allow-origin defaults to * and cors-allow-credentials to true)',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/enable-cors: "true"',
      '    nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"',
      '    nginx.ingress.kubernetes.io/cors-allow-credentials: "true"',
    ].join('\n'),
    terraform: [
      'resource "aws_apigatewayv2_api" "api" {',
      '  name          = "orders"',
      '  protocol_type = "HTTP"',
      '  cors_configuration {',
      '    allow_origins     = ["https://app.example.com"]',
      '    allow_methods     = ["GET", "POST"]',
      '    allow_headers     = ["authorization", "content-type"]',
      '    allow_credentials = true',
      '  }',
      '}',
      '',
      '# Azure API Management: name the origins in the cors policy (service-wide or API policy)',
      '<cors allow-credentials="true">',
      '  <allowed-origins>',
      '    <origin>https://app.example.com</origin>',
      '  </allowed-origins>',
      '  <allowed-methods>',
      '    <method>GET</method>',
      '    <method>POST</method>',
      '  </allowed-methods>',
      '  <allowed-headers>',
      '    <header>Authorization</header>',
      '    <header>Content-Type</header>',
      '  </allowed-headers>',
      '</cors>',
    ].join('\n'),
    cloudformation: [
      'HttpApi:',
      '  Type: AWS::ApiGatewayV2::Api',
      '  Properties:',
      '    Name: orders',
      '    ProtocolType: HTTP',
      '    CorsConfiguration:',
      '      AllowOrigins: [https://app.example.com]',
      '      AllowMethods: [GET, POST]',
      '      AllowHeaders: [authorization, content-type]',
      '      AllowCredentials: true',
      '',
      '# SAM: CorsConfiguration on AWS::Serverless::HttpApi; Cors on AWS::Serverless::Api',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    Cors:',
      '      AllowOrigin: "\'https://app.example.com\'"',
      '      AllowHeaders: "\'authorization,content-type\'"',
      '      AllowMethods: "\'GET,POST\'"',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html',
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#requests_with_credentials',
    'https://learn.microsoft.com/en-us/azure/api-management/cors-policy',
  ],
  evaluate(api, ctx) {
    const cors = api.attrs.cors;
    switch (cors.state) {
      case 'unknown':
        return unknown(`\`${api.name}\`: CORS configuration is not known statically (${cors.expr ?? 'computed'})`, cors.source ?? api.source);
      case 'set':
      case 'default':
        break;
    }
    // No CORS at the gateway: browsers keep the same-origin policy.
    if (cors.value === null) return pass();
    const wildcards = cors.value.allowOrigins.filter((origin) => ANY_ORIGIN.has(origin.trim()));
    if (wildcards.length === 0) return pass();
    const origins = wildcards.map((o) => `\`${o}\``).join(', ');
    const source = cors.source ?? api.source;
    if (cors.value.allowCredentials) {
      return fail(`\`${api.name}\` allows any origin (${origins}) with credentials`, source, { severity: 'high' });
    }
    const operations = operationsOf(ctx.graph, api);
    const authenticated = operations.filter((op) => op.attrs.authorization.state !== 'unknown' && op.attrs.authorization.value !== 'none');
    if (authenticated.length > 0) {
      return fail(
        // Credentials, not authentication: an API or subscription key identifies the caller without authenticating it.
        `\`${api.name}\` allows any origin (${origins}) although ${authenticated.length} of its ${operations.length} operations ${authenticated.length === 1 ? 'requires' : 'require'} credentials`,
        source,
        { severity: 'medium' },
      );
    }
    const unresolved = operations.filter((op) => op.attrs.authorization.state === 'unknown');
    if (unresolved.length > 0) {
      return unknown(`\`${api.name}\` allows any origin (${origins}); whether its operations require credentials is not known statically`, source);
    }
    return pass();
  },
});
