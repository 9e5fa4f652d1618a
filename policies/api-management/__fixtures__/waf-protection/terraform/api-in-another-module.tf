# Stages whose API is declared elsewhere (another module or state). A REST API may be private, so a REST stage without
# a WAF cannot be verified; HTTP and WebSocket APIs are never private, so their stages fail without their API.

variable "rest_api_id" {
  type = string
}

variable "http_api_id" {
  type = string
}

resource "aws_api_gateway_stage" "rest_stage_may_be_private" {
  rest_api_id   = var.rest_api_id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "pass_rest_stage_protected" {
  rest_api_id   = var.rest_api_id
  deployment_id = "abc123"
  stage_name    = "live"
}

resource "aws_wafv2_web_acl" "blocking" {
  name  = "orders-api"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "orders-api"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "live" {
  resource_arn = aws_api_gateway_stage.pass_rest_stage_protected.arn
  web_acl_arn  = aws_wafv2_web_acl.blocking.arn
}

resource "aws_apigatewayv2_stage" "fail_http_stage" {
  api_id      = var.http_api_id
  name        = "$default"
  auto_deploy = true
}
