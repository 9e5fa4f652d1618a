import { definePolicy, fail, pass, unknown, type Outcome } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { RequestValidation } from '../../src/graph/kinds';
import { apiOf } from '../../src/graph/queries';
import { routeLabel } from '../../src/graph/route-label';

/** Methods whose requests carry a body API Gateway passes on: they need the body validated. */
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'ANY']);

export default definePolicy({
  id: 'GW-VAL-001',
  slug: 'request-validation',
  title: 'Operations validate request bodies and required parameters at the gateway',
  severity: 'medium',
  category: 'validation',
  control: 'request-validation',
  owasp: ['API3:2023', 'API8:2023'],
  target: 'api.operation',
  rationale:
    'A request validator rejects malformed requests (a body that does not match the model, a missing required query string or header) at the gateway, ' +
    'before they reach and cost the backend, and blocks mass-assignment and injection payloads that rely on unexpected fields. ' +
    'Operations that accept a body (POST, PUT, PATCH, ANY) need their body validated; operations that declare required parameters need those validated. ' +
    'GET, OPTIONS and other operations without declared parameters pass. ' +
    'HTTP APIs and WebSocket APIs of API Gateway have no request validation to turn on, so their routes are not checked here: validate in the integration. ' +
    'On API Management, `validate-content` (body) and `validate-parameters` / `validate-headers` count when they run on every request, not only inside `<choose>`.',
  remediation: {
    terraform: [
      '# REST API: a validator, then name it on each method that takes a body (a request model describes the body)',
      'resource "aws_api_gateway_request_validator" "all" {',
      '  rest_api_id                 = aws_api_gateway_rest_api.api.id',
      '  name                        = "body-and-params"',
      '  validate_request_body       = true',
      '  validate_request_parameters = true',
      '}',
      '',
      'resource "aws_api_gateway_method" "create_order" {',
      '  # ...',
      '  request_validator_id = aws_api_gateway_request_validator.all.id',
      '  request_models       = { "application/json" = aws_api_gateway_model.order.name }',
      '}',
      '',
      '# OpenAPI body: declare validators and a default (or name one per operation)',
      '#   x-amazon-apigateway-request-validators:',
      '#     all: { validateRequestBody: true, validateRequestParameters: true }',
      '#   x-amazon-apigateway-request-validator: all',
      '',
      '# Azure API Management: validate body and parameters against the imported specification (API or operation policy)',
      '<inbound>',
      '  <base />',
      '  <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent">',
      '    <content type="application/json" validate-as="json" action="prevent" />',
      '  </validate-content>',
      '  <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" />',
      '</inbound>',
    ].join('\n'),
    cloudformation: [
      '# REST API: a validator, then name it on each method that takes a body (a request model describes the body)',
      'BodyAndParams:',
      '  Type: AWS::ApiGateway::RequestValidator',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    Name: body-and-params',
      '    ValidateRequestBody: true',
      '    ValidateRequestParameters: true',
      '',
      'CreateOrder:',
      '  Type: AWS::ApiGateway::Method',
      '  Properties:',
      '    # ...',
      '    HttpMethod: POST',
      '    RequestValidatorId: !Ref BodyAndParams',
      '    RequestModels:',
      '      application/json: !Ref OrderModel',
      '',
      '# OpenAPI Body / SAM DefinitionBody: declare validators and a default',
      '#   x-amazon-apigateway-request-validators:',
      '#     all: { validateRequestBody: true, validateRequestParameters: true }',
      '#   x-amazon-apigateway-request-validator: all',
      '# SAM function events: RequestModel: {Model: Order, Required: true, ValidateBody: true}',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-set-up.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html',
    'https://learn.microsoft.com/en-us/azure/api-management/validate-content-policy',
  ],
  frameworks: { 'nist-800-53': ['SI-10'] },
  evaluate(operation, { graph }) {
    const flavor = apiOf(graph, operation)?.attrs.flavor;
    // Reverse proxies (Ingress controllers, Gateway API implementations, load balancers) have no schema validation to switch on.
    if (flavor === 'http' || flavor === 'websocket' || flavor === 'ingress' || flavor === 'gateway-route' || flavor === 'load-balancer') return pass();
    const { method, requestValidation: validation } = operation.attrs;
    // Built only for a finding: most operations pass, and a large graph has tens of thousands.
    const label = (): string => `\`${operation.name}\`${routeLabel(operation.attrs.method, operation.attrs.path)}`;
    const at = validation.source ?? operation.source;
    switch (method.state) {
      case 'unknown':
        return unknown(`${label()}: method is not known statically (${method.expr ?? 'computed'}), so whether it takes a body is not known`, method.source ?? operation.source);
      case 'set':
      case 'default':
        break;
    }
    const needsBody = BODY_METHODS.has(method.value.toUpperCase());
    const required = requiredParameters(operation.attrs.requiredParameters);
    if (required.state === 'unknown') {
      return needsBody ? checkBody(label, validation, at, operation.platform === 'azure') : unknown(`${label()}: its required parameters are not known statically (${required.expr})`, required.source ?? at);
    }
    const needsParams = required.names.length > 0;
    if (!needsBody && !needsParams) return pass();
    switch (validation.state) {
      case 'unknown':
        return unknown(`${label()}: request validation is not known statically (${validation.expr ?? 'computed'})`, at);
      case 'set':
      case 'default': {
        const missing: string[] = [];
        if (needsBody && !validatesBody(validation.value)) missing.push('its request body');
        if (needsParams && !validatesParams(validation.value)) missing.push(`its required parameters (${required.names.join(', ')})`);
        if (missing.length === 0) return pass();
        return fail(`${label()} does not validate ${missing.join(' or ')} (${describe(validation.value, operation.platform === 'azure')})`, at);
      }
    }
  },
});

function checkBody(label: () => string, validation: Attr<RequestValidation>, at: NonNullable<Attr<RequestValidation>['source']>, azure: boolean): Outcome {
  switch (validation.state) {
    case 'unknown':
      return unknown(`${label()}: request validation is not known statically (${validation.expr ?? 'computed'})`, at);
    case 'set':
    case 'default':
      return validatesBody(validation.value) ? pass() : fail(`${label()} does not validate its request body (${describe(validation.value, azure)})`, at);
  }
}

type Required = { readonly state: 'known'; readonly names: readonly string[] } | { readonly state: 'unknown'; readonly expr: string; readonly source?: Attr<never>['source'] };

/** Absent: the source cannot say, so only the method decides. */
function requiredParameters(attr: Attr<readonly string[]> | undefined): Required {
  if (attr === undefined) return { state: 'known', names: [] };
  switch (attr.state) {
    case 'unknown':
      return { state: 'unknown', expr: attr.expr ?? 'computed', ...(attr.source && { source: attr.source }) };
    case 'set':
    case 'default':
      return { state: 'known', names: attr.value };
  }
}

function validatesBody(level: RequestValidation): boolean {
  return level === 'body' || level === 'full';
}

function validatesParams(level: RequestValidation): boolean {
  return level === 'params' || level === 'full';
}

/** What validates, in the platform's words: API Gateway's request validators, API Management's validation policies. */
function describe(level: RequestValidation, azure: boolean): string {
  switch (level) {
    case 'none':
      return azure ? 'no validate-content or validate-parameters policy' : 'no request validator';
    case 'body':
      return azure ? 'validate-content only' : 'its validator checks the body only';
    case 'params':
      return azure ? 'validate-parameters only' : 'its validator checks parameters only';
    case 'full':
      return azure ? 'validate-content and validate-parameters' : 'its validator checks body and parameters';
  }
}
