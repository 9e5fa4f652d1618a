# AI gateway APIs: llm-token-limit / azure-openai-token-limit with tokens-per-minute limit each caller's token rate
# (429 past it), which throttles callers as a request rate does. A token quota alone is no rate limit.
resource "azurerm_resource_group" "api" {
  name     = "rg-ai"
  location = "westeurope"
}

resource "azurerm_api_management" "apim" {
  name                = "contoso-ai-gateway"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_token_rate" {
  name                = "chat"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "chat"
  protocols           = ["https"]
  service_url         = "https://chat.openai.azure.com/openai"
}

resource "azurerm_api_management_api_operation" "chat_chat" {
  operation_id        = "chat-completions"
  api_name            = azurerm_api_management_api.pass_token_rate.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Chat completions"
  method              = "POST"
  url_template        = "/deployments/{deployment-id}/chat/completions"
  template_parameter {
    name     = "deployment-id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_policy" "chat" {
  api_name            = azurerm_api_management_api.pass_token_rate.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" estimate-prompt-tokens="true" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_openai_token_rate" {
  name                = "embeddings"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "embeddings"
  protocols           = ["https"]
  service_url         = "https://embeddings.openai.azure.com/openai"
}

resource "azurerm_api_management_api_operation" "embeddings_chat" {
  operation_id        = "chat-completions"
  api_name            = azurerm_api_management_api.pass_openai_token_rate.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Chat completions"
  method              = "POST"
  url_template        = "/deployments/{deployment-id}/chat/completions"
  template_parameter {
    name     = "deployment-id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_policy" "embeddings" {
  api_name            = azurerm_api_management_api.pass_openai_token_rate.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <azure-openai-token-limit counter-key="@(context.Request.IpAddress)" tokens-per-minute="20000" />
  </inbound>
</policies>
XML
}

# A monthly budget stops no burst.
resource "azurerm_api_management_api" "fail_token_quota_only" {
  name                = "batch"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "batch"
  protocols           = ["https"]
  service_url         = "https://batch.openai.azure.com/openai"
}

resource "azurerm_api_management_api_operation" "batch_chat" {
  operation_id        = "chat-completions"
  api_name            = azurerm_api_management_api.fail_token_quota_only.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Chat completions"
  method              = "POST"
  url_template        = "/deployments/{deployment-id}/chat/completions"
  template_parameter {
    name     = "deployment-id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_policy" "batch" {
  api_name            = azurerm_api_management_api.fail_token_quota_only.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <llm-token-limit counter-key="@(context.Subscription.Id)" token-quota="1000000" token-quota-period="Monthly" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_no_limit" {
  name                = "assistants"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "assistants"
  protocols           = ["https"]
  service_url         = "https://assistants.openai.azure.com/openai"
}

resource "azurerm_api_management_api_operation" "assistants_chat" {
  operation_id        = "chat-completions"
  api_name            = azurerm_api_management_api.fail_no_limit.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Chat completions"
  method              = "POST"
  url_template        = "/deployments/{deployment-id}/chat/completions"
  template_parameter {
    name     = "deployment-id"
    type     = "string"
    required = true
  }
}
