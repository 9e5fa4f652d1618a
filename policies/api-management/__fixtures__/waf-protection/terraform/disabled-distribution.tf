# REST APIs whose only WAF is on the CloudFront distribution in front of them. A disabled distribution serves no
# requests: its WAF protects nothing, and the stage is reached through its default endpoint. One whose `enabled` is a
# variable may or may not protect it: cannot verify.

variable "cdn_enabled" {
  type = bool
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "orders-edge"
  scope = "CLOUDFRONT"

  default_action {
    block {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "orders-edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_api_gateway_rest_api" "disabled" {
  name = "orders-disabled"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_stage" "fail_behind_disabled_distribution" {
  rest_api_id   = aws_api_gateway_rest_api.disabled.id
  deployment_id = "d1"
  stage_name    = "prod"
}

resource "aws_cloudfront_distribution" "disabled" {
  enabled    = false
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    domain_name = "${aws_api_gateway_rest_api.disabled.id}.execute-api.eu-west-1.amazonaws.com"
    origin_id   = "api"
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_api_gateway_rest_api" "enabled" {
  name = "orders-enabled"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_stage" "pass_behind_enabled_distribution" {
  rest_api_id   = aws_api_gateway_rest_api.enabled.id
  deployment_id = "d2"
  stage_name    = "prod"
}

resource "aws_cloudfront_distribution" "enabled" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    domain_name = "${aws_api_gateway_rest_api.enabled.id}.execute-api.eu-west-1.amazonaws.com"
    origin_id   = "api"
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_api_gateway_rest_api" "switched" {
  name = "orders-switched"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_stage" "behind_distribution_maybe_enabled" {
  rest_api_id   = aws_api_gateway_rest_api.switched.id
  deployment_id = "d3"
  stage_name    = "prod"
}

resource "aws_cloudfront_distribution" "switched" {
  enabled    = var.cdn_enabled
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    domain_name = "${aws_api_gateway_rest_api.switched.id}.execute-api.eu-west-1.amazonaws.com"
    origin_id   = "api"
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
