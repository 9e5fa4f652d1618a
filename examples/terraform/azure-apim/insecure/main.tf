# A payments API on Azure API Management with the usual mistakes:
# TLS 1.0 and 3DES still on, the API served over http and https with no subscription and no token validation,
# a plain-HTTP backend and one whose certificate is not checked, a backend key written in code, CORS open to any
# site with credentials, nothing in front of the public gateway.
# gatewarden scan examples/terraform/azure-apim/insecure

resource "azurerm_resource_group" "payments" {
  name     = "rg-payments"
  location = "westeurope"
}

resource "azurerm_api_management" "payments" {
  name                = "contoso-payments"
  location            = azurerm_resource_group.payments.location
  resource_group_name = azurerm_resource_group.payments.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"

  # "for the old point-of-sale terminals"
  security {
    frontend_tls10_enabled     = true
    frontend_tls11_enabled     = true
    triple_des_ciphers_enabled = true
  }
}

# The backend's API key, in clear text, in version control.
resource "azurerm_api_management_named_value" "ledger_key" {
  name                = "ledger-api-key"
  resource_group_name = azurerm_resource_group.payments.name
  api_management_name = azurerm_api_management.payments.name
  display_name        = "ledger-api-key"
  value               = "EXAMPLE-ledger-key-0123456789abcdef0123"
  secret              = false
}

resource "azurerm_api_management_backend" "ledger" {
  name                = "ledger"
  resource_group_name = azurerm_resource_group.payments.name
  api_management_name = azurerm_api_management.payments.name
  protocol            = "http"
  url                 = "https://ledger.contoso.example/api"

  # "the certificate expired last year"
  tls {
    validate_certificate_chain = false
    validate_certificate_name  = false
  }
}

resource "azurerm_api_management_api" "payments" {
  name                  = "payments"
  resource_group_name   = azurerm_resource_group.payments.name
  api_management_name   = azurerm_api_management.payments.name
  revision              = "1"
  display_name          = "Payments"
  path                  = "payments"
  protocols             = ["http", "https"]
  subscription_required = false
  service_url           = "http://payments-backend.contoso.example"
}

resource "azurerm_api_management_api_operation" "create_charge" {
  operation_id        = "create-charge"
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  display_name        = "Create a charge"
  method              = "POST"
  url_template        = "/charges"
}

resource "azurerm_api_management_api_operation" "get_charge" {
  operation_id        = "get-charge"
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  display_name        = "Get a charge"
  method              = "GET"
  url_template        = "/charges/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_operation" "refund" {
  operation_id        = "refund"
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  display_name        = "Refund a charge"
  method              = "POST"
  url_template        = "/charges/{id}/refunds"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_policy" "payments" {
  api_name            = azurerm_api_management_api.payments.name
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <cors allow-credentials="true">
      <allowed-origins>
        <origin>*</origin>
      </allowed-origins>
      <allowed-methods>
        <method>*</method>
      </allowed-methods>
      <allowed-headers>
        <header>*</header>
      </allowed-headers>
    </cors>
    <set-header name="X-Api-Key" exists-action="override">
      <value>{{ledger-api-key}}</value>
    </set-header>
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

# Refunds go to the ledger backend, whose certificate is never checked.
resource "azurerm_api_management_api_operation_policy" "refund" {
  api_name            = azurerm_api_management_api.payments.name
  operation_id        = azurerm_api_management_api_operation.refund.operation_id
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <set-backend-service backend-id="ledger" />
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
