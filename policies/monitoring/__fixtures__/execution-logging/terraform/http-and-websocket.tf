# HTTP APIs have no execution logs (not applicable); WebSocket stages set them in default_route_settings.

resource "aws_apigatewayv2_api" "http" {
  name          = "inventory"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "pass_http_stage" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "pass_websocket_logged" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"

  default_route_settings {
    logging_level          = "ERROR"
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_apigatewayv2_stage" "fail_websocket_unlogged" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "dev"
}
