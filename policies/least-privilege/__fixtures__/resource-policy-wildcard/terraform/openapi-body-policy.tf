# x-amazon-apigateway-policy in an OpenAPI body is the API's resource policy, unless the `policy`
# argument or an aws_api_gateway_rest_api_policy overrides it.
resource "aws_api_gateway_rest_api" "fail_body_policy_wildcard" {
  name = "public-reports"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "public-reports", version = "1" }
    paths   = {}
    "x-amazon-apigateway-policy" = {
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = ["execute-api:/*"]
      }]
    }
  })
}

resource "aws_api_gateway_rest_api" "pass_body_policy_with_condition" {
  name = "partner-reports"
  body = <<-YAML
    openapi: 3.0.1
    info: {title: partner-reports, version: "1"}
    paths: {}
    x-amazon-apigateway-policy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: "*"
          Action: execute-api:Invoke
          Resource: ["execute-api:/*"]
          Condition:
            StringEquals:
              aws:SourceVpce: vpce-0123456789abcdef0
  YAML
}

# The wildcard in the body is replaced by the narrower policy attached with aws_api_gateway_rest_api_policy.
resource "aws_api_gateway_rest_api" "pass_body_policy_overridden" {
  name = "internal-reports"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "internal-reports", version = "1" }
    paths   = {}
    "x-amazon-apigateway-policy" = {
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" }]
    }
  })
}

resource "aws_api_gateway_rest_api_policy" "internal_reports" {
  rest_api_id = aws_api_gateway_rest_api.pass_body_policy_overridden.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
    }]
  })
}

# The `policy` argument overrides the body's policy too, here with a wildcard of its own.
resource "aws_api_gateway_rest_api" "fail_policy_argument_overrides_body" {
  name = "archive"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "archive", version = "1" }
    paths   = {}
  })
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "execute-api:*", Resource = "*" }]
  })
}
