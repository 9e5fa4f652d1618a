# A spec read with file(): the validator checks bodies only, so GET /stock with its required
# `warehouse` query parameter (declared through a $ref) is not validated.
resource "aws_api_gateway_rest_api" "fail_file_spec_params_unvalidated" {
  name = "inventory"
  body = file("${path.module}/specs/inventory.yaml")
}

# HTTP APIs cannot validate requests: their routes are not checked.
resource "aws_apigatewayv2_api" "pass_http_api" {
  name          = "inventory-http"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "inventory-http", version = "1" }
    paths   = { "/stock" = { post = {} } }
  })
}

# WebSocket routes are not request-validated the REST way.
resource "aws_apigatewayv2_api" "ws" {
  name                       = "stock-feed"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "pass_websocket_message" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "update"
}
