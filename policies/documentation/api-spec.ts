import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { operationsOf } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-DOC-001',
  slug: 'api-spec',
  title: 'APIs are described by an API specification',
  severity: 'low',
  category: 'documentation',
  control: 'api-spec',
  owasp: ['API9:2023'],
  target: 'api',
  rationale:
    'An API whose routes are only assembled from individual route resources, or created by hand, has no document that says what it exposes: ' +
    'nobody can review its surface, diff it between releases, generate tests or find routes that should not be there (OWASP API9, improper inventory management). ' +
    'Importing the API from an OpenAPI specification kept with the code makes the specification the single source of truth of what is deployed. ' +
    'WebSocket APIs pass: API Gateway cannot import a specification for them. ' +
    'An API Management API counts as described when it is imported (`import` block: OpenAPI, Swagger, WSDL or WADL, inline or by link).',
  remediation: {
    terraform: [
      '# Import the routes from an OpenAPI document kept next to the code (REST and HTTP APIs)',
      'resource "aws_api_gateway_rest_api" "api" {',
      '  name = "orders"',
      '  body = file("${path.module}/openapi.yaml") # or jsonencode({...}) / templatefile(...)',
      '}',
      '',
      'resource "aws_api_gateway_deployment" "api" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  triggers    = { redeployment = sha1(aws_api_gateway_rest_api.api.body) }',
      '  lifecycle { create_before_destroy = true }',
      '}',
      '# Existing API: export it (aws apigateway get-export --export-type oas30) and switch to `body` step by step.',
      '',
      '# Azure API Management: import the API from its OpenAPI document',
      'resource "azurerm_api_management_api" "orders" {',
      '  # ...',
      '  import {',
      '    content_format = "openapi"',
      '    content_value  = file("${path.module}/openapi.yaml")',
      '  }',
      '}',
    ].join('\n'),
    cloudformation: [
      '# Import the routes from an OpenAPI document kept next to the template (REST and HTTP APIs)',
      'Api:',
      '  Type: AWS::ApiGateway::RestApi',
      '  Properties:',
      '    Name: orders',
      '    Body:',
      '      Fn::Transform:',
      '        Name: AWS::Include',
      '        Parameters:',
      '          Location: openapi.yaml # packaged to S3 by `aws cloudformation package`',
      '# (or BodyS3Location: {Bucket: ..., Key: openapi.yaml}, or the document inline under Body)',
      '',
      '# SAM: DefinitionBody (inline or AWS::Include) or DefinitionUri on AWS::Serverless::Api / AWS::Serverless::HttpApi',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    DefinitionUri: openapi.yaml',
    ].join('\n'),
  },
  references: [
    'https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#body',
    'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api#import',
  ],
  evaluate(api, { graph }) {
    if (api.attrs.flavor === 'websocket') return pass();
    const spec = api.attrs.hasSpec;
    switch (spec.state) {
      case 'unknown':
        return unknown(`Whether API ${api.name} is described by a specification is not known statically (${spec.expr ?? 'computed'})`, spec.source ?? api.source);
      case 'set':
      case 'default': {
        if (spec.value) return pass();
        const routes = operationsOf(graph, api).length;
        const defined = routes === 0 ? '' : ` (its ${routes} route${routes === 1 ? ' is' : 's are'} defined one by one)`;
        return fail(
          `API ${api.name} is not described by an API specification${defined}: import it from an OpenAPI document kept with the code so its surface can be reviewed and inventoried`,
          spec.source ?? api.source,
        );
      }
    }
  },
});
