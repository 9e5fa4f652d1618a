# API Management logs request and response bodies when a diagnostic asks for body_bytes above 0.
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

resource "azurerm_api_management_logger" "insights" {
  name                = "insights"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name

  application_insights {
    instrumentation_key = "00000000-0000-0000-0000-000000000000"
  }
}

resource "azurerm_api_management_api" "fail_logs_bodies" {
  name                = "payments"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payments"
  protocols           = ["https"]
}

resource "azurerm_api_management_api_diagnostic" "payments" {
  identifier               = "applicationinsights"
  resource_group_name      = azurerm_resource_group.api.name
  api_management_name      = azurerm_api_management.apim.name
  api_name                 = azurerm_api_management_api.fail_logs_bodies.name
  api_management_logger_id = azurerm_api_management_logger.insights.id

  frontend_request {
    body_bytes = 8192
  }
}

resource "azurerm_api_management_api" "pass_headers_only" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
}

resource "azurerm_api_management_api_diagnostic" "catalog" {
  identifier               = "applicationinsights"
  resource_group_name      = azurerm_resource_group.api.name
  api_management_name      = azurerm_api_management.apim.name
  api_name                 = azurerm_api_management_api.pass_headers_only.name
  api_management_logger_id = azurerm_api_management_logger.insights.id

  frontend_request {
    body_bytes     = 0
    headers_to_log = ["content-type"]
  }
}
