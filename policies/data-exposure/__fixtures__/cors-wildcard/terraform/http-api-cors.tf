# HTTP API CORS: any origin with credentials lets any site read responses with the user's credentials.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_apigatewayv2_api" "fail_any_origin_with_credentials" {
  name          = "accounts"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins     = ["*"]
    allow_methods     = ["GET", "POST"]
    allow_headers     = ["content-type"]
    allow_credentials = true
  }
}

resource "aws_apigatewayv2_api" "pass_named_origin_with_credentials" {
  name          = "profile"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins     = ["https://app.example.com"]
    allow_methods     = ["GET", "POST"]
    allow_headers     = ["authorization", "content-type"]
    allow_credentials = true
  }
}

# A public, unauthenticated read-only API may be shared with any origin.
resource "aws_apigatewayv2_api" "pass_public_any_origin" {
  name          = "status"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["GET"]
  }
}

resource "aws_apigatewayv2_integration" "status" {
  api_id                 = aws_apigatewayv2_api.pass_public_any_origin.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:eu-west-1:123456789012:function:status"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "status" {
  api_id             = aws_apigatewayv2_api.pass_public_any_origin.id
  route_key          = "GET /status"
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.status.id}"
}

resource "aws_apigatewayv2_api" "pass_no_cors" {
  name          = "internal"
  protocol_type = "HTTP"
}
