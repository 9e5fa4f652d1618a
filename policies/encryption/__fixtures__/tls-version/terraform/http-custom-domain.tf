provider "aws" {
  region = "eu-west-1"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "events.example.com"
  validation_method = "DNS"
}

resource "aws_apigatewayv2_domain_name" "pass_http_domain" {
  domain_name = "events.example.com"

  domain_name_configuration {
    certificate_arn = aws_acm_certificate.api.arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
