# API Management network exposure: without a virtual network, or in External mode, the gateway answers on the
# internet; Internal mode keeps it in the VNet, and public_network_access_enabled = false leaves private endpoints only.
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

# No virtual_network_type: "None", a public gateway.
resource "azurerm_api_management" "no_vnet" {
  name                = "contoso-public"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "fail_no_vnet" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.no_vnet.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "orders_get" {
  operation_id        = "get-order"
  api_name            = azurerm_api_management_api.fail_no_vnet.name
  api_management_name = azurerm_api_management.no_vnet.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-order"
  method              = "GET"
  url_template        = "/orders/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management" "external_vnet" {
  name                = "contoso-external"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"
  virtual_network_type          = "External"
  public_network_access_enabled = true

  virtual_network_configuration {
    subnet_id = azurerm_subnet.apim_apim.id
  }
}

resource "azurerm_api_management_api" "fail_external_vnet" {
  name                = "shipping"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.external_vnet.name
  revision            = "1"
  path                = "shipping"
  protocols           = ["https"]
  service_url         = "https://shipping.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "shipping_post" {
  operation_id        = "create-shipment"
  api_name            = azurerm_api_management_api.fail_external_vnet.name
  api_management_name = azurerm_api_management.external_vnet.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "create-shipment"
  method              = "POST"
  url_template        = "/shipments"
}

resource "azurerm_api_management" "internal_vnet" {
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
  api_management_name = azurerm_api_management.internal_vnet.name
  revision            = "1"
  path                = "hr"
  protocols           = ["https"]
  service_url         = "https://hr.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "hr_get" {
  operation_id        = "list-employees"
  api_name            = azurerm_api_management_api.pass_internal_vnet.name
  api_management_name = azurerm_api_management.internal_vnet.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-employees"
  method              = "GET"
  url_template        = "/employees"
}

resource "azurerm_api_management" "private_only" {
  name                = "contoso-private"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Premium_1"
  public_network_access_enabled = false
}

resource "azurerm_api_management_api" "pass_private_endpoints_only" {
  name                = "ledger"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.private_only.name
  revision            = "1"
  path                = "ledger"
  protocols           = ["https"]
  service_url         = "https://ledger.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "ledger_get" {
  operation_id        = "list-entries"
  api_name            = azurerm_api_management_api.pass_private_endpoints_only.name
  api_management_name = azurerm_api_management.private_only.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-entries"
  method              = "GET"
  url_template        = "/entries"
}

resource "azurerm_private_endpoint" "apim" {
  name                = "pe-contoso-private"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  subnet_id           = azurerm_subnet.apim_apim.id

  private_service_connection {
    name                           = "apim"
    private_connection_resource_id = azurerm_api_management.private_only.id
    subresource_names              = ["Gateway"]
    is_manual_connection           = false
  }
}
