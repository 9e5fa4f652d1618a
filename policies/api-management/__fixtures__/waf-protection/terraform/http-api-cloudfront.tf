# HTTP APIs cannot be associated with a web ACL: one is fronted by CloudFront with a WAF, the other is not.

resource "aws_wafv2_web_acl" "edge" {
  name  = "catalog-edge"
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "known-bad-inputs"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "catalog-edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_apigatewayv2_api" "catalog" {
  name                         = "catalog"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = false
}

resource "aws_apigatewayv2_stage" "pass_behind_cloudfront" {
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_cloudfront_distribution" "catalog" {
  enabled    = true
  comment    = "catalog API"
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    origin_id   = "catalog-api"
    domain_name = replace(aws_apigatewayv2_api.catalog.api_endpoint, "https://", "")

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id         = "catalog-api"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac" # Managed-AllViewerExceptHostHeader
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

resource "aws_apigatewayv2_api" "inventory" {
  name          = "inventory"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "fail_http_direct" {
  api_id      = aws_apigatewayv2_api.inventory.id
  name        = "$default"
  auto_deploy = true
}

# Fronted by a distribution whose web ACL is looked up, not declared here: its rules are not known ("cannot verify"),
# which is not "no WAF".
data "aws_wafv2_web_acl" "shared" {
  name  = "shared-edge"
  scope = "CLOUDFRONT"
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "pass_behind_cloudfront_with_shared_acl" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_cloudfront_distribution" "orders" {
  enabled    = true
  web_acl_id = data.aws_wafv2_web_acl.shared.arn

  origin {
    origin_id   = "orders-api"
    domain_name = replace(aws_apigatewayv2_api.orders.api_endpoint, "https://", "")

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
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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

# A distribution switched by a condition of its own may not exist: whether the WAF stands in front is not known.
variable "cdn_enabled" {
  type = bool
}

resource "aws_apigatewayv2_api" "billing" {
  name          = "billing"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "pass_behind_optional_cloudfront" {
  api_id      = aws_apigatewayv2_api.billing.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_cloudfront_distribution" "billing" {
  count      = var.cdn_enabled ? 1 : 0
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn

  origin {
    origin_id   = "billing-api"
    domain_name = replace(aws_apigatewayv2_api.billing.api_endpoint, "https://", "")

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "billing-api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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
