# Resource policies: an unconditional Allow for Principal "*" grants the API to everyone.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "fail_public_invoke" {
  name = "public-invoke"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      }
    ]
  })
}

# Private API reachable only through one VPC endpoint.
resource "aws_api_gateway_rest_api" "pass_private_vpce_only" {
  name = "internal"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0a1b2c3d4e5f67890"]
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = {
          StringEquals = {
            "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890"
          }
        }
      }
    ]
  })
}

# A partner account may invoke; everyone outside the office range is denied.
resource "aws_api_gateway_rest_api" "pass_account_and_deny" {
  name = "partners"

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::210987654321:root" },
          "Action": "execute-api:Invoke",
          "Resource": "execute-api:/*"
        },
        {
          "Effect": "Deny",
          "Principal": "*",
          "Action": "execute-api:Invoke",
          "Resource": "execute-api:/*",
          "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } }
        }
      ]
    }
  POLICY
}

resource "aws_api_gateway_rest_api" "pass_no_policy" {
  name = "no-policy"
}

# AWS's documented IP allow-list: Allow everyone, then Deny everyone outside the range.
resource "aws_api_gateway_rest_api" "pass_ip_allow_list" {
  name = "office-only"

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
        Condition = { NotIpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
      },
    ]
  })
}
