# API Management quotas: an API that takes subscription keys (subscription_required defaults to true) needs a
# quota / quota-by-key in the service-wide, product or API policy.
resource "azurerm_resource_group" "api" {
  name     = "rg-apis"
  location = "westeurope"
}

resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_no_subscription" {
  name                = "status"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "status"
  protocols           = ["https"]
  service_url         = "https://status.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "status_get" {
  operation_id        = "get-status"
  api_name            = azurerm_api_management_api.pass_no_subscription.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-status"
  method              = "GET"
  url_template        = "/status"
}

resource "azurerm_api_management_api" "pass_product_quota" {
  name                = "partners"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "partners"
  protocols           = ["https"]
  service_url         = "https://partners.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "partners_list" {
  operation_id        = "list-partner-orders"
  api_name            = azurerm_api_management_api.pass_product_quota.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-partner-orders"
  method              = "GET"
  url_template        = "/orders"
}

resource "azurerm_api_management_product" "gold" {
  product_id            = "gold"
  api_management_name   = azurerm_api_management.apim.name
  resource_group_name   = azurerm_resource_group.api.name
  display_name          = "gold"
  subscription_required = true
  approval_required     = true
  subscriptions_limit   = 10
  published             = true
}

resource "azurerm_api_management_product_api" "gold_pass_product_quota" {
  api_name            = azurerm_api_management_api.pass_product_quota.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_product_policy" "gold" {
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="100" renewal-period="60" />
    <quota calls="100000" renewal-period="2592000" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_api_quota_by_key" {
  name                = "exports"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "exports"
  protocols           = ["https"]
  service_url         = "https://exports.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "exports_start" {
  operation_id        = "start-export"
  api_name            = azurerm_api_management_api.pass_api_quota_by_key.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "start-export"
  method              = "POST"
  url_template        = "/exports"
}

resource "azurerm_api_management_api_policy" "exports" {
  api_name            = azurerm_api_management_api.pass_api_quota_by_key.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <quota-by-key calls="1000" bandwidth="512000" renewal-period="86400" counter-key="@(context.Subscription.Id)" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_subscription_without_quota" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "orders_get" {
  operation_id        = "get-order"
  api_name            = azurerm_api_management_api.fail_subscription_without_quota.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-order"
  method              = "GET"
  url_template        = "/orders/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api" "fail_product_rate_limit_only" {
  name                = "suppliers"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "suppliers"
  protocols           = ["https"]
  service_url         = "https://suppliers.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "suppliers_list" {
  operation_id        = "list-suppliers"
  api_name            = azurerm_api_management_api.fail_product_rate_limit_only.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-suppliers"
  method              = "GET"
  url_template        = "/suppliers"
}

resource "azurerm_api_management_product" "bronze" {
  product_id            = "bronze"
  api_management_name   = azurerm_api_management.apim.name
  resource_group_name   = azurerm_resource_group.api.name
  display_name          = "bronze"
  subscription_required = true
  approval_required     = true
  subscriptions_limit   = 10
  published             = true
}

resource "azurerm_api_management_product_api" "bronze_fail_product_rate_limit_only" {
  api_name            = azurerm_api_management_api.fail_product_rate_limit_only.name
  product_id          = azurerm_api_management_product.bronze.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

# A rate limit bounds bursts, not volume.
resource "azurerm_api_management_product_policy" "bronze" {
  product_id          = azurerm_api_management_product.bronze.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="10" renewal-period="60" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management" "metered" {
  name                = "contoso-metered"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_policy" "metered" {
  api_management_id = azurerm_api_management.metered.id
  xml_content       = <<XML
<policies>
  <inbound>
    <quota-by-key calls="50000" renewal-period="604800" counter-key="@(context.Subscription?.Id ?? "anonymous")" />
  </inbound>
  <backend>
    <forward-request />
  </backend>
  <outbound />
  <on-error />
</policies>
XML
}

resource "azurerm_api_management_api" "pass_service_wide_quota" {
  name                = "telemetry"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.metered.name
  revision            = "1"
  path                = "telemetry"
  protocols           = ["https"]
  service_url         = "https://telemetry.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "telemetry_post" {
  operation_id        = "post-telemetry"
  api_name            = azurerm_api_management_api.pass_service_wide_quota.name
  api_management_name = azurerm_api_management.metered.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "post-telemetry"
  method              = "POST"
  url_template        = "/events"
}

# In gold (a quota), but the policy of its one operation has no <base />: gold's quota does not run for it.
resource "azurerm_api_management_api" "fail_operation_policy_drops_product" {
  name                = "refunds"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "refunds"
  protocols           = ["https"]
  service_url         = "https://refunds.internal.contoso.example"
}

resource "azurerm_api_management_product_api" "gold_fail_operation_policy_drops_product" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_product.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_api_operation" "refunds_create" {
  operation_id        = "refund-create"
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_product.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "refund-create"
  method              = "POST"
  url_template        = "/refunds"
}

resource "azurerm_api_management_api_operation_policy" "refunds_create" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_product.name
  operation_id        = azurerm_api_management_api_operation.refunds_create.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="X-Refund" exists-action="override"><value>1</value></set-header>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}
