# A payments REST API as it is too often deployed: every mistake gatewarden looks for.

variable "stage_name" {
  type    = string
  default = "prod"
}

resource "aws_api_gateway_rest_api" "payments" {
  name = "payments"

  # Anyone may invoke, from anywhere.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
    }]
  })
}

resource "aws_api_gateway_resource" "charges" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = "charges"
}

resource "aws_api_gateway_method" "create_charge" {
  rest_api_id      = aws_api_gateway_rest_api.payments.id
  resource_id      = aws_api_gateway_resource.charges.id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "create_charge" {
  rest_api_id             = aws_api_gateway_rest_api.payments.id
  resource_id             = aws_api_gateway_resource.charges.id
  http_method             = aws_api_gateway_method.create_charge.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "POST"
  uri                     = "http://payments.internal.example.com/charges"
}

resource "aws_api_gateway_deployment" "payments" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  depends_on  = [aws_api_gateway_integration.create_charge]
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.payments.id
  deployment_id         = aws_api_gateway_deployment.payments.id
  stage_name            = var.stage_name
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level        = "INFO"
    data_trace_enabled   = true
    caching_enabled      = true
    cache_data_encrypted = false
  }
}

resource "aws_api_gateway_domain_name" "payments" {
  domain_name              = "payments.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1f2e3d4c-0000-1111-2222-333344445555"
  security_policy          = "TLS_1_0"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "payments" {
  api_id      = aws_api_gateway_rest_api.payments.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  domain_name = aws_api_gateway_domain_name.payments.domain_name
}

resource "aws_api_gateway_api_key" "partner" {
  name  = "partner-acme"
  value = "sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
}

resource "aws_api_gateway_usage_plan" "partners" {
  name = "partners"

  api_stages {
    api_id = aws_api_gateway_rest_api.payments.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_usage_plan_key" "partner" {
  key_id        = aws_api_gateway_api_key.partner.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.partners.id
}
