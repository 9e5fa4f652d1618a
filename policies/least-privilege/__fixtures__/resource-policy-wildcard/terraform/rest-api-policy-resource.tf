# The policy can also be attached with aws_api_gateway_rest_api_policy; {"AWS": "*"} is the same wildcard.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "fail_policy_attached_separately" {
  name = "reports"
}

resource "aws_api_gateway_rest_api_policy" "reports" {
  rest_api_id = aws_api_gateway_rest_api.fail_policy_attached_separately.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["execute-api:Invoke"]
        Resource  = "execute-api:/*"
      }
    ]
  })
}
