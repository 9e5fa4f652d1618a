# An OpenAPI body that requires an API key (an apiKey security scheme in the x-api-key header).
resource "aws_api_gateway_rest_api" "feeds" {
  name = "feeds"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "feeds", version = "1" }
    components = {
      securitySchemes = { api_key = { type = "apiKey", name = "x-api-key", in = "header" } }
    }
    paths = { "/feed" = { get = { security = [{ api_key = [] }] } } }
  })
}

resource "aws_api_gateway_deployment" "feeds" {
  rest_api_id = aws_api_gateway_rest_api.feeds.id
}

resource "aws_api_gateway_stage" "fail_spec_keys_no_quota" {
  rest_api_id   = aws_api_gateway_rest_api.feeds.id
  deployment_id = aws_api_gateway_deployment.feeds.id
  stage_name    = "prod"
}

# Its keys come through a plan with a throttle but no quota.
resource "aws_api_gateway_usage_plan" "feeds" {
  name = "feeds"
  api_stages {
    api_id = aws_api_gateway_rest_api.feeds.id
    stage  = aws_api_gateway_stage.fail_spec_keys_no_quota.stage_name
  }
  throttle_settings {
    rate_limit  = 10
    burst_limit = 20
  }
}
