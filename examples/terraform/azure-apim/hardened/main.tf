# The payments API of ../insecure done right: TLS 1.2 only, the gateway in an Internal virtual network behind an
# Application Gateway WAF v2 in Prevention mode, validate-jwt with issuer and audience, rate limit and quota in
# the product, validate-content against the imported OpenAPI document, backend secrets from Key Vault, https
# backends with certificate validation, request logs to Application Insights without bodies.
# gatewarden scan examples/terraform/azure-apim/hardened

variable "tenant_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_resource_group" "payments" {
  name     = "rg-payments"
  location = "westeurope"
}

resource "azurerm_virtual_network" "payments" {
  name                = "vnet-payments"
  location            = azurerm_resource_group.payments.location
  resource_group_name = azurerm_resource_group.payments.name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "snet-appgw"
  resource_group_name  = azurerm_resource_group.payments.name
  virtual_network_name = azurerm_virtual_network.payments.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_subnet" "apim" {
  name                 = "snet-apim"
  resource_group_name  = azurerm_resource_group.payments.name
  virtual_network_name = azurerm_virtual_network.payments.name
  address_prefixes     = ["10.20.2.0/24"]
}

data "azurerm_key_vault" "payments" {
  name                = "kv-contoso-payments"
  resource_group_name = "rg-security"
}

data "azurerm_key_vault_secret" "ledger_key" {
  name         = "ledger-api-key"
  key_vault_id = data.azurerm_key_vault.payments.id
}

resource "azurerm_user_assigned_identity" "apim" {
  name                = "id-contoso-payments-apim"
  location            = azurerm_resource_group.payments.location
  resource_group_name = azurerm_resource_group.payments.name
}

resource "azurerm_api_management" "payments" {
  name                          = "contoso-payments"
  location                      = azurerm_resource_group.payments.location
  resource_group_name           = azurerm_resource_group.payments.name
  publisher_name                = "Contoso"
  publisher_email               = "api@contoso.example"
  sku_name                      = "Premium_1"
  virtual_network_type          = "Internal"
  public_network_access_enabled = true

  virtual_network_configuration {
    subnet_id = azurerm_subnet.apim.id
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.apim.id]
  }

  security {
    frontend_ssl30_enabled     = false
    frontend_tls10_enabled     = false
    frontend_tls11_enabled     = false
    backend_ssl30_enabled      = false
    backend_tls10_enabled      = false
    backend_tls11_enabled      = false
    triple_des_ciphers_enabled = false
  }
}

resource "azurerm_api_management_named_value" "ledger_key" {
  name                = "ledger-api-key"
  resource_group_name = azurerm_resource_group.payments.name
  api_management_name = azurerm_api_management.payments.name
  display_name        = "ledger-api-key"
  secret              = true

  value_from_key_vault {
    secret_id          = data.azurerm_key_vault_secret.ledger_key.versionless_id
    identity_client_id = azurerm_user_assigned_identity.apim.client_id
  }
}

resource "azurerm_api_management_named_value" "payments_audience" {
  name                = "payments-audience"
  resource_group_name = azurerm_resource_group.payments.name
  api_management_name = azurerm_api_management.payments.name
  display_name        = "payments-audience"
  value               = "api://contoso-payments"
}

resource "azurerm_api_management_backend" "ledger" {
  name                = "ledger"
  resource_group_name = azurerm_resource_group.payments.name
  api_management_name = azurerm_api_management.payments.name
  protocol            = "http"
  url                 = "https://ledger.internal.contoso.example/api"

  tls {
    validate_certificate_chain = true
    validate_certificate_name  = true
  }
}

resource "azurerm_api_management_api" "payments" {
  name                  = "payments"
  resource_group_name   = azurerm_resource_group.payments.name
  api_management_name   = azurerm_api_management.payments.name
  revision              = "1"
  display_name          = "Payments"
  path                  = "payments"
  protocols             = ["https"]
  subscription_required = true
  service_url           = "https://payments-backend.internal.contoso.example"

  import {
    content_format = "openapi"
    content_value  = <<YAML
openapi: 3.0.1
info:
  title: Payments
  version: "1.0"
paths:
  /charges:
    post:
      operationId: create-charge
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Charge"
      responses:
        "201":
          description: Created
  /charges/{id}:
    get:
      operationId: get-charge
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The charge
  /charges/{id}/refunds:
    post:
      operationId: refund
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Refund"
      responses:
        "201":
          description: Created
components:
  schemas:
    Charge:
      type: object
      additionalProperties: false
      required: [amount, currency, source]
      properties:
        amount: { type: integer, minimum: 1 }
        currency: { type: string, pattern: "^[A-Z]{3}$" }
        source: { type: string, maxLength: 64 }
    Refund:
      type: object
      additionalProperties: false
      required: [amount]
      properties:
        amount: { type: integer, minimum: 1 }
YAML
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
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized" require-scheme="Bearer">
      <openid-config url="https://login.microsoftonline.com/${var.tenant_id}/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>{{payments-audience}}</audience>
      </audiences>
      <issuers>
        <issuer>https://login.microsoftonline.com/${var.tenant_id}/v2.0</issuer>
      </issuers>
      <required-claims>
        <claim name="scp" match="any" separator=" ">
          <value>payments.write</value>
          <value>payments.read</value>
        </claim>
      </required-claims>
    </validate-jwt>
    <validate-content unspecified-content-type-action="prevent" max-size="16384" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">
      <content type="application/json" validate-as="json" action="prevent" />
    </validate-content>
    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="requestParametersValidation" />
    <set-backend-service backend-id="ledger" />
    <set-header name="X-Api-Key" exists-action="override">
      <value>{{ledger-api-key}}</value>
    </set-header>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
    <set-header name="X-Powered-By" exists-action="delete" />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>
XML
}

resource "azurerm_api_management_product" "partners" {
  product_id            = "payments-partners"
  api_management_name   = azurerm_api_management.payments.name
  resource_group_name   = azurerm_resource_group.payments.name
  display_name          = "Payments partners"
  subscription_required = true
  approval_required     = true
  subscriptions_limit   = 1
  published             = true
}

resource "azurerm_api_management_product_api" "partners_payments" {
  api_name            = azurerm_api_management_api.payments.name
  product_id          = azurerm_api_management_product.partners.product_id
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
}

resource "azurerm_api_management_product_policy" "partners" {
  product_id          = azurerm_api_management_product.partners.product_id
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="100" renewal-period="60" />
    <quota calls="200000" renewal-period="2592000" />
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

resource "azurerm_application_insights" "payments" {
  name                = "appi-contoso-payments"
  location            = azurerm_resource_group.payments.location
  resource_group_name = azurerm_resource_group.payments.name
  application_type    = "web"
}

resource "azurerm_api_management_logger" "payments" {
  name                = "appinsights"
  api_management_name = azurerm_api_management.payments.name
  resource_group_name = azurerm_resource_group.payments.name
  resource_id         = azurerm_application_insights.payments.id

  application_insights {
    connection_string = azurerm_application_insights.payments.connection_string
  }
}

# Request logs without bodies (body_bytes = 0), with W3C trace context.
resource "azurerm_api_management_diagnostic" "payments" {
  identifier                = "applicationinsights"
  resource_group_name       = azurerm_resource_group.payments.name
  api_management_name       = azurerm_api_management.payments.name
  api_management_logger_id  = azurerm_api_management_logger.payments.id
  sampling_percentage       = 100
  always_log_errors         = true
  log_client_ip             = true
  verbosity                 = "information"
  http_correlation_protocol = "W3C"

  frontend_request {
    body_bytes     = 0
    headers_to_log = ["content-type", "user-agent"]
  }

  backend_response {
    body_bytes     = 0
    headers_to_log = ["content-type"]
  }
}

# The only way in: an Application Gateway WAF v2 in Prevention mode, TLS 1.2+, HTTPS only.
resource "azurerm_web_application_firewall_policy" "payments" {
  name                = "wafpol-payments"
  resource_group_name = azurerm_resource_group.payments.name
  location            = azurerm_resource_group.payments.location

  policy_settings {
    enabled                     = true
    mode                        = "Prevention"
    request_body_check          = true
    max_request_body_size_in_kb = 128
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
    managed_rule_set {
      type    = "Microsoft_BotManagerRuleSet"
      version = "1.0"
    }
  }
}

resource "azurerm_public_ip" "gateway" {
  name                = "pip-agw-payments"
  resource_group_name = azurerm_resource_group.payments.name
  location            = azurerm_resource_group.payments.location
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_user_assigned_identity" "gateway" {
  name                = "id-agw-payments"
  location            = azurerm_resource_group.payments.location
  resource_group_name = azurerm_resource_group.payments.name
}

resource "azurerm_application_gateway" "payments" {
  name                = "agw-payments"
  resource_group_name = azurerm_resource_group.payments.name
  location            = azurerm_resource_group.payments.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.payments.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.gateway.id]
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  gateway_ip_configuration {
    name      = "gateway-ip"
    subnet_id = azurerm_subnet.gateway.id
  }

  frontend_port {
    name = "https"
    port = 443
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.gateway.id
  }

  ssl_certificate {
    name                = "payments-contoso-example"
    key_vault_secret_id = "${data.azurerm_key_vault.payments.vault_uri}secrets/payments-contoso-example"
  }

  backend_address_pool {
    name  = "apim"
    fqdns = [replace(azurerm_api_management.payments.gateway_url, "https://", "")]
  }

  backend_http_settings {
    name                                = "apim-https"
    cookie_based_affinity               = "Disabled"
    port                                = 443
    protocol                            = "Https"
    request_timeout                     = 60
    pick_host_name_from_backend_address = true
  }

  http_listener {
    name                           = "payments-https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    host_name                      = "payments.contoso.example"
    ssl_certificate_name           = "payments-contoso-example"
  }

  request_routing_rule {
    name                       = "payments"
    priority                   = 100
    rule_type                  = "Basic"
    http_listener_name         = "payments-https"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "apim-https"
  }
}
