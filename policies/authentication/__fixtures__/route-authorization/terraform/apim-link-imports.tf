# APIs imported from a link (content fetched at apply time): their operations are not known. One operation of unknown
# method and path stands for them, with what every path into them runs (service, product, API policies), and one
# for each operation policy of the API. A token checked by the API policy authenticates them all; a subscription key
# alone only identifies the caller; no check at all cannot be verified (any of them could be an OPTIONS preflight).
resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_token_checked_by_api_policy" {
  name                = "inference"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "inference"
  protocols           = ["https"]

  import {
    content_format = "openapi-link"
    content_value  = "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/inference.json"
  }
}

resource "azurerm_api_management_api_policy" "pass_token_checked_by_api_policy" {
  api_name            = azurerm_api_management_api.pass_token_checked_by_api_policy.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="contoso.onmicrosoft.com">
      <audiences><audience>api://inference</audience></audiences>
    </validate-azure-ad-token>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_subscription_key_only" {
  name                = "embeddings"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "embeddings"
  protocols           = ["https"]

  import {
    content_format = "swagger-link-json"
    content_value  = "https://example.com/specs/embeddings.json"
  }
}

resource "azurerm_api_management_api" "fail_operation_policy_drops_token_check" {
  name                = "chat"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "chat"
  protocols           = ["https"]

  import {
    content_format = "openapi+json-link"
    content_value  = "https://example.com/specs/chat.json"
  }
}

resource "azurerm_api_management_api_policy" "fail_operation_policy_drops_token_check" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_token_check.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="contoso.onmicrosoft.com">
      <audiences><audience>api://chat</audience></audiences>
    </validate-azure-ad-token>
  </inbound>
</policies>
XML
}

# No <base />: the API's token check does not run for this operation, whichever it is; only the key identifies callers.
resource "azurerm_api_management_api_operation_policy" "fail_operation_policy_drops_token_check" {
  api_name            = azurerm_api_management_api.fail_operation_policy_drops_token_check.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  operation_id        = "ChatCompletions_Create"
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="api-key" exists-action="delete" />
  </inbound>
</policies>
XML
}

# Open to anyone, but whether any of its operations is more than an OPTIONS preflight is not known: not verifiable.
resource "azurerm_api_management_api" "open_operations_not_known" {
  name                  = "completions"
  resource_group_name   = "rg"
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "completions"
  protocols             = ["https"]
  subscription_required = false

  import {
    content_format = "openapi-link"
    content_value  = "https://example.com/specs/completions.yaml"
  }
}
