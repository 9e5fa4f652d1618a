# API Management services whose APIs and backends are managed in other configurations: the protocols each service
# offers to its backends are still set here (provider v4 and v3 names), and apply to every backend it calls.
resource "azurerm_api_management" "pass_no_security_block" {
  name                = "platform-defaults"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Developer_1"
}

# Only the client side is old: that is GW-TLS-001's business.
resource "azurerm_api_management" "pass_frontend_only" {
  name                = "platform-frontend-legacy"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Standard_1"

  security {
    frontend_tls10_enabled = true
    backend_tls10_enabled  = false
    backend_tls11_enabled  = false
  }
}

resource "azurerm_api_management" "fail_backend_tls11" {
  name                = "platform-tls11"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Standard_1"

  security {
    backend_tls11_enabled = true
  }
}

resource "azurerm_api_management" "fail_backend_ssl30" {
  name                = "platform-ssl30"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Standard_1"

  security {
    backend_ssl30_enabled = true
  }
}

resource "azurerm_api_management" "fail_backend_tls10_v3_names" {
  name                = "platform-tls10-v3"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Standard_1"

  security {
    enable_backend_tls10 = true
  }
}

variable "inventory_url" {
  type = string
}

# A backend whose URL is known only at apply time: whatever its scheme, TLS 1.0 is on offer if it uses TLS.
resource "azurerm_api_management" "legacy" {
  name                = "platform-legacy"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  publisher_name      = "Platform"
  publisher_email     = "platform@example.org"
  sku_name            = "Standard_1"

  security {
    enable_backend_tls10 = true
  }
}

resource "azurerm_api_management_backend" "fail_url_unknown_tls10_offered" {
  name                = "inventory"
  resource_group_name = "rg-platform"
  api_management_name = azurerm_api_management.legacy.name
  protocol            = "http"
  url                 = var.inventory_url
}
