# Stages covered by web ACLs this code does not declare: looked up with a data source, or written as an ARN. Each is
# covered by a WAF whose rules are not known here ("cannot verify"), never "no WAF". The third stage has none.

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "pass_shared_by_data_source" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "pass_shared_by_arn" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "staging"
}

resource "aws_api_gateway_stage" "fail_no_waf" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "dev"
}

data "aws_wafv2_web_acl" "shared" {
  name  = "shared-api-waf"
  scope = "REGIONAL"
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.pass_shared_by_data_source.arn
  web_acl_arn  = data.aws_wafv2_web_acl.shared.arn
}

resource "aws_wafv2_web_acl_association" "staging" {
  resource_arn = aws_api_gateway_stage.pass_shared_by_arn.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared-api-waf/0a1b2c3d-1111-2222-3333-444455556666"
}
