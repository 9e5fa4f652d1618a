# An HTTP API mapped to a custom domain with its execute-api endpoint left on.

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
}

resource "aws_apigatewayv2_api" "fail_http_bypass" {
  name          = "inventory"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "inventory" {
  api_id      = aws_apigatewayv2_api.fail_http_bypass.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_domain_name" "inventory" {
  domain_name = "inventory.api.example.com"

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "inventory" {
  api_id      = aws_apigatewayv2_api.fail_http_bypass.id
  domain_name = aws_apigatewayv2_domain_name.inventory.id
  stage       = aws_apigatewayv2_stage.inventory.id
}

resource "aws_apigatewayv2_api" "pass_http_domain_only" {
  name                         = "catalog"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_stage" "catalog" {
  api_id      = aws_apigatewayv2_api.pass_http_domain_only.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_domain_name" "catalog" {
  domain_name = "catalog.api.example.com"

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "catalog" {
  api_id      = aws_apigatewayv2_api.pass_http_domain_only.id
  domain_name = aws_apigatewayv2_domain_name.catalog.id
  stage       = aws_apigatewayv2_stage.catalog.id
}
