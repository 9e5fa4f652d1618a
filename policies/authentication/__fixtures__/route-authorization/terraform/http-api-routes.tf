provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "api" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "users" {
  api_id           = aws_apigatewayv2_api.api.id
  name             = "users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
    audience = ["7sd8f6g5h4j3k2l1"]
  }
}

resource "aws_apigatewayv2_integration" "catalog" {
  api_id                 = aws_apigatewayv2_api.api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:eu-west-1:123456789012:function:catalog"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "pass_update_product_jwt" {
  api_id             = aws_apigatewayv2_api.api.id
  route_key          = "PUT /products/{id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.users.id
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}

# No authorization_type: the route is open (NONE).
resource "aws_apigatewayv2_route" "fail_delete_product_open" {
  api_id    = aws_apigatewayv2_api.api.id
  route_key = "DELETE /products/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}
