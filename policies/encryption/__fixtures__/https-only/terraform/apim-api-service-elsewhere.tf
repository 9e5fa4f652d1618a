# APIs whose API Management service is managed in another configuration: an API's own `protocols` still decide
# whether that service's gateway answers http:// for it (a node for the service's default host as this API sees it).
resource "azurerm_api_management_api" "fail_http_and_https" {
  name                = "legacy-portal"
  resource_group_name = "rg-platform"
  api_management_name = "platform-apim"
  revision            = "1"
  path                = "portal"
  protocols           = ["http", "https"]
}

resource "azurerm_api_management_api" "pass_https" {
  name                = "billing"
  resource_group_name = "rg-platform"
  api_management_name = "platform-apim"
  revision            = "1"
  path                = "billing"
  protocols           = ["https"]
}

# protocols defaults to ["https"].
resource "azurerm_api_management_api" "pass_default_protocols" {
  name                = "catalog"
  resource_group_name = "rg-platform"
  api_management_name = "platform-apim"
  revision            = "1"
  path                = "catalog"
}
