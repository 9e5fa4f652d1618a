# WebSocket APIs authorize once, on $connect; other routes cannot carry an authorizer.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "chat" {
  api_id           = aws_apigatewayv2_api.chat.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:chat/invocations"
}

resource "aws_apigatewayv2_route" "fail_chat_connect_open" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$connect"
  target    = "integrations/${aws_apigatewayv2_integration.chat.id}"
}

resource "aws_apigatewayv2_route" "pass_chat_disconnect" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$disconnect"
  target    = "integrations/${aws_apigatewayv2_integration.chat.id}"
}

resource "aws_apigatewayv2_route" "pass_chat_send_message" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.chat.id}"
}

resource "aws_apigatewayv2_api" "notifications" {
  name                       = "notifications"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "notifications" {
  api_id           = aws_apigatewayv2_api.notifications.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:notifications/invocations"
}

resource "aws_apigatewayv2_route" "pass_notifications_connect_iam" {
  api_id             = aws_apigatewayv2_api.notifications.id
  route_key          = "$connect"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.notifications.id}"
}

resource "aws_apigatewayv2_route" "pass_notifications_default" {
  api_id    = aws_apigatewayv2_api.notifications.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.notifications.id}"
}
