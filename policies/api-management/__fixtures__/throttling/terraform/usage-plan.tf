# A usage plan with throttle_settings limits the stages it lists in api_stages.

resource "aws_api_gateway_rest_api" "api" {
  name = "partners"
}

resource "aws_api_gateway_resource" "quotes" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "quotes"
}

resource "aws_api_gateway_method" "get_quotes" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_resource.quotes.id
  http_method      = "GET"
  authorization    = "AWS_IAM"
  api_key_required = true
}

resource "aws_api_gateway_integration" "get_quotes" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.quotes.id
  http_method = aws_api_gateway_method.get_quotes.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id

  depends_on = [aws_api_gateway_integration.get_quotes]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "pass_plan_throttled" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "fail_plan_without_throttle" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "sandbox"
}

resource "aws_api_gateway_usage_plan" "gold" {
  name = "gold"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.pass_plan_throttled.stage_name
  }

  throttle_settings {
    rate_limit  = 50
    burst_limit = 20
  }

  quota_settings {
    limit  = 100000
    period = "MONTH"
  }
}

resource "aws_api_gateway_usage_plan" "sandbox" {
  name = "sandbox"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.fail_plan_without_throttle.stage_name
  }

  quota_settings {
    limit  = 1000
    period = "DAY"
  }
}

# Covered by gold (throttled) and by internal (not): the internal keys have no limit.
resource "aws_api_gateway_stage" "fail_one_plan_unthrottled" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "live"
}

resource "aws_api_gateway_usage_plan" "live" {
  name = "live"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.fail_one_plan_unthrottled.stage_name
  }

  throttle_settings {
    rate_limit  = 50
    burst_limit = 20
  }
}

resource "aws_api_gateway_usage_plan" "internal" {
  name = "internal"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.fail_one_plan_unthrottled.stage_name
  }
}
