import { adaptTerraform } from '../../../providers/terraform/adapt';
import { readTree } from './tf-helpers';

/** An OpenAPI body partly known only at apply time: read where the unknown parts do not decide who may call a route. */
async function adaptBody(body: string, files: Readonly<Record<string, string>> = {}) {
  const variables = ['schemes', 'auth_type', 'pool_arn', 'principal', 'origins', 'admin_op', 'vpce'].map((name) => `variable "${name}" {}`).join('\n');
  const result = await readTree({
    'main.tf': `${variables}\nresource "aws_api_gateway_rest_api" "a" {\n  body = ${body}\n}\n`,
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

  it.each([
    ['a resource policy principal', `x-amazon-apigateway-policy = { Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = var.principal, Action = "execute-api:Invoke", Resource = "execute-api:/*" }] }`],
    ['CORS origins', 'x-amazon-apigateway-cors = { allowOrigins = var.origins, allowCredentials = true }'],
  ])('%s that is a variable leaves the routes unchecked', async (_name, extension) => {
    const { operations, messages } = await adaptBody(`jsonencode({ openapi = "3.0.1", paths = { ${ROUTE} }, ${extension} })`);
    expect(operations).toEqual([]);
    expect(messages).toContainEqual(expect.stringMatching(/decides who may call its routes/));
  });

  it('an operation that is a variable leaves the routes unchecked: which routes exist is not known', async () => {
    const { operations, messages } = await adaptBody('jsonencode({ openapi = "3.0.1", paths = { "/x" = { get = { security = [] }, post = var.admin_op } } })');
    expect(operations).toEqual([]);
    expect(messages).toContainEqual(expect.stringMatching(/decides who may call its routes/));
  });

  it('a resource policy condition value that is a variable is read', async () => {
    const policy = 'x-amazon-apigateway-policy = { Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*", Condition = { StringEquals = { "aws:SourceVpce" = var.vpce } } }] }';
    const { operations } = await adaptBody(`jsonencode({ openapi = "3.0.1", paths = { ${ROUTE} }, ${policy} })`);
    expect(operations).toHaveLength(1);
  });
});
