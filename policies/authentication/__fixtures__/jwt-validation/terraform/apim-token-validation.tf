# API Management token validation: each validate-jwt / validate-azure-ad-token is an authorizer on the policy
# resource that declares it; it must pin the issuer (issuers, openid-config or tenant-id) and the audience.
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

resource "azurerm_api_management_named_value" "orders_audience" {
  name                = "orders-audience"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "orders-audience"
  value               = "api://contoso-orders"
}

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "orders_list" {
  operation_id        = "list-orders"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List orders"
  method              = "GET"
  url_template        = "/orders"
}
resource "azurerm_api_management_api_policy" "pass_issuer_and_audience" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>{{orders-audience}}</audience>
      </audiences>
      <issuers>
        <issuer>https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0</issuer>
      </issuers>
    </validate-jwt>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "invoices" {
  name                = "invoices"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "invoices"
  protocols           = ["https"]
  service_url         = "https://invoices.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "invoices_list" {
  operation_id        = "list-invoices"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List invoices"
  method              = "GET"
  url_template        = "/invoices"
}
# Any token the tenant issues, for any application, is accepted.
resource "azurerm_api_management_api_policy" "fail_no_audience" {
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
    </validate-jwt>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "reports" {
  name                = "reports"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "reports"
  protocols           = ["https"]
  service_url         = "https://reports.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "reports_list" {
  operation_id        = "list-reports"
  api_name            = azurerm_api_management_api.reports.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List reports"
  method              = "GET"
  url_template        = "/reports"
}
# A signing key but no issuer: whoever holds the key can mint tokens under any issuer name.
resource "azurerm_api_management_api_policy" "fail_no_issuer" {
  api_name            = azurerm_api_management_api.reports.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <issuer-signing-keys>
        <key>{{reports-signing-key}}</key>
      </issuer-signing-keys>
      <audiences>
        <audience>api://contoso-reports</audience>
      </audiences>
    </validate-jwt>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "hr" {
  name                = "hr"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "hr"
  protocols           = ["https"]
  service_url         = "https://hr.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "hr_list" {
  operation_id        = "list-hr"
  api_name            = azurerm_api_management_api.hr.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List hr"
  method              = "GET"
  url_template        = "/hr"
}
resource "azurerm_api_management_api_policy" "pass_entra_token_with_client_ids" {
  api_name            = azurerm_api_management_api.hr.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="00000000-0000-0000-0000-000000000000">
      <client-application-ids>
        <application-id>11111111-1111-1111-1111-111111111111</application-id>
      </client-application-ids>
    </validate-azure-ad-token>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "payroll" {
  name                = "payroll"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payroll"
  protocols           = ["https"]
  service_url         = "https://payroll.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "payroll_list" {
  operation_id        = "list-payroll"
  api_name            = azurerm_api_management_api.payroll.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List payroll"
  method              = "GET"
  url_template        = "/payroll"
}
# Entra ID pins the tenant, but no audience or client application is checked.
resource "azurerm_api_management_api_policy" "fail_entra_token_any_audience" {
  api_name            = azurerm_api_management_api.payroll.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="00000000-0000-0000-0000-000000000000" />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}
