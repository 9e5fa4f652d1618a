# API keys are only useful inside a usage plan: a key in none is a credential nothing limits, waiting for a plan.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_usage_plan" "partners" {
  name = "partners"

  throttle_settings {
    rate_limit  = 50
    burst_limit = 100
  }
}

resource "aws_api_gateway_api_key" "pass_partner_in_plan" {
  name = "partner-acme"
}

resource "aws_api_gateway_usage_plan_key" "acme" {
  key_id        = aws_api_gateway_api_key.pass_partner_in_plan.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.partners.id
}

# Created for a partner, never added to a plan.
resource "aws_api_gateway_api_key" "fail_key_without_plan" {
  name = "partner-globex"
}

resource "aws_api_gateway_api_key" "pass_disabled_without_plan" {
  name    = "retired-initech"
  enabled = false
}

# APIM subscriptions name their product or API themselves.
resource "azurerm_api_management_subscription" "pass_apim_product_subscription" {
  api_management_name = "apim-example"
  resource_group_name = "rg-api"
  product_id          = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-api/providers/Microsoft.ApiManagement/service/apim-example/products/starter"
  display_name        = "Partner subscription"
  state               = "active"
}
