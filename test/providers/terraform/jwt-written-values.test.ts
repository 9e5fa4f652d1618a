import { adaptTree } from './tf-helpers';

const config = (audience: string) => `
variable "region" {}
variable "clients" {}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.http.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"
  jwt_configuration {
    issuer   = "https://cognito-idp.\${var.region}.amazonaws.com/\${aws_cognito_user_pool.users.id}"
    audience = ${audience}
  }
}
`;

describe('a JWT authorizer whose issuer and audience name what exists only once applied', () => {
  it('counts them as written: the issuer as its template, the client id as what it refers to', async () => {
    const { node } = await adaptTree(config('[aws_cognito_user_pool_client.web.id]'));
    expect(node('terraform:aws_apigatewayv2_authorizer.cognito')?.attrs).toMatchObject({
      issuer: { state: 'set', value: 'https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.users.id}' },
      audience: { state: 'set', value: ['${aws_cognito_user_pool_client.web.id}'] },
    });
  });

  it('leaves an audience that may be empty (a variable without value) unknown', async () => {
    const { node } = await adaptTree(config('var.clients'));
    expect(node('terraform:aws_apigatewayv2_authorizer.cognito')?.attrs).toMatchObject({ audience: { state: 'unknown' } });
  });
});
