# REST API methods: a body method needs a validator that checks the body; a method with required
# query strings or headers needs one that checks parameters. GET and OPTIONS without parameters pass.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_request_validator" "all" {
  rest_api_id                 = aws_api_gateway_rest_api.orders.id
  name                        = "all"
  validate_request_body       = true
  validate_request_parameters = true
}

resource "aws_api_gateway_request_validator" "params_only" {
  rest_api_id                 = aws_api_gateway_rest_api.orders.id
  name                        = "params-only"
  validate_request_parameters = true
}

resource "aws_api_gateway_method" "pass_post_validated" {
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  resource_id          = aws_api_gateway_resource.orders.id
  http_method          = "POST"
  authorization        = "AWS_IAM"
  request_validator_id = aws_api_gateway_request_validator.all.id
}

resource "aws_api_gateway_method" "fail_put_without_validator" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "PUT"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "fail_patch_params_only" {
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  resource_id          = aws_api_gateway_resource.orders.id
  http_method          = "PATCH"
  authorization        = "AWS_IAM"
  request_validator_id = aws_api_gateway_request_validator.params_only.id
}

resource "aws_api_gateway_method" "fail_any_without_validator" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "ANY"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "pass_get_without_parameters" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "pass_options_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_resource" "search" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "search"
}

resource "aws_api_gateway_method" "fail_get_required_query_unvalidated" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.search.id
  http_method   = "GET"
  authorization = "AWS_IAM"
  request_parameters = {
    "method.request.querystring.q"    = true
    "method.request.querystring.page" = false
  }
}

resource "aws_api_gateway_method" "pass_head_required_header_validated" {
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  resource_id          = aws_api_gateway_resource.search.id
  http_method          = "HEAD"
  authorization        = "AWS_IAM"
  request_validator_id = aws_api_gateway_request_validator.params_only.id
  request_parameters = {
    "method.request.header.X-Tenant" = true
  }
}

resource "aws_api_gateway_method" "pass_get_optional_query" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
  request_parameters = {
    "method.request.querystring.page" = false
    "method.request.path.id"          = true
  }
}
