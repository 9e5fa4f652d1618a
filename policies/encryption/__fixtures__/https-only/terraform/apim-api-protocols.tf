# API Management serves an API over plain HTTP when its `protocols` include "http"; the gateway host names
# (default *.azure-api.net, proxy host names, custom domains) then answer http:// for that API.
resource "azurerm_resource_group" "api" {
  name     = "rg-apis"
  location = "westeurope"
}

resource "azurerm_api_management" "pass_https_only" {
  name                = "contoso-secure"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.pass_https_only.name
  revision            = "1"
  display_name        = "Orders"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

# protocols defaults to ["https"].
resource "azurerm_api_management_api" "catalog" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.pass_https_only.name
  revision            = "1"
  display_name        = "Catalog"
  path                = "catalog"
  service_url         = "https://catalog.internal.contoso.example"
}

resource "azurerm_api_management" "fail_http_api" {
  name                = "contoso-legacy"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"

  hostname_configuration {
    proxy {
      host_name    = "legacy-api.contoso.example"
      key_vault_id = "https://kv-contoso.vault.azure.net/secrets/legacy-api"
    }
  }
}

resource "azurerm_api_management_api" "legacy_devices" {
  name                = "devices"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.fail_http_api.name
  revision            = "1"
  display_name        = "Devices (old firmware speaks http)"
  path                = "devices"
  protocols           = ["http", "https"]
  service_url         = "https://devices.internal.contoso.example"
}

resource "azurerm_api_management_custom_domain" "fail_domain_of_http_service" {
  api_management_id = azurerm_api_management.fail_http_api.id

  gateway {
    host_name                = "devices.contoso.example"
    key_vault_certificate_id = "https://kv-contoso.vault.azure.net/secrets/devices"
  }
}
