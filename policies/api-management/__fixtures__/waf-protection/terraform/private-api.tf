# A private REST API is reachable only through an interface VPC endpoint: no internet-facing WAF is needed.

variable "execute_api_vpc_endpoint_id" {
  type    = string
  default = "vpce-0a1b2c3d4e5f67890"
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "ledger-internal"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = [var.execute_api_vpc_endpoint_id]
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { StringEquals = { "aws:SourceVpce" = var.execute_api_vpc_endpoint_id } }
    }]
  })
}

resource "aws_api_gateway_resource" "entries" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  parent_id   = aws_api_gateway_rest_api.internal.root_resource_id
  path_part   = "entries"
}

resource "aws_api_gateway_method" "get_entries" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_resource.entries.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "get_entries" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  resource_id = aws_api_gateway_resource.entries.id
  http_method = aws_api_gateway_method.get_entries.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id

  depends_on = [aws_api_gateway_integration.get_entries]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "pass_private_stage" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = aws_api_gateway_deployment.internal.id
  stage_name    = "prod"
}
