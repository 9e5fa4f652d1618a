# HTTP API stages throttle through default_route_settings, or route by route through route_settings.

resource "aws_apigatewayv2_api" "inventory" {
  name          = "inventory"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "inventory" {
  api_id                 = aws_apigatewayv2_api.inventory.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  integration_uri        = "https://inventory.internal.example.com"
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "get_items" {
  api_id             = aws_apigatewayv2_api.inventory.id
  route_key          = "GET /items"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.inventory.id}"
}

resource "aws_apigatewayv2_stage" "pass_default_route_throttled" {
  api_id      = aws_apigatewayv2_api.inventory.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 200
    throttling_burst_limit = 100
  }
}

resource "aws_apigatewayv2_stage" "fail_http_unthrottled" {
  api_id      = aws_apigatewayv2_api.inventory.id
  name        = "beta"
  auto_deploy = true
}

# Every route of this API has its own limit, so its stage is throttled even without default_route_settings.
resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "catalog" {
  api_id                 = aws_apigatewayv2_api.catalog.id
  integration_type       = "HTTP_PROXY"
  integration_method     = "ANY"
  integration_uri        = "https://catalog.internal.example.com"
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "list_products" {
  api_id             = aws_apigatewayv2_api.catalog.id
  route_key          = "GET /products"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}

resource "aws_apigatewayv2_route" "create_product" {
  api_id             = aws_apigatewayv2_api.catalog.id
  route_key          = "POST /products"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.catalog.id}"
}

resource "aws_apigatewayv2_stage" "pass_every_route_throttled" {
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true

  depends_on = [aws_apigatewayv2_route.list_products, aws_apigatewayv2_route.create_product]

  route_settings {
    route_key              = "GET /products"
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }

  route_settings {
    route_key              = "POST /products"
    throttling_rate_limit  = 10
    throttling_burst_limit = 5
  }
}
