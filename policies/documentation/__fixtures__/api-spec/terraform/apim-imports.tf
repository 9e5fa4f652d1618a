# API Management APIs described by a specification: an `import` block (OpenAPI, Swagger, WSDL, WADL), inline or
# by link. APIs assembled operation by operation have no document of what they expose.
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

resource "azurerm_api_management_api" "pass_openapi_inline" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"

  import {
    content_format = "openapi"
    content_value  = <<YAML
openapi: 3.0.1
info:
  title: Orders
  version: "1.0"
paths:
  /orders/{id}:
    get:
      operationId: get-order
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The order
YAML
  }
}

resource "azurerm_api_management_api" "pass_openapi_link" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
  service_url         = "https://catalog.internal.contoso.example"

  import {
    content_format = "openapi+json-link"
    content_value  = "https://raw.githubusercontent.com/contoso/apis/main/catalog.json"
  }
}

resource "azurerm_api_management_api" "fail_operations_one_by_one" {
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
  api_name            = azurerm_api_management_api.fail_operations_one_by_one.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-invoices"
  method              = "GET"
  url_template        = "/invoices"
}

resource "azurerm_api_management_api_operation" "invoices_create" {
  operation_id        = "create-invoice"
  api_name            = azurerm_api_management_api.fail_operations_one_by_one.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "create-invoice"
  method              = "POST"
  url_template        = "/invoices"
}

resource "azurerm_api_management_api" "fail_no_operations_at_all" {
  name                = "legacy"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "legacy"
  protocols           = ["https"]
  service_url         = "https://legacy.internal.contoso.example"
}
