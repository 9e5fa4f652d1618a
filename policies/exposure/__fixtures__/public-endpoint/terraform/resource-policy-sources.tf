# REST API resource policies that restrict who may invoke by source address (aws:SourceIp): only private ranges is
# not internet-facing, a few public ranges stays informational, and a Deny of Invoke to everyone lets nobody in.
# https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
resource "aws_api_gateway_rest_api" "pass_private_ranges_only" {
  name = "inventory"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { IpAddress = { "aws:SourceIp" = ["10.0.0.0/8", "172.16.0.0/12"] } }
    }]
  })
}

# AWS's documented pattern: allow everyone, deny everyone outside the listed range.
resource "aws_api_gateway_rest_api" "fail_public_range_only" {
  name = "partners"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { NotIpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
      },
    ]
  })
}

resource "aws_api_gateway_rest_api" "pass_invoke_denied_to_everyone" {
  name = "retired"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "*"
        Resource  = "*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      },
    ]
  })
}

# A Deny of one route leaves the others open.
resource "aws_api_gateway_rest_api" "fail_one_route_denied" {
  name = "orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*/DELETE/*"
      },
    ]
  })
}
