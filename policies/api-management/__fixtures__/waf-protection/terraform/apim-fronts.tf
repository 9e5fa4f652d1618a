# API Management behind a WAF: an Application Gateway WAF policy or a Front Door firewall policy in front of the
# service's gateway. Detection mode only logs. A gateway reachable only inside its VNet or through private
# endpoints is not on the internet a WAF filters.
resource "azurerm_resource_group" "api" {
  name     = "rg-apis"
  location = "westeurope"
}


resource "azurerm_virtual_network" "apim" {
  name                = "vnet-apim"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  address_space       = ["10.10.0.0/16"]
}

resource "azurerm_subnet" "apim_gateway" {
  name                 = "snet-appgw"
  resource_group_name  = azurerm_resource_group.api.name
  virtual_network_name = azurerm_virtual_network.apim.name
  address_prefixes     = ["10.10.1.0/24"]
}

resource "azurerm_subnet" "apim_apim" {
  name                 = "snet-apim"
  resource_group_name  = azurerm_resource_group.api.name
  virtual_network_name = azurerm_virtual_network.apim.name
  address_prefixes     = ["10.10.2.0/24"]
}
resource "azurerm_api_management" "exposed" {
  name                = "contoso-exposed"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "fail_nothing_in_front" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.exposed.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management" "behind_prevention" {
  name                = "contoso-agw-prevention"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_app_gateway_waf_prevention" {
  name                = "payments"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.behind_prevention.name
  revision            = "1"
  path                = "payments"
  protocols           = ["https"]
  service_url         = "https://payments.internal.contoso.example"
}

resource "azurerm_web_application_firewall_policy" "prevention" {
  name                = "wafpol-prevention"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location

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

resource "azurerm_public_ip" "prevention" {
  name                = "pip-prevention"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_application_gateway" "prevention" {
  name                = "agw-prevention"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.prevention.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  gateway_ip_configuration {
    name      = "gateway-ip"
    subnet_id = azurerm_subnet.apim_gateway.id
  }

  frontend_port {
    name = "https"
    port = 443
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.prevention.id
  }

  ssl_certificate {
    name                = "api-contoso-example"
    key_vault_secret_id = "https://kv-contoso.vault.azure.net/secrets/api-contoso-example"
  }

  backend_address_pool {
    name  = "apim"
    fqdns = [replace(azurerm_api_management.behind_prevention.gateway_url, "https://", "")]
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
    name                           = "api-https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    host_name                      = "api.contoso.example"
    ssl_certificate_name           = "api-contoso-example"
  }

  request_routing_rule {
    name                       = "api"
    priority                   = 100
    rule_type                  = "Basic"
    http_listener_name         = "api-https"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "apim-https"
  }
}

resource "azurerm_api_management" "behind_detection" {
  name                = "contoso-agw-detection"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "fail_app_gateway_waf_detection" {
  name                = "invoices"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.behind_detection.name
  revision            = "1"
  path                = "invoices"
  protocols           = ["https"]
  service_url         = "https://invoices.internal.contoso.example"
}

resource "azurerm_web_application_firewall_policy" "detection" {
  name                = "wafpol-detection"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location

  policy_settings {
    enabled                     = true
    mode                        = "Detection"
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

resource "azurerm_public_ip" "detection" {
  name                = "pip-detection"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_application_gateway" "detection" {
  name                = "agw-detection"
  resource_group_name = azurerm_resource_group.api.name
  location            = azurerm_resource_group.api.location
  firewall_policy_id  = azurerm_web_application_firewall_policy.detection.id

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  gateway_ip_configuration {
    name      = "gateway-ip"
    subnet_id = azurerm_subnet.apim_gateway.id
  }

  frontend_port {
    name = "https"
    port = 443
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.detection.id
  }

  ssl_certificate {
    name                = "api-contoso-example"
    key_vault_secret_id = "https://kv-contoso.vault.azure.net/secrets/api-contoso-example"
  }

  backend_address_pool {
    name  = "apim"
    fqdns = [replace(azurerm_api_management.behind_detection.gateway_url, "https://", "")]
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
    name                           = "api-https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    host_name                      = "invoices.contoso.example"
    ssl_certificate_name           = "api-contoso-example"
  }

  request_routing_rule {
    name                       = "api"
    priority                   = 100
    rule_type                  = "Basic"
    http_listener_name         = "api-https"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "apim-https"
  }
}

resource "azurerm_api_management" "behind_front_door" {
  name                = "contoso-afd"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "pass_front_door_waf_prevention" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.behind_front_door.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
  service_url         = "https://catalog.internal.contoso.example"
}

resource "azurerm_cdn_frontdoor_profile" "edge" {
  name                = "afd-edge"
  resource_group_name = azurerm_resource_group.api.name
  sku_name            = "Premium_AzureFrontDoor"
}

resource "azurerm_cdn_frontdoor_endpoint" "edge" {
  name                     = "api-edge"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.edge.id
}

resource "azurerm_cdn_frontdoor_origin_group" "edge" {
  name                     = "apim"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.edge.id

  load_balancing {
    sample_size                 = 4
    successful_samples_required = 3
  }

  health_probe {
    path                = "/status-0123456789abcdef"
    protocol            = "Https"
    interval_in_seconds = 100
  }
}

resource "azurerm_cdn_frontdoor_origin" "edge" {
  name                           = "apim-gateway"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.edge.id
  enabled                        = true
  certificate_name_check_enabled = true
  host_name                      = replace(azurerm_api_management.behind_front_door.gateway_url, "https://", "")
  origin_host_header             = replace(azurerm_api_management.behind_front_door.gateway_url, "https://", "")
  https_port                     = 443
  priority                       = 1
  weight                         = 1000
}

resource "azurerm_cdn_frontdoor_route" "edge" {
  name                          = "api"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.edge.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.edge.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.edge.id]
  supported_protocols           = ["Https"]
  patterns_to_match             = ["/*"]
  forwarding_protocol           = "HttpsOnly"
  https_redirect_enabled        = true
  link_to_default_domain        = true
}

resource "azurerm_cdn_frontdoor_firewall_policy" "edge" {
  name                = "wafedge"
  resource_group_name = azurerm_resource_group.api.name
  sku_name            = "Premium_AzureFrontDoor"
  enabled             = true
  mode                = "Prevention"

  managed_rule {
    type    = "Microsoft_DefaultRuleSet"
    version = "2.1"
    action  = "Block"
  }
}

resource "azurerm_cdn_frontdoor_security_policy" "edge" {
  name                     = "api-waf"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.edge.id

  security_policies {
    firewall {
      cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.edge.id

      association {
        patterns_to_match = ["/*"]

        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.edge.id
        }
      }
    }
  }
}

resource "azurerm_api_management" "internal" {
  name                = "contoso-internal"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"
  virtual_network_type = "Internal"

  virtual_network_configuration {
    subnet_id = azurerm_subnet.apim_apim.id
  }
}

resource "azurerm_api_management_api" "pass_internal_vnet" {
  name                = "hr"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.internal.name
  revision            = "1"
  path                = "hr"
  protocols           = ["https"]
  service_url         = "https://hr.internal.contoso.example"
}

resource "azurerm_api_management" "private" {
  name                = "contoso-private"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"
  public_network_access_enabled = false
}

resource "azurerm_api_management_api" "pass_private_endpoint_only" {
  name                = "ledger"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.private.name
  revision            = "1"
  path                = "ledger"
  protocols           = ["https"]
  service_url         = "https://ledger.internal.contoso.example"
}

# External VNet mode: the gateway keeps its public endpoint.
resource "azurerm_api_management" "external_vnet" {
  name                = "contoso-external"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"
  virtual_network_type = "External"

  virtual_network_configuration {
    subnet_id = azurerm_subnet.apim_apim.id
  }
}

resource "azurerm_api_management_api" "fail_external_vnet_without_waf" {
  name                = "shipping"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.external_vnet.name
  revision            = "1"
  path                = "shipping"
  protocols           = ["https"]
  service_url         = "https://shipping.internal.contoso.example"
}
