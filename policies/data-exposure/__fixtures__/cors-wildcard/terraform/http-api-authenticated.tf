# Any origin on an API whose routes require a JWT.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "fail_any_origin_authenticated" {
  name          = "orders"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["GET", "POST", "DELETE"]
    allow_headers = ["authorization", "content-type"]
  }
}

resource "aws_apigatewayv2_authorizer" "users" {
  api_id           = aws_apigatewayv2_api.fail_any_origin_authenticated.id
  name             = "users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
    audience = ["7sd8f6g5h4j3k2l1"]
  }
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id                 = aws_apigatewayv2_api.fail_any_origin_authenticated.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:eu-west-1:123456789012:function:orders"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "list_orders" {
  api_id             = aws_apigatewayv2_api.fail_any_origin_authenticated.id
  route_key          = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.users.id
  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_apigatewayv2_api" "pass_authenticated_named_origin" {
  name          = "invoices"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
    allow_methods = ["GET"]
    allow_headers = ["authorization"]
  }
}

resource "aws_apigatewayv2_route" "list_invoices" {
  api_id             = aws_apigatewayv2_api.pass_authenticated_named_origin.id
  route_key          = "GET /invoices"
  authorization_type = "AWS_IAM"
}
