# Stages of APIs whose methods require an API key need a usage plan with quota_settings.
resource "aws_api_gateway_rest_api" "partners" {
  name = "partners"
}

resource "aws_api_gateway_method" "get_quotes" {
  rest_api_id      = aws_api_gateway_rest_api.partners.id
  resource_id      = aws_api_gateway_rest_api.partners.root_resource_id
  http_method      = "GET"
  authorization    = "AWS_IAM"
  api_key_required = true
}

resource "aws_api_gateway_deployment" "partners" {
  rest_api_id = aws_api_gateway_rest_api.partners.id
}

resource "aws_api_gateway_stage" "pass_plan_with_quota" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = aws_api_gateway_deployment.partners.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "fail_plan_without_quota" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = aws_api_gateway_deployment.partners.id
  stage_name    = "beta"
}

# No usage plan here covers it: API Gateway rejects keys in no plan, so a plan managed elsewhere decides ("cannot verify").
resource "aws_api_gateway_stage" "keys_no_plan" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = aws_api_gateway_deployment.partners.id
  stage_name    = "dev"
}

# Covered by gold (a quota) and by internal_tools (none): the internal tools' keys are not capped.
resource "aws_api_gateway_stage" "fail_one_plan_without_quota" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = aws_api_gateway_deployment.partners.id
  stage_name    = "live"
}

resource "aws_api_gateway_usage_plan" "internal_tools" {
  name = "internal-tools"
  api_stages {
    api_id = aws_api_gateway_rest_api.partners.id
    stage  = aws_api_gateway_stage.fail_one_plan_without_quota.stage_name
  }
}

resource "aws_api_gateway_usage_plan" "gold" {
  name = "gold"
  api_stages {
    api_id = aws_api_gateway_rest_api.partners.id
    stage  = aws_api_gateway_stage.pass_plan_with_quota.stage_name
  }
  api_stages {
    api_id = aws_api_gateway_rest_api.partners.id
    stage  = aws_api_gateway_stage.fail_one_plan_without_quota.stage_name
  }
  quota_settings {
    limit  = 100000
    period = "MONTH"
  }
}

resource "aws_api_gateway_usage_plan" "beta" {
  name = "beta"
  api_stages {
    api_id = aws_api_gateway_rest_api.partners.id
    stage  = aws_api_gateway_stage.fail_plan_without_quota.stage_name
  }
  throttle_settings {
    rate_limit  = 10
    burst_limit = 20
  }
}

# An API that takes no keys needs no quota.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
}

resource "aws_api_gateway_method" "get_status" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
}

resource "aws_api_gateway_stage" "pass_no_keys" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = aws_api_gateway_deployment.internal.id
  stage_name    = "prod"
}
