# API Management secrets in code: named values that hold a credential written literally (secret = true only hides
# it in the portal, the value is still in version control), and subscriptions with literal keys.
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

variable "erp_password" {
  type      = string
  sensitive = true
}

resource "azurerm_key_vault_secret" "partner_key" {
  name         = "partner-api-key"
  value        = var.erp_password
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-apis/providers/Microsoft.KeyVault/vaults/kv-contoso"
}

data "azurerm_key_vault_secret" "gold_primary" {
  name         = "gold-subscription-primary"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-apis/providers/Microsoft.KeyVault/vaults/kv-contoso"
}

resource "azurerm_api_management_named_value" "fail_literal_key_not_secret" {
  name                = "backend-api-key"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "backend-api-key"
  value               = "EXAMPLEk3yN0tRealButL1teral0123456789"
  secret              = false
}

resource "azurerm_api_management_named_value" "fail_literal_even_if_secret" {
  name                = "erp-connection"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "erp-connection"
  value               = "Server=erp.contoso.example;User Id=apim;Password=EXAMPLE-not-a-real-password"
  secret              = true
}

# A placeholder: the real value is set in the portal and Terraform is told to leave it alone.
resource "azurerm_api_management_named_value" "pass_placeholder_set_in_portal" {
  name                = "openai-api-key"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "openai-api-key"
  value               = "VALUE_REPLACED_IN_PORTAL"
  secret              = true
  lifecycle {
    ignore_changes = [value]
  }
}

resource "azurerm_api_management_named_value" "pass_key_vault_reference" {
  name                = "partner-api-key"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "partner-api-key"
  secret              = true

  value_from_key_vault {
    secret_id = azurerm_key_vault_secret.partner_key.versionless_id
  }
}

resource "azurerm_api_management_named_value" "pass_from_sensitive_variable" {
  name                = "erp-password"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "erp-password"
  value               = var.erp_password
  secret              = true
}

# Not a credential: not a key at all.
resource "azurerm_api_management_named_value" "orders_audience" {
  name                = "orders-audience"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  display_name        = "orders-audience"
  value               = "api://contoso-orders"
}

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_product" "gold" {
  product_id            = "gold"
  api_management_name   = azurerm_api_management.apim.name
  resource_group_name   = azurerm_resource_group.api.name
  display_name          = "gold"
  subscription_required = true
  approval_required     = true
  subscriptions_limit   = 10
  published             = true
}

resource "azurerm_api_management_product_api" "gold_orders" {
  api_name            = azurerm_api_management_api.orders.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
}

resource "azurerm_api_management_subscription" "fail_literal_subscription_key" {
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  product_id          = azurerm_api_management_product.gold.id
  display_name        = "Fabrikam (gold)"
  state               = "active"
  primary_key         = "EXAMPLE0subscription0key0not0real0001"
  secondary_key       = "EXAMPLE0subscription0key0not0real0002"
}

# APIM generates the keys.
resource "azurerm_api_management_subscription" "pass_generated_keys" {
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  product_id          = azurerm_api_management_product.gold.id
  display_name        = "Northwind (gold)"
  state               = "active"
}

resource "azurerm_api_management_subscription" "pass_keys_from_key_vault" {
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  product_id          = azurerm_api_management_product.gold.id
  display_name        = "Tailspin (gold)"
  state               = "active"
  primary_key         = data.azurerm_key_vault_secret.gold_primary.value
}
