# An internal APIM behind two gateways: a public one without a WAF, and one with private frontends only and a
# Prevention WAF. Internet traffic comes in through the public one, unfiltered: the other's WAF does not count.
resource "azurerm_api_management" "published" {
  name                 = "contoso-published"
  location             = "westeurope"
  resource_group_name  = "rg-apis"
  publisher_name       = "Contoso"
  publisher_email      = "api@contoso.example"
  sku_name             = "Developer_1"
  virtual_network_type = "Internal"
  virtual_network_configuration {
    subnet_id = "/subscriptions/0/resourceGroups/rg-apis/providers/Microsoft.Network/virtualNetworks/vnet/subnets/published"
  }
}

resource "azurerm_api_management_api" "fail_public_gateway_without_waf" {
  name                = "echo"
  resource_group_name = "rg-apis"
  api_management_name = azurerm_api_management.published.name
  revision            = "1"
  path                = "echo"
  protocols           = ["https"]
  service_url         = "https://echo.internal.contoso.example"
}

resource "azurerm_public_ip" "gateway" {
  name                = "pip-agw"
  resource_group_name = "rg-apis"
  location            = "westeurope"
  sku                 = "Standard"
  allocation_method   = "Static"
}

resource "azurerm_application_gateway" "agw_public" {
  name                = "agw_public"
  resource_group_name = "rg-apis"
  location            = "westeurope"
  sku {
    name     = "Standard_v2"
    tier     = "Standard_v2"
    capacity = 1
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101"
  }
  gateway_ip_configuration {
    name      = "ip"
    subnet_id = "/subscriptions/0/resourceGroups/rg-apis/providers/Microsoft.Network/virtualNetworks/vnet/subnets/agw_public"
  }
  frontend_ip_configuration {
    name                 = "frontend"
    public_ip_address_id = azurerm_public_ip.gateway.id
  }
  frontend_port {
    name = "https"
    port = 443
  }
  ssl_certificate {
    name                = "cert"
    key_vault_secret_id = "https://kv.vault.azure.net/secrets/cert"
  }
  backend_address_pool {
    name  = "apim"
    fqdns = ["${azurerm_api_management.published.name}.azure-api.net"]
  }
  backend_http_settings {
    name                  = "https"
    port                  = 443
    protocol              = "Https"
    cookie_based_affinity = "Disabled"
    host_name             = "${azurerm_api_management.published.name}.azure-api.net"
  }
  http_listener {
    name                           = "https"
    frontend_ip_configuration_name = "frontend"
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = "cert"
  }
  request_routing_rule {
    name                       = "apim"
    rule_type                  = "Basic"
    http_listener_name         = "https"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "https"
    priority                   = 100
  }
}

resource "azurerm_application_gateway" "agw_private" {
  name                = "agw_private"
  resource_group_name = "rg-apis"
  location            = "westeurope"
  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 1
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101"
  }
  gateway_ip_configuration {
    name      = "ip"
    subnet_id = "/subscriptions/0/resourceGroups/rg-apis/providers/Microsoft.Network/virtualNetworks/vnet/subnets/agw_private"
  }
  frontend_ip_configuration {
    name                          = "frontend"
    subnet_id                     = "/subscriptions/0/resourceGroups/rg-apis/providers/Microsoft.Network/virtualNetworks/vnet/subnets/agw_private"
    private_ip_address            = "10.20.1.10"
    private_ip_address_allocation = "Static"
  }
  frontend_port {
    name = "https"
    port = 443
  }
  ssl_certificate {
    name                = "cert"
    key_vault_secret_id = "https://kv.vault.azure.net/secrets/cert"
  }
  backend_address_pool {
    name  = "apim"
    fqdns = ["${azurerm_api_management.published.name}.azure-api.net"]
  }
  backend_http_settings {
    name                  = "https"
    port                  = 443
    protocol              = "Https"
    cookie_based_affinity = "Disabled"
    host_name             = "${azurerm_api_management.published.name}.azure-api.net"
  }
  http_listener {
    name                           = "https"
    frontend_ip_configuration_name = "frontend"
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = "cert"
  }
  request_routing_rule {
    name                       = "apim"
    rule_type                  = "Basic"
    http_listener_name         = "https"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "https"
    priority                   = 100
  }
  waf_configuration {
    enabled          = true
    firewall_mode    = "Prevention"
    rule_set_type    = "OWASP"
    rule_set_version = "3.2"
  }
}
