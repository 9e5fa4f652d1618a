# Operations imported from the API's OpenAPI document, with no azurerm_api_management_api_operation resources:
# an operation policy applies to the imported operation whose operationId is its operation_id (APIM's name for it).
# No subscription key is required: an operation whose effective policy checks no token is open to anyone.
resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_policy_fragment" "validate_token" {
  api_management_id = azurerm_api_management.apim.id
  name              = "validate-token"
  format            = "xml"
  value             = <<XML
<fragment>
  <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
    <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
    <audiences><audience>api://rtp</audience></audiences>
  </validate-jwt>
</fragment>
XML
}

resource "azurerm_api_management_api" "pass_token_in_operation_policy" {
  name                  = "send"
  resource_group_name   = "rg"
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "send"
  protocols             = ["https"]
  subscription_required = false

  import {
    content_format = "openapi"
    content_value  = <<YAML
openapi: 3.0.3
info: { title: send, version: "1" }
paths:
  /rtps:
    post:
      operationId: createRtp
      responses: { "201": { description: created } }
YAML
  }
}

# As pagopa/rtp-apis does: the token check is kept in a fragment the operation policy includes.
resource "azurerm_api_management_api_operation_policy" "create_rtp" {
  api_name            = azurerm_api_management_api.pass_token_in_operation_policy.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  operation_id        = "createRtp"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="validate-token" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_one_operation_without_policy" {
  name                  = "payees"
  resource_group_name   = "rg"
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "payees"
  protocols             = ["https"]
  subscription_required = false

  import {
    content_format = "openapi+json"
    content_value = jsonencode({
      openapi = "3.0.1"
      info    = { title = "payees", version = "1" }
      paths = {
        "/payees" = {
          get  = { operationId = "listPayees", responses = { "200" = { description = "OK" } } }
          post = { operationId = "createPayee", responses = { "201" = { description = "Created" } } }
        }
      }
    })
  }
}

# Only listPayees checks a token: createPayee is open.
resource "azurerm_api_management_api_operation_policy" "list_payees" {
  api_name            = azurerm_api_management_api.fail_one_operation_without_policy.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  operation_id        = "listPayees"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="validate-token" />
  </inbound>
</policies>
XML
}
