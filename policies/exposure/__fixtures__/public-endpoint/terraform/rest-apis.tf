# Internet-facing REST APIs are reported (with a severity that depends on authentication and WAF); private ones are not.

variable "execute_api_vpc_endpoint_id" {
  type    = string
  default = "vpce-0a1b2c3d4e5f67890"
}

# Edge-optimized (the default endpoint type), no authorization, no WAF.
resource "aws_api_gateway_rest_api" "fail_open_api" {
  name = "public-status"
}

resource "aws_api_gateway_method" "status" {
  rest_api_id   = aws_api_gateway_rest_api.fail_open_api.id
  resource_id   = aws_api_gateway_rest_api.fail_open_api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "status" {
  rest_api_id = aws_api_gateway_rest_api.fail_open_api.id
  resource_id = aws_api_gateway_rest_api.fail_open_api.root_resource_id
  http_method = aws_api_gateway_method.status.http_method
  type        = "MOCK"
}

# Regional and IAM-authenticated: still internet-facing, reported for the inventory.
resource "aws_api_gateway_rest_api" "fail_authenticated_api" {
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.fail_authenticated_api.id
  resource_id   = aws_api_gateway_rest_api.fail_authenticated_api.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "orders" {
  rest_api_id = aws_api_gateway_rest_api.fail_authenticated_api.id
  resource_id = aws_api_gateway_rest_api.fail_authenticated_api.root_resource_id
  http_method = aws_api_gateway_method.orders.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_rest_api" "pass_private_api" {
  name = "ledger-internal"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = [var.execute_api_vpc_endpoint_id]
  }
}

resource "aws_api_gateway_method" "ledger" {
  rest_api_id   = aws_api_gateway_rest_api.pass_private_api.id
  resource_id   = aws_api_gateway_rest_api.pass_private_api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "ledger" {
  rest_api_id = aws_api_gateway_rest_api.pass_private_api.id
  resource_id = aws_api_gateway_rest_api.pass_private_api.root_resource_id
  http_method = aws_api_gateway_method.ledger.http_method
  type        = "MOCK"
}

# Regional, default endpoint disabled and no custom domain or CDN: nothing can reach it.
resource "aws_api_gateway_rest_api" "pass_unreachable_api" {
  name                         = "decommissioned"
  disable_execute_api_endpoint = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
