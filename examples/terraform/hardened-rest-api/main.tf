# The same payments API, hardened: Cognito on every route, TLS 1.2 custom domain with the
# execute-api endpoint disabled, a blocking WAF, throttling, full logging without bodies, tracing.

variable "environment" {
  type    = string
  default = "prod"
}

variable "rate_limit" {
  type    = number
  default = 100
}

locals {
  name        = "payments-${var.environment}"
  domain_name = "payments.example.com"
}

resource "aws_cognito_user_pool" "customers" {
  name = "${local.name}-customers"
}

resource "aws_api_gateway_rest_api" "payments" {
  name                         = local.name
  disable_execute_api_endpoint = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_authorizer" "cognito" {
  name          = "cognito"
  rest_api_id   = aws_api_gateway_rest_api.payments.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.customers.arn]
}

resource "aws_api_gateway_request_validator" "full" {
  name                        = "body-and-params"
  rest_api_id                 = aws_api_gateway_rest_api.payments.id
  validate_request_body       = true
  validate_request_parameters = true
}

resource "aws_api_gateway_resource" "charges" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = "charges"
}

resource "aws_api_gateway_method" "create_charge" {
  rest_api_id          = aws_api_gateway_rest_api.payments.id
  resource_id          = aws_api_gateway_resource.charges.id
  http_method          = "POST"
  authorization        = "COGNITO_USER_POOLS"
  authorizer_id        = aws_api_gateway_authorizer.cognito.id
  request_validator_id = aws_api_gateway_request_validator.full.id
}

resource "aws_api_gateway_integration" "create_charge" {
  rest_api_id             = aws_api_gateway_rest_api.payments.id
  resource_id             = aws_api_gateway_resource.charges.id
  http_method             = aws_api_gateway_method.create_charge.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "POST"
  uri                     = "https://payments.internal.example.com/charges"
}

resource "aws_api_gateway_deployment" "payments" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  depends_on  = [aws_api_gateway_integration.create_charge]
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${local.name}/access"
  retention_in_days = 365
}

# Presented to the payments backend, which accepts only requests that carry it.
resource "aws_api_gateway_client_certificate" "payments_backend" {
  description = "gateway identity for payments.internal.example.com"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.payments.id
  deployment_id         = aws_api_gateway_deployment.payments.id
  stage_name            = var.environment
  xray_tracing_enabled  = true
  client_certificate_id = aws_api_gateway_client_certificate.payments_backend.id

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false
    throttling_rate_limit  = var.rate_limit
    throttling_burst_limit = var.rate_limit * 2
  }
}

resource "aws_api_gateway_domain_name" "payments" {
  domain_name              = local.domain_name
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1f2e3d4c-0000-1111-2222-333344445555"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "payments" {
  api_id      = aws_api_gateway_rest_api.payments.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  domain_name = aws_api_gateway_domain_name.payments.domain_name
}

resource "aws_wafv2_web_acl" "api" {
  name  = "${local.name}-waf"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "aws-common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "aws-common"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "rate-limit"
    priority = 2

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "rate-limit"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.name}-waf"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}
