# A WebSocket API whose messages go to an HTTP backend on the internet: WebSocket stages can present a client
# certificate to it (HTTP API stages cannot).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "send" {
  api_id             = aws_apigatewayv2_api.chat.id
  integration_type   = "HTTP_PROXY"
  integration_method = "POST"
  integration_uri    = "https://chat-backend.example.com/messages"
}

resource "aws_apigatewayv2_route" "send" {
  api_id             = aws_apigatewayv2_api.chat.id
  route_key          = "sendmessage"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.send.id}"
}

resource "aws_api_gateway_client_certificate" "chat_backend" {
  description = "Presented to chat-backend.example.com"
}

resource "aws_apigatewayv2_stage" "pass_websocket_certificate" {
  api_id                = aws_apigatewayv2_api.chat.id
  name                  = "prod"
  client_certificate_id = aws_api_gateway_client_certificate.chat_backend.id
}

resource "aws_apigatewayv2_stage" "fail_websocket_no_certificate" {
  api_id = aws_apigatewayv2_api.chat.id
  name   = "staging"
}

# An HTTP API cannot present a client certificate to its backends: nothing to ask of its stage.
resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "catalog" {
  api_id             = aws_apigatewayv2_api.catalog.id
  integration_type   = "HTTP_PROXY"
  integration_method = "GET"
  integration_uri    = "https://catalog-backend.example.com"
}

resource "aws_apigatewayv2_route" "catalog" {
  api_id             = aws_apigatewayv2_api.catalog.id
  route_key          = "GET /items"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}

resource "aws_apigatewayv2_stage" "pass_http_api" {
  api_id = aws_apigatewayv2_api.catalog.id
  name   = "$default"
}
