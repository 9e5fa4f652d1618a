# Operations imported from an API's OpenAPI document declare their required query and header parameters there (also
# through $ref): without validate-parameters in the effective policy, the gateway lets requests without them through.
resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg-apis"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

locals {
  payees_spec = jsonencode({
    openapi = "3.0.1"
    info    = { title = "Payees", version = "1.0" }
    paths = {
      "/payees" = {
        get = {
          operationId = "list-payees"
          parameters = [
            { name = "page", in = "query", required = true, schema = { type = "integer" } },
            { "$ref" = "#/components/parameters/RequestId" },
          ]
          responses = { "200" = { description = "OK" } }
        }
      }
    }
    components = {
      parameters = {
        RequestId = { name = "RequestId", in = "header", required = true, schema = { type = "string" } }
      }
    }
  })
}

resource "azurerm_api_management_api" "fail_payees" {
  name                = "payees"
  resource_group_name = "rg-apis"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payees"
  protocols           = ["https"]
  service_url         = "https://payees.internal.contoso.example"
  import {
    content_format = "openapi+json"
    content_value  = local.payees_spec
  }
}

resource "azurerm_api_management_api" "pass_validated" {
  name                = "validated"
  resource_group_name = "rg-apis"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "validated"
  protocols           = ["https"]
  service_url         = "https://payees.internal.contoso.example"
  import {
    content_format = "openapi+json"
    content_value  = local.payees_spec
  }
}

resource "azurerm_api_management_api_policy" "validated" {
  api_name            = azurerm_api_management_api.pass_validated.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg-apis"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="errors" />
  </inbound>
</policies>
XML
}
