# REST APIs that keep their execute-api endpoint, each with a CloudFront distribution in front. A disabled distribution
# serves no requests, so nothing goes around it; one whose `enabled` is a variable may: cannot verify.

variable "cdn_enabled" {
  type = bool
}

resource "aws_api_gateway_rest_api" "pass_behind_disabled_distribution" {
  name                         = "pass-behind-disabled-distribution"
  disable_execute_api_endpoint = false

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_cloudfront_distribution" "disabled" {
  enabled = false

  origin {
    domain_name = "${aws_api_gateway_rest_api.pass_behind_disabled_distribution.id}.execute-api.eu-west-1.amazonaws.com"
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

resource "aws_api_gateway_rest_api" "fail_behind_enabled_distribution" {
  name                         = "fail-behind-enabled-distribution"
  disable_execute_api_endpoint = false

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_cloudfront_distribution" "enabled" {
  enabled = true

  origin {
    domain_name = "${aws_api_gateway_rest_api.fail_behind_enabled_distribution.id}.execute-api.eu-west-1.amazonaws.com"
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

resource "aws_api_gateway_rest_api" "behind_distribution_maybe_enabled" {
  name                         = "behind-distribution-maybe-enabled"
  disable_execute_api_endpoint = false

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_cloudfront_distribution" "switched" {
  enabled = var.cdn_enabled

  origin {
    domain_name = "${aws_api_gateway_rest_api.behind_distribution_maybe_enabled.id}.execute-api.eu-west-1.amazonaws.com"
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
