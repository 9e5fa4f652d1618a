# REST APIs served through a custom domain: one still accepts calls on execute-api, one does not.

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"
}

resource "aws_api_gateway_rest_api" "fail_domain_bypass" {
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.fail_domain_bypass.id
  resource_id   = aws_api_gateway_rest_api.fail_domain_bypass.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "orders" {
  rest_api_id = aws_api_gateway_rest_api.fail_domain_bypass.id
  resource_id = aws_api_gateway_rest_api.fail_domain_bypass.root_resource_id
  http_method = aws_api_gateway_method.orders.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.fail_domain_bypass.id

  depends_on = [aws_api_gateway_integration.orders]
}

resource "aws_api_gateway_stage" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.fail_domain_bypass.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_domain_name" "orders" {
  domain_name              = "orders.api.example.com"
  regional_certificate_arn = var.certificate_arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.fail_domain_bypass.id
  stage_name  = aws_api_gateway_stage.orders.stage_name
  domain_name = aws_api_gateway_domain_name.orders.domain_name
}

resource "aws_api_gateway_rest_api" "pass_domain_only" {
  name                         = "payments"
  disable_execute_api_endpoint = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_method" "payments" {
  rest_api_id   = aws_api_gateway_rest_api.pass_domain_only.id
  resource_id   = aws_api_gateway_rest_api.pass_domain_only.root_resource_id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "payments" {
  rest_api_id = aws_api_gateway_rest_api.pass_domain_only.id
  resource_id = aws_api_gateway_rest_api.pass_domain_only.root_resource_id
  http_method = aws_api_gateway_method.payments.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "payments" {
  rest_api_id = aws_api_gateway_rest_api.pass_domain_only.id

  depends_on = [aws_api_gateway_integration.payments]
}

resource "aws_api_gateway_stage" "payments" {
  rest_api_id   = aws_api_gateway_rest_api.pass_domain_only.id
  deployment_id = aws_api_gateway_deployment.payments.id
  stage_name    = "prod"
}

resource "aws_api_gateway_domain_name" "payments" {
  domain_name              = "payments.api.example.com"
  regional_certificate_arn = var.certificate_arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "payments" {
  api_id      = aws_api_gateway_rest_api.pass_domain_only.id
  stage_name  = aws_api_gateway_stage.payments.stage_name
  domain_name = aws_api_gateway_domain_name.payments.domain_name
}

# No custom domain or CDN: the default endpoint is the only way in, so there is nothing to bypass.
resource "aws_api_gateway_rest_api" "pass_no_front" {
  name = "status"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
