# API Management CORS: the cors policy of the service and the API (the API's own wins where both are set).
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

resource "azurerm_api_management_api" "pass_no_cors" {
  name                = "internal"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "internal"
  protocols           = ["https"]
  service_url         = "https://internal.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "internal_get" {
  operation_id        = "get-internal"
  api_name            = azurerm_api_management_api.pass_no_cors.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-internal"
  method              = "GET"
  url_template        = "/items"
}

resource "azurerm_api_management_api" "pass_named_origin_with_credentials" {
  name                = "account"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "account"
  protocols           = ["https"]
  service_url         = "https://account.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "account_get" {
  operation_id        = "get-account"
  api_name            = azurerm_api_management_api.pass_named_origin_with_credentials.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-account"
  method              = "GET"
  url_template        = "/me"
}

resource "azurerm_api_management_api_policy" "account" {
  api_name            = azurerm_api_management_api.pass_named_origin_with_credentials.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <cors allow-credentials="true">
      <allowed-origins>
        <origin>https://app.contoso.example</origin>
      </allowed-origins>
      <allowed-methods>
        <method>GET</method>
        <method>POST</method>
      </allowed-methods>
      <allowed-headers>
        <header>Authorization</header>
        <header>Content-Type</header>
      </allowed-headers>
    </cors>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://contoso-web</audience>
      </audiences>
    </validate-jwt>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_any_origin_with_credentials" {
  name                = "wallet"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "wallet"
  protocols           = ["https"]
  service_url         = "https://wallet.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "wallet_get" {
  operation_id        = "get-wallet"
  api_name            = azurerm_api_management_api.fail_any_origin_with_credentials.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-wallet"
  method              = "GET"
  url_template        = "/wallet"
}

# Any site can script calls that carry the visitor's credentials.
resource "azurerm_api_management_api_policy" "wallet" {
  api_name            = azurerm_api_management_api.fail_any_origin_with_credentials.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <cors allow-credentials="true">
      <allowed-origins>
        <origin>*</origin>
      </allowed-origins>
      <allowed-methods>
        <method>GET</method>
        <method>POST</method>
      </allowed-methods>
      <allowed-headers>
        <header>Authorization</header>
        <header>Content-Type</header>
      </allowed-headers>
    </cors>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://contoso-web</audience>
      </audiences>
    </validate-jwt>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_any_origin_on_authenticated_api" {
  name                = "profile"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "profile"
  protocols           = ["https"]
  service_url         = "https://profile.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "profile_get" {
  operation_id        = "get-profile"
  api_name            = azurerm_api_management_api.fail_any_origin_on_authenticated_api.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-profile"
  method              = "GET"
  url_template        = "/profile"
}

resource "azurerm_api_management_api_policy" "profile" {
  api_name            = azurerm_api_management_api.fail_any_origin_on_authenticated_api.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <cors>
      <allowed-origins>
        <origin>*</origin>
      </allowed-origins>
      <allowed-methods>
        <method>GET</method>
        <method>POST</method>
      </allowed-methods>
      <allowed-headers>
        <header>Authorization</header>
        <header>Content-Type</header>
      </allowed-headers>
    </cors>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://contoso-web</audience>
      </audiences>
    </validate-jwt>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_any_origin_on_public_api" {
  name                = "holidays"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "holidays"
  protocols           = ["https"]
  service_url         = "https://holidays.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "holidays_get" {
  operation_id        = "list-holidays"
  api_name            = azurerm_api_management_api.pass_any_origin_on_public_api.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-holidays"
  method              = "GET"
  url_template        = "/holidays"
}

# Public, unauthenticated data: any origin may read it.
resource "azurerm_api_management_api_policy" "holidays" {
  api_name            = azurerm_api_management_api.pass_any_origin_on_public_api.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <cors allow-credentials="false">
      <allowed-origins>
        <origin>*</origin>
      </allowed-origins>
      <allowed-methods>
        <method>GET</method>
        <method>POST</method>
      </allowed-methods>
      <allowed-headers>
        <header>Authorization</header>
        <header>Content-Type</header>
      </allowed-headers>
    </cors>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management" "shared" {
  name                = "contoso-shared"
  location            = azurerm_resource_group.api.location
  resource_group_name = azurerm_resource_group.api.name
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_policy" "shared" {
  api_management_id = azurerm_api_management.shared.id
  xml_content       = <<XML
<policies>
  <inbound>
    <cors allow-credentials="true">
      <allowed-origins>
        <origin>*</origin>
      </allowed-origins>
      <allowed-methods>
        <method>GET</method>
        <method>POST</method>
      </allowed-methods>
      <allowed-headers>
        <header>Authorization</header>
        <header>Content-Type</header>
      </allowed-headers>
    </cors>
  </inbound>
  <backend>
    <forward-request />
  </backend>
  <outbound />
  <on-error />
</policies>
XML
}

resource "azurerm_api_management_api" "fail_inherits_service_wide_wildcard" {
  name                = "cart"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.shared.name
  revision            = "1"
  path                = "cart"
  protocols           = ["https"]
  service_url         = "https://cart.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "cart_get" {
  operation_id        = "get-cart"
  api_name            = azurerm_api_management_api.fail_inherits_service_wide_wildcard.name
  api_management_name = azurerm_api_management.shared.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "get-cart"
  method              = "GET"
  url_template        = "/cart"
}
