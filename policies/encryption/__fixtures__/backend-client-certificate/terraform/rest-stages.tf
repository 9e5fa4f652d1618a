# A REST API whose route proxies to an HTTP backend on the internet: the backend can trust the gateway only if the
# stage presents a client certificate.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "get_orders" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.get_orders.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://orders.example.com/orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id

  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_integration.get_orders.id]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_client_certificate" "orders_backend" {
  description = "Presented to orders.example.com, which trusts only this certificate"
}

resource "aws_api_gateway_stage" "pass_presents_certificate" {
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  deployment_id         = aws_api_gateway_deployment.orders.id
  stage_name            = "prod"
  client_certificate_id = aws_api_gateway_client_certificate.orders_backend.id
}

resource "aws_api_gateway_stage" "fail_no_certificate" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "staging"
}

# An API whose only route invokes a Lambda function has no HTTP backend to present a certificate to.
resource "aws_api_gateway_rest_api" "reports" {
  name = "reports"
}

resource "aws_api_gateway_method" "get_reports" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  resource_id   = aws_api_gateway_rest_api.reports.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "get_reports" {
  rest_api_id             = aws_api_gateway_rest_api.reports.id
  resource_id             = aws_api_gateway_rest_api.reports.root_resource_id
  http_method             = aws_api_gateway_method.get_reports.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:reports/invocations"
}

resource "aws_api_gateway_deployment" "reports" {
  rest_api_id = aws_api_gateway_rest_api.reports.id

  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_integration.get_reports.id]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "pass_lambda_only" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  deployment_id = aws_api_gateway_deployment.reports.id
  stage_name    = "prod"
}
