import { adaptTree } from './tf-helpers';

/**
 * API Gateway v2 settings written as `dynamic` blocks whose `for_each` is not known statically (module inputs
 * holding values known only once applied): the settings they may hold are unknown, never taken as absent.
 */

const API = `
variable "settings" {
  type    = any
  default = {}
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}
`;

describe('a JWT authorizer whose jwt_configuration is a dynamic block over values known only once applied', () => {
  const config = `${API}
locals {
  jwt = { audience = ["web"], issuer = "https://\${aws_cognito_user_pool.users.endpoint}" }
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id          = aws_apigatewayv2_api.http.id
  authorizer_type = "JWT"
  name            = "cognito"
  dynamic "jwt_configuration" {
    for_each = try([local.jwt], [])
    content {
      audience = jwt_configuration.value.audience
      issuer   = jwt_configuration.value.issuer
    }
  }
}
`;

  it('has an unknown issuer and audience, not none', async () => {
    const { node } = await adaptTree(config);
    expect(node('terraform:aws_apigatewayv2_authorizer.cognito')?.attrs).toMatchObject({
      type: { state: 'set', value: 'jwt' },
      issuer: { state: 'unknown', expr: 'dynamic "jwt_configuration"' },
      audience: { state: 'unknown', expr: 'dynamic "jwt_configuration"' },
    });
  });
});

describe('a stage whose default_route_settings is a dynamic block over values known only once applied', () => {
  it('has unknown throttling, not none', async () => {
    const { node } = await adaptTree(`${API}
resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
  dynamic "default_route_settings" {
    for_each = try([{ rate = aws_cognito_user_pool.users.estimated_number_of_users }], [])
    content {
      throttling_rate_limit  = default_route_settings.value.rate
      throttling_burst_limit = 50
    }
  }
}
`);
    expect(node('terraform:aws_apigatewayv2_stage.default')?.attrs).toMatchObject({
      throttling: { state: 'unknown', expr: 'dynamic "default_route_settings"' },
    });
  });
});
