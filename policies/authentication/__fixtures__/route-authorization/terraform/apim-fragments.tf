# Policy fragments: <include-fragment> inserts the fragment's policies where it stands, so a token check kept in a
# fragment authenticates every operation whose policy includes it. A fragment the scan does not hold may check
# tokens or not: not verified.
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

resource "azurerm_api_management_policy_fragment" "validate_token" {
  api_management_id = azurerm_api_management.apim.id
  name              = "validate-token"
  format            = "rawxml"
  value             = <<XML
<fragment>
  <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
    <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
    <audiences>
      <audience>api://orders</audience>
    </audiences>
  </validate-jwt>
</fragment>
XML
}

resource "azurerm_api_management_policy_fragment" "correlation_id" {
  api_management_id = azurerm_api_management.apim.id
  name              = "correlation-id"
  format            = "xml"
  value             = <<XML
<fragment>
  <set-header name="x-correlation-id" exists-action="skip">
    <value>@(context.RequestId.ToString())</value>
  </set-header>
</fragment>
XML
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

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="validate-token" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "pass_token_checked_in_fragment" {
  operation_id        = "list-orders"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-orders"
  method              = "GET"
  url_template        = "/items"
}

# The fragment sets a header and checks nothing: the subscription key alone identifies the caller.
resource "azurerm_api_management_api" "billing" {
  name                = "billing"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "billing"
  protocols           = ["https"]
  service_url         = "https://billing.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "billing" {
  api_name            = azurerm_api_management_api.billing.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="correlation-id" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "fail_fragment_without_token_check" {
  operation_id        = "list-invoices"
  api_name            = azurerm_api_management_api.billing.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-invoices"
  method              = "GET"
  url_template        = "/items"
}

# The fragment is managed elsewhere (the portal, another configuration): what it holds is not known.
resource "azurerm_api_management_api" "shipping" {
  name                = "shipping"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "shipping"
  protocols           = ["https"]
  service_url         = "https://shipping.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "shipping" {
  api_name            = azurerm_api_management_api.shipping.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="shared-auth" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "unverified_fragment_not_in_scan" {
  operation_id        = "list-shipments"
  api_name            = azurerm_api_management_api.shipping.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-shipments"
  method              = "GET"
  url_template        = "/items"
}
