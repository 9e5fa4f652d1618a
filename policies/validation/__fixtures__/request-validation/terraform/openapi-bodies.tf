# OpenAPI bodies: x-amazon-apigateway-request-validators declares validators, and
# x-amazon-apigateway-request-validator names the default one (document) or one per operation.
resource "aws_api_gateway_rest_api" "pass_default_validator" {
  name = "catalog"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "catalog", version = "1" }
    "x-amazon-apigateway-request-validators" = {
      all = { validateRequestBody = true, validateRequestParameters = true }
    }
    "x-amazon-apigateway-request-validator" = "all"
    paths = {
      "/items" = {
        get  = { parameters = [{ name = "q", in = "query", required = true, schema = { type = "string" } }] }
        post = { requestBody = { content = { "application/json" = { schema = { type = "object" } } } } }
      }
    }
  })
}

# The operation names a validator that checks parameters only: its POST body goes unchecked.
resource "aws_api_gateway_rest_api" "fail_post_params_only" {
  name = "carts"
  body = jsonencode({
    swagger = "2.0"
    info    = { title = "carts", version = "1" }
    "x-amazon-apigateway-request-validators" = {
      params = { validateRequestBody = false, validateRequestParameters = true }
    }
    paths = {
      "/carts" = {
        post = { "x-amazon-apigateway-request-validator" = "params" }
        get  = {}
      }
    }
  })
}

# The same as YAML, in a heredoc: no validator at all.
resource "aws_api_gateway_rest_api" "fail_yaml_heredoc_without_validator" {
  name = "payments"
  body = <<-YAML
    openapi: 3.0.1
    info:
      title: payments
      version: "1"
    paths:
      /payments:
        post:
          responses:
            "201":
              description: created
        options:
          responses:
            "200":
              description: preflight
  YAML
}

# yamlencode(...) bodies are read too.
resource "aws_api_gateway_rest_api" "pass_yamlencode_validated" {
  name = "shipping"
  body = yamlencode({
    openapi = "3.0.1"
    info    = { title = "shipping", version = "1" }
    "x-amazon-apigateway-request-validators" = {
      body = { validateRequestBody = true, validateRequestParameters = false }
    }
    paths = {
      "/shipments" = {
        "x-amazon-apigateway-any-method" = { "x-amazon-apigateway-request-validator" = "body" }
      }
    }
  })
}
