# JWT authorizers must pin the issuer and the audience; other authorizer types validate tokens by other means.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "api" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "pass_cognito_jwt" {
  api_id           = aws_apigatewayv2_api.api.id
  name             = "users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
    audience = ["7sd8f6g5h4j3k2l1"]
  }
}

# The usual Cognito setup: issuer and audience name the user pool and its client, known once applied.
resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_apigatewayv2_authorizer" "pass_cognito_references" {
  api_id           = aws_apigatewayv2_api.api.id
  name             = "web-users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/${aws_cognito_user_pool.users.id}"
    audience = [aws_cognito_user_pool_client.web.id]
  }
}

# Accepts a token minted for any client of the identity provider.
resource "aws_apigatewayv2_authorizer" "fail_no_audience" {
  api_id           = aws_apigatewayv2_api.api.id
  name             = "partners"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer = "https://login.example.com/"
  }
}

resource "aws_apigatewayv2_authorizer" "fail_no_issuer" {
  api_id           = aws_apigatewayv2_api.api.id
  name             = "mobile"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    audience = ["mobile-app"]
  }
}

resource "aws_apigatewayv2_authorizer" "pass_lambda_request" {
  api_id                            = aws_apigatewayv2_api.api.id
  name                              = "legacy-tokens"
  authorizer_type                   = "REQUEST"
  authorizer_uri                    = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:token-check/invocations"
  identity_sources                  = ["$request.header.Authorization"]
  authorizer_payload_format_version = "2.0"
  enable_simple_responses           = true
}
