# A REST stage whose API is declared elsewhere (another module or state): the stage type alone says it is a REST stage.

variable "rest_api_id" {
  type = string
}

resource "aws_api_gateway_stage" "fail_stage_without_tracing" {
  rest_api_id   = var.rest_api_id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "pass_stage_with_tracing" {
  rest_api_id          = var.rest_api_id
  deployment_id        = "abc123"
  stage_name           = "live"
  xray_tracing_enabled = true
}
