# HTTP API stages take the same access_log_settings block.

resource "aws_apigatewayv2_api" "api" {
  name          = "inventory"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/inventory/access"
  retention_in_days = 90
}

resource "aws_apigatewayv2_stage" "pass_http_access_logged" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"
  }
}

resource "aws_apigatewayv2_stage" "fail_http_no_access_logs" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "beta"
  auto_deploy = true
}

# A destination of null sends the access logs nowhere.
resource "aws_apigatewayv2_stage" "fail_http_null_destination" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "gamma"
  auto_deploy = true

  access_log_settings {
    destination_arn = null
    format          = "$context.requestId"
  }
}
