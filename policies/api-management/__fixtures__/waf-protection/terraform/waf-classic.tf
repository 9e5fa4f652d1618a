# A stage associated with a WAF Classic web ACL (aws_wafregional_web_acl_association): WAF Classic rules are not
# modelled, so whether it blocks cannot be verified, neither a pass nor "no WAF". The other stage has no WAF at all.

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "waf_classic_on_stage" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "fail_no_waf" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "dev"
}

resource "aws_wafregional_web_acl" "classic" {
  name        = "orders-classic"
  metric_name = "ordersclassic"

  default_action {
    type = "BLOCK"
  }
}

resource "aws_wafregional_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.waf_classic_on_stage.arn
  web_acl_id   = aws_wafregional_web_acl.classic.id
}
