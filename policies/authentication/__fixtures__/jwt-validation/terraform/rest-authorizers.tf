# REST API authorizers (Cognito user pools, Lambda) are not JWT-configured: they pass.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_authorizer" "pass_cognito_user_pool" {
  name          = "users"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123"]
}

resource "aws_api_gateway_authorizer" "pass_token_lambda" {
  name            = "tokens"
  rest_api_id     = aws_api_gateway_rest_api.api.id
  type            = "TOKEN"
  authorizer_uri  = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:token-check/invocations"
  identity_source = "method.request.header.Authorization"
}
