# Policy fragments: <include-fragment> inserts the fragment's policies where it stands, so a rate limit kept in a
# fragment limits every API whose policy includes it. A fragment the scan does not hold may limit or not: not verified.
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

resource "azurerm_api_management_policy_fragment" "per_caller_limit" {
  api_management_id = azurerm_api_management.apim.id
  name              = "per-caller-limit"
  format            = "xml"
  value             = <<XML
<fragment>
  <rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Subscription.Id)" />
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

resource "azurerm_api_management_api" "pass_limit_in_fragment" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.pass_limit_in_fragment.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="per-caller-limit" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_fragment_without_limit" {
  name                = "billing"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "billing"
  protocols           = ["https"]
  service_url         = "https://billing.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "billing" {
  api_name            = azurerm_api_management_api.fail_fragment_without_limit.name
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

# The fragment is managed elsewhere (the portal, another configuration): what it holds is not known.
resource "azurerm_api_management_api" "unverified_fragment_not_in_scan" {
  name                = "shipping"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "shipping"
  protocols           = ["https"]
  service_url         = "https://shipping.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "shipping" {
  api_name            = azurerm_api_management_api.unverified_fragment_not_in_scan.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="shared-limits" />
  </inbound>
</policies>
XML
}
