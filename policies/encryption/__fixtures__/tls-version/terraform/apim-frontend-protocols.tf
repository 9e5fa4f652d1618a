# API Management gateways: the client-facing protocols and ciphers of the service apply to its default
# *.azure-api.net host, to every proxy host name and to every custom domain.
resource "azurerm_resource_group" "api" {
  name     = "rg-apis"
  location = "westeurope"
}

# No security block: SSL 3.0, TLS 1.0, TLS 1.1 and 3DES are all off by default.
resource "azurerm_api_management" "pass_defaults" {
  name                = "contoso-defaults"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management" "pass_explicitly_modern" {
  name                = "contoso-modern"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"

  security {
    frontend_ssl30_enabled     = false
    frontend_tls10_enabled     = false
    frontend_tls11_enabled     = false
    triple_des_ciphers_enabled = false
  }

  hostname_configuration {
    proxy {
      host_name    = "api.contoso.example"
      key_vault_id = "https://kv-contoso.vault.azure.net/secrets/api-contoso-example"
    }
  }
}

# Only the backend side is old: that is GW-TLS-003's business, clients still need TLS 1.2.
resource "azurerm_api_management" "pass_backend_only" {
  name                = "contoso-backend-legacy"
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

# Provider v4 names.
resource "azurerm_api_management" "fail_tls10" {
  name                = "contoso-tls10"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"

  security {
    frontend_tls10_enabled = true
    frontend_tls11_enabled = true
  }

  hostname_configuration {
    proxy {
      host_name    = "legacy.contoso.example"
      key_vault_id = "https://kv-contoso.vault.azure.net/secrets/legacy-contoso-example"
    }
  }
}

# A custom domain serves with the TLS settings of its service.
resource "azurerm_api_management_custom_domain" "fail_domain_on_tls10_service" {
  api_management_id = azurerm_api_management.fail_tls10.id

  gateway {
    host_name                = "partners.contoso.example"
    key_vault_certificate_id = "https://kv-contoso.vault.azure.net/secrets/partners-contoso-example"
  }
}

resource "azurerm_api_management_custom_domain" "pass_domain_on_modern_service" {
  api_management_id = azurerm_api_management.pass_explicitly_modern.id

  gateway {
    host_name                = "shop.contoso.example"
    key_vault_certificate_id = "https://kv-contoso.vault.azure.net/secrets/shop-contoso-example"
  }
}

# Provider v3 names.
resource "azurerm_api_management" "fail_tls11_v3_names" {
  name                = "contoso-tls11"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Standard_1"

  security {
    enable_frontend_tls11 = true
  }
}

resource "azurerm_api_management" "fail_ssl30" {
  name                = "contoso-ssl30"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Standard_1"

  security {
    frontend_ssl30_enabled = true
  }
}

# TLS 1.2 only, but TLS_RSA_WITH_3DES_EDE_CBC_SHA is still offered (Sweet32).
resource "azurerm_api_management" "fail_triple_des" {
  name                = "contoso-3des"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Standard_1"

  security {
    triple_des_ciphers_enabled = true
  }
}

resource "azurerm_api_management" "fail_triple_des_v3_names" {
  name                = "contoso-3des-v3"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Standard_1"

  security {
    enable_triple_des_ciphers = true
  }
}
