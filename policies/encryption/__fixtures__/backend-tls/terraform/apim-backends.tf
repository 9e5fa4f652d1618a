# API Management → backend: backend entities, the API's service_url and set-backend-service in policies.
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

# Certificate chain and name validation default to on.
resource "azurerm_api_management_backend" "pass_https_verified" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "https://orders.internal.contoso.example/api"
}

resource "azurerm_api_management_backend" "pass_https_explicit_validation" {
  name                = "billing"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "https://billing.internal.contoso.example"

  tls {
    validate_certificate_chain = true
    validate_certificate_name  = true
  }
}

resource "azurerm_api_management_backend" "fail_plain_http" {
  name                = "inventory"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "http://inventory.contoso.example"
}

resource "azurerm_api_management_backend" "fail_chain_not_validated" {
  name                = "legacy-erp"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "https://erp.contoso.example"

  tls {
    validate_certificate_chain = false
    validate_certificate_name  = true
  }
}

resource "azurerm_api_management_backend" "fail_name_not_validated" {
  name                = "shipping"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "https://10.20.0.4"

  tls {
    validate_certificate_name = false
  }
}

resource "azurerm_api_management_api" "pass_https_service_url" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
  service_url         = "https://catalog.internal.contoso.example"
}

resource "azurerm_api_management_api" "fail_http_service_url" {
  name                = "stock"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "stock"
  protocols           = ["https"]
  service_url         = "http://stock.contoso.example:8080"
}

resource "azurerm_api_management_api" "payments" {
  name                = "payments"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payments"
  protocols           = ["https"]
  service_url         = "https://payments.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "charge" {
  operation_id        = "charge"
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Charge"
  method              = "POST"
  url_template        = "/charges"
}

# The policy sends every call of the API to a plain-HTTP base URL instead of service_url.
resource "azurerm_api_management_api_policy" "fail_policy_sends_to_http" {
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <set-backend-service base-url="http://payments-v2.contoso.example" />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>
XML
}

# The service still offers TLS 1.0 and 1.1 to every backend it calls.
resource "azurerm_api_management" "legacy" {
  name                = "contoso-legacy"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Standard_1"

  security {
    backend_tls10_enabled = true
    backend_tls11_enabled = true
  }
}

resource "azurerm_api_management_backend" "fail_backend_tls10_offered" {
  name                = "mainframe"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.legacy.name
  protocol            = "http"
  url                 = "https://mainframe.contoso.example"
}

resource "azurerm_api_management_api" "fail_service_url_tls10_offered" {
  name                = "accounts"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.legacy.name
  revision            = "1"
  path                = "accounts"
  service_url         = "https://accounts.contoso.example"
}
