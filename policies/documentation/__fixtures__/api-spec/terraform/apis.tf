# REST and HTTP APIs imported from an OpenAPI body are described by a spec; APIs assembled
# from route resources are not.
resource "aws_api_gateway_rest_api" "pass_rest_with_body" {
  name = "catalog"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "catalog", version = "1" }
    paths   = { "/items" = { get = {} } }
  })
}

resource "aws_api_gateway_rest_api" "fail_rest_assembled_from_resources" {
  name = "orders"
}

resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = aws_api_gateway_rest_api.fail_rest_assembled_from_resources.id
  resource_id   = aws_api_gateway_rest_api.fail_rest_assembled_from_resources.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

variable "spec_vars" {
  type = map(string)
}

# A templatefile() body is known only at apply time, but the API is still described by a spec.
resource "aws_api_gateway_rest_api" "pass_rest_templatefile_body" {
  name = "billing"
  body = templatefile("${path.module}/openapi.yaml.tpl", var.spec_vars)
}

resource "aws_apigatewayv2_api" "pass_http_with_body" {
  name          = "search"
  protocol_type = "HTTP"
  body          = yamlencode({ openapi = "3.0.1", info = { title = "search", version = "1" }, paths = {} })
}

resource "aws_apigatewayv2_api" "fail_http_quick_create" {
  name          = "hooks"
  protocol_type = "HTTP"
  target        = "arn:aws:lambda:eu-west-1:123456789012:function:hooks"
}

# API Gateway cannot import a specification for WebSocket APIs.
resource "aws_apigatewayv2_api" "pass_websocket" {
  name                       = "feed"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
