import { adaptTerraform } from '../../../providers/terraform/adapt';
import { readTree } from './tf-helpers';

/** An OpenAPI body partly known only at apply time: read where the unknown parts do not decide who may call a route. */
async function adaptBody(body: string, files: Readonly<Record<string, string>> = {}) {
  const result = await readTree({
    'main.tf': `variable "schemes" {}\nvariable "auth_type" {}\nvariable "pool_arn" {}\nresource "aws_api_gateway_rest_api" "a" {\n  body = ${body}\n}\n`,
    ...files,
  });
  const { nodes, diagnostics } = adaptTerraform(result.resources);
  return { operations: nodes.filter((n) => n.kind === 'api.operation'), messages: diagnostics.map((d) => d.message) };
}

const ROUTE = '"/orders" = { get = { security = [{ users = [] }] } }';

describe('OpenAPI bodies with values known only at apply time', () => {
  it('a security scheme that is a variable leaves the routes unchecked, never open', async () => {
    const { operations, messages } = await adaptBody(`jsonencode({ openapi = "3.0.1", paths = { ${ROUTE} }, components = { securitySchemes = var.schemes } })`);
    expect(operations).toEqual([]);
    expect(messages).toContainEqual(expect.stringMatching(/decides who may call its routes with a value known only at apply time \(\$\{var\.schemes\}\)/));
  });

  it('a scheme type from a templatefile var likewise', async () => {
    const spec = 'openapi: 3.0.1\npaths:\n  /orders:\n    get:\n      security:\n        - users: []\ncomponents:\n  securitySchemes:\n    users:\n      type: ${auth_type}\n      name: Authorization\n      in: header\n';
    const { operations, messages } = await adaptBody('templatefile("openapi.yaml", { auth_type = var.auth_type })', { 'openapi.yaml': spec });
    expect(operations).toEqual([]);
    expect(messages).toContainEqual(expect.stringMatching(/decides who may call its routes/));
  });

  it('the user pool an authorizer names may be a variable: the routes are read', async () => {
    const schemes = 'users = { type = "apiKey", name = "Authorization", in = "header", x-amazon-apigateway-authorizer = { type = "cognito_user_pools", providerARNs = [var.pool_arn] } }';
    const { operations } = await adaptBody(`jsonencode({ openapi = "3.0.1", paths = { ${ROUTE} }, components = { securitySchemes = { ${schemes} } } })`);
    expect(operations.map((op) => (op.attrs as { authorization?: unknown }).authorization)).toEqual([expect.objectContaining({ state: 'set', value: 'cognito' })]);
  });
});
