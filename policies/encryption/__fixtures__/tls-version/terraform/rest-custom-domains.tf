# REST API custom domains: security_policy decides the oldest TLS version clients may use.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "*.example.com"
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "pass_tls12" {
  domain_name              = "orders.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "fail_tls10" {
  domain_name              = "legacy.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_0"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# No security_policy: API Gateway applies TLS_1_0.
resource "aws_api_gateway_domain_name" "fail_default_policy" {
  domain_name     = "partners.example.com"
  certificate_arn = aws_acm_certificate.api.arn
}
