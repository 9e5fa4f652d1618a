# A REST stage whose API is declared elsewhere (another module or state): the stage type alone says it is a REST stage.

variable "rest_api_id" {
  type = string
}

resource "aws_api_gateway_stage" "fail_stage_without_settings" {
  rest_api_id   = var.rest_api_id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "pass_stage_logging_errors" {
  rest_api_id   = var.rest_api_id
  deployment_id = "abc123"
  stage_name    = "live"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = var.rest_api_id
  stage_name  = aws_api_gateway_stage.pass_stage_logging_errors.stage_name
  method_path = "*/*"

  settings {
    logging_level = "ERROR"
  }
}

# An HTTP or WebSocket API stage whose API is elsewhere: its logging level is read (HTTP APIs refuse one at apply).
variable "websocket_api_id" {
  type = string
}

resource "aws_apigatewayv2_stage" "pass_v2_stage_logging_errors" {
  api_id = var.websocket_api_id
  name   = "prod"

  default_route_settings {
    logging_level = "ERROR"
  }
}
