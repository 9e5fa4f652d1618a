# API Management ip-filter: an `allow` list that always runs in the service-wide or API policy lets only those
# addresses in (private ones only: not internet-facing); a `forbid` list blocks some and lets the rest in.
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

resource "azurerm_api_management_api" "pass_ip_filter_private_only" {
  name                = "payroll"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payroll"
  protocols           = ["https"]
  service_url         = "https://payroll.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "payroll" {
  api_name            = azurerm_api_management_api.pass_ip_filter_private_only.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <ip-filter action="allow">
      <address-range from="10.0.0.0" to="10.255.255.255" />
      <address>192.168.10.4</address>
    </ip-filter>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_ip_filter_forbid_list" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
  service_url         = "https://catalog.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "catalog" {
  api_name            = azurerm_api_management_api.fail_ip_filter_forbid_list.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <ip-filter action="forbid">
      <address>198.51.100.7</address>
    </ip-filter>
  </inbound>
</policies>
XML
}

# The API's allow list, but one operation's policy has no <base />: calls to that operation skip it.
resource "azurerm_api_management_api" "fail_operation_policy_drops_filter" {
  name                = "hr"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "hr"
  protocols           = ["https"]
  service_url         = "https://hr.internal.contoso.example"
}

resource "azurerm_api_management_api_policy" "hr" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_filter.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <ip-filter action="allow">
      <address-range from="10.0.0.0" to="10.255.255.255" />
    </ip-filter>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "hr_export" {
  operation_id        = "export"
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_filter.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Export"
  method              = "GET"
  url_template        = "/export"
}

resource "azurerm_api_management_api_operation_policy" "hr_export" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_filter.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  operation_id        = azurerm_api_management_api_operation.hr_export.operation_id
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="x-export" exists-action="override"><value>1</value></set-header>
  </inbound>
</policies>
XML
}
