provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "api" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "pass_https_proxy" {
  api_id             = aws_apigatewayv2_api.api.id
  integration_type   = "HTTP_PROXY"
  integration_method = "GET"
  integration_uri    = "https://catalog.backend.example.com/{proxy}"
}

resource "aws_apigatewayv2_integration" "fail_http_proxy" {
  api_id             = aws_apigatewayv2_api.api.id
  integration_type   = "HTTP_PROXY"
  integration_method = "GET"
  integration_uri    = "http://search.backend.example.com/{proxy}"
}

resource "aws_apigatewayv2_integration" "pass_lambda_proxy" {
  api_id                 = aws_apigatewayv2_api.api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:eu-west-1:123456789012:function:catalog"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "products" {
  api_id             = aws_apigatewayv2_api.api.id
  route_key          = "GET /products/{proxy+}"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.pass_https_proxy.id}"
}

resource "aws_apigatewayv2_route" "search" {
  api_id             = aws_apigatewayv2_api.api.id
  route_key          = "GET /search/{proxy+}"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.fail_http_proxy.id}"
}

resource "aws_apigatewayv2_route" "categories" {
  api_id             = aws_apigatewayv2_api.api.id
  route_key          = "GET /categories"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.pass_lambda_proxy.id}"
}
