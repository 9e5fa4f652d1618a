# An HTTP API (which cannot carry a WAF itself) fronted by CloudFront with a WAF,
# JWT authentication, and its own custom domain as the CloudFront origin.

variable "issuer" {
  type    = string
  default = "https://auth.example.com/"
}

locals {
  api_domain = "orders-origin.example.com"
  audience   = ["orders-api"]
}

resource "aws_apigatewayv2_api" "orders" {
  name                         = "orders"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true

  cors_configuration {
    allow_origins     = ["https://shop.example.com"]
    allow_methods     = ["GET", "POST"]
    allow_credentials = true
  }
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  name             = "oidc"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.issuer
    audience = local.audience
  }
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id             = aws_apigatewayv2_api.orders.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = "https://orders.internal.example.com/{proxy}"
}

resource "aws_apigatewayv2_route" "list_orders" {
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_apigatewayv2_route" "create_order" {
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = "POST /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/orders/access"
  retention_in_days = 365
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_apigatewayv2_domain_name" "origin" {
  domain_name = local.api_domain

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "origin" {
  api_id      = aws_apigatewayv2_api.orders.id
  domain_name = aws_apigatewayv2_domain_name.origin.id
  stage       = aws_apigatewayv2_stage.default.id
}

resource "aws_wafv2_web_acl" "edge" {
  provider = aws.us_east_1
  name     = "orders-edge"
  scope    = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "aws-common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "aws-common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "orders-edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_cloudfront_distribution" "orders" {
  enabled    = true
  aliases    = ["orders.example.com"]
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    origin_id   = "orders-api"
    domain_name = aws_apigatewayv2_domain_name.origin.domain_name

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "orders-api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/ffffffff-0000-1111-2222-333333333333"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
