# API Management rate limits: rate-limit / rate-limit-by-key that run on every request, in the service-wide,
# product or API policy, or in the policy of every operation. Nothing else limits callers of an APIM API.
resource "azurerm_resource_group" "api" {
  name     = "rg-apis"
  location = "westeurope"
}

resource "azurerm_api_management" "limited" {
  name                = "contoso-limited"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

# rate-limit is not allowed service-wide; rate-limit-by-key is.
resource "azurerm_api_management_policy" "limited" {
  api_management_id = azurerm_api_management.limited.id
  xml_content       = <<XML
<policies>
  <inbound>
    <rate-limit-by-key calls="300" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
  </inbound>
  <backend>
    <forward-request />
  </backend>
  <outbound />
  <on-error />
</policies>
XML
}

resource "azurerm_api_management_api" "pass_service_wide_limit" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.limited.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
  service_url         = "https://catalog.internal.contoso.example"
}

resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_api_rate_limit" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.pass_api_rate_limit.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="20" renewal-period="90" remaining-calls-variable-name="remainingCallsPerSubscription" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_product_rate_limit" {
  name                = "partners"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "partners"
  protocols           = ["https"]
  service_url         = "https://partners.internal.contoso.example"
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

resource "azurerm_api_management_product_api" "gold_pass_product_rate_limit" {
  api_name            = azurerm_api_management_api.pass_product_rate_limit.name
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

resource "azurerm_api_management_api" "fail_product_without_limit" {
  name                = "suppliers"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "suppliers"
  protocols           = ["https"]
  service_url         = "https://suppliers.internal.contoso.example"
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

resource "azurerm_api_management_product_api" "bronze_fail_product_without_limit" {
  api_name            = azurerm_api_management_api.fail_product_without_limit.name
  product_id          = azurerm_api_management_product.bronze.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_product_policy" "bronze" {
  product_id          = azurerm_api_management_product.bronze.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <set-header name="X-Product" exists-action="override"><value>bronze</value></set-header>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

# No policy at any level.
resource "azurerm_api_management_api" "fail_no_limit" {
  name                = "status"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "status"
  protocols           = ["https"]
  service_url         = "https://status.internal.contoso.example"
}

resource "azurerm_api_management_api" "fail_limit_only_under_condition" {
  name                = "search"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "search"
  protocols           = ["https"]
  service_url         = "https://search.internal.contoso.example"
}

# Only anonymous callers are limited: callers with a subscription key are not.
resource "azurerm_api_management_api_policy" "search" {
  api_name            = azurerm_api_management_api.fail_limit_only_under_condition.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(context.Subscription == null)">
        <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
      </when>
    </choose>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_every_operation_limited" {
  name                = "exports"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "exports"
  protocols           = ["https"]
  service_url         = "https://exports.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "exports_start" {
  operation_id        = "export-start"
  api_name            = azurerm_api_management_api.pass_every_operation_limited.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "export-start"
  method              = "POST"
  url_template        = "/exports/start"
}

resource "azurerm_api_management_api_operation_policy" "exports_start" {
  api_name            = azurerm_api_management_api.pass_every_operation_limited.name
  operation_id        = azurerm_api_management_api_operation.exports_start.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Subscription.Id)" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "exports_status" {
  operation_id        = "export-status"
  api_name            = azurerm_api_management_api.pass_every_operation_limited.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "export-status"
  method              = "GET"
  url_template        = "/exports/status"
}

resource "azurerm_api_management_api_operation_policy" "exports_status" {
  api_name            = azurerm_api_management_api.pass_every_operation_limited.name
  operation_id        = azurerm_api_management_api_operation.exports_status.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Subscription.Id)" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_one_operation_unlimited" {
  name                = "imports"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "imports"
  protocols           = ["https"]
  service_url         = "https://imports.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "imports_start" {
  operation_id        = "import-start"
  api_name            = azurerm_api_management_api.fail_one_operation_unlimited.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "import-start"
  method              = "POST"
  url_template        = "/imports"
}

resource "azurerm_api_management_api_operation_policy" "imports_start" {
  api_name            = azurerm_api_management_api.fail_one_operation_unlimited.name
  operation_id        = azurerm_api_management_api_operation.imports_start.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Subscription.Id)" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "imports_status" {
  operation_id        = "import-status"
  api_name            = azurerm_api_management_api.fail_one_operation_unlimited.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "import-status"
  method              = "GET"
  url_template        = "/imports/{id}"
}

# Requires no subscription: calls without a key reach it through no product, so gold's rate limit does not apply to them.
resource "azurerm_api_management_api" "fail_keyless_api_in_protected_product" {
  name                  = "weather"
  resource_group_name   = azurerm_resource_group.api.name
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "weather"
  protocols             = ["https"]
  service_url           = "https://weather.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "weather_forecast" {
  operation_id        = "forecast"
  api_name            = azurerm_api_management_api.fail_keyless_api_in_protected_product.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "forecast"
  method              = "GET"
  url_template        = "/forecast"
}

resource "azurerm_api_management_product_api" "gold_fail_keyless_api_in_protected_product" {
  api_name            = azurerm_api_management_api.fail_keyless_api_in_protected_product.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

# In gold (rate limited) and in bronze (not): bronze's subscribers have no limit.
resource "azurerm_api_management_api" "fail_one_product_without_limit" {
  name                = "invoices"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "invoices"
  protocols           = ["https"]
  service_url         = "https://invoices.internal.contoso.example"
}

resource "azurerm_api_management_product_api" "gold_fail_one_product_without_limit" {
  api_name            = azurerm_api_management_api.fail_one_product_without_limit.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_product_api" "bronze_fail_one_product_without_limit" {
  api_name            = azurerm_api_management_api.fail_one_product_without_limit.name
  product_id          = azurerm_api_management_product.bronze.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

# An open product (no subscription) takes the calls without a key, and limits them.
resource "azurerm_api_management_api" "pass_keyless_api_in_open_product" {
  name                  = "holidays"
  resource_group_name   = azurerm_resource_group.api.name
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "holidays"
  protocols             = ["https"]
  service_url           = "https://holidays.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "holidays_list" {
  operation_id        = "list"
  api_name            = azurerm_api_management_api.pass_keyless_api_in_open_product.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list"
  method              = "GET"
  url_template        = "/holidays"
}

resource "azurerm_api_management_product" "starter" {
  product_id            = "starter"
  api_management_name   = azurerm_api_management.apim.name
  resource_group_name   = azurerm_resource_group.api.name
  display_name          = "starter"
  subscription_required = false
  published             = true
}

resource "azurerm_api_management_product_api" "starter_pass_keyless_api_in_open_product" {
  api_name            = azurerm_api_management_api.pass_keyless_api_in_open_product.name
  product_id          = azurerm_api_management_product.starter.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_product_policy" "starter" {
  product_id          = azurerm_api_management_product.starter.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="30" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

# In gold (rate limited), but a subscription scoped to the API itself goes through no product: gold's policy does not
# run for the calls made with its keys.
resource "azurerm_api_management_api" "fail_api_scoped_subscription" {
  name                = "tracking"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "tracking"
  protocols           = ["https"]
  service_url         = "https://tracking.internal.contoso.example"
}

resource "azurerm_api_management_product_api" "gold_fail_api_scoped_subscription" {
  api_name            = azurerm_api_management_api.fail_api_scoped_subscription.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_subscription" "tracking_partner" {
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "tracking partner"
  api_id              = azurerm_api_management_api.fail_api_scoped_subscription.id
  state               = "active"
}

# In gold (rate limited), but its API policy has no <base />: gold's policy does not run for it.
resource "azurerm_api_management_api" "fail_api_policy_drops_product" {
  name                = "returns"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "returns"
  protocols           = ["https"]
  service_url         = "https://returns.internal.contoso.example"
}

resource "azurerm_api_management_product_api" "gold_fail_api_policy_drops_product" {
  api_name            = azurerm_api_management_api.fail_api_policy_drops_product.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_api_policy" "returns" {
  api_name            = azurerm_api_management_api.fail_api_policy_drops_product.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="X-Api" exists-action="override"><value>returns</value></set-header>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

# In gold (rate limited), but the policy of its one operation has no <base />: gold's policy does not run for it.
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
