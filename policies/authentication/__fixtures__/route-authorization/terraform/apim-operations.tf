# API Management operations: authenticated when the effective policy (service → product → API → operation)
# always validates a token; a required subscription key alone identifies the caller (medium); nothing at all is high.
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

# subscription_required defaults to true, and no policy validates a token.
resource "azurerm_api_management_api" "partners" {
  name                = "partners"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "partners"
  protocols           = ["https"]
  service_url         = "https://partners.internal.contoso.example"
}

resource "azurerm_api_management_api_operation" "fail_subscription_key_only" {
  operation_id        = "list-partner-orders"
  api_name            = azurerm_api_management_api.partners.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List partner orders"
  method              = "GET"
  url_template        = "/orders"
}

resource "azurerm_api_management_api" "public_status" {
  name                  = "status"
  resource_group_name   = azurerm_resource_group.api.name
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "status"
  protocols             = ["https"]
  service_url           = "https://status.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "fail_open_to_anyone" {
  operation_id        = "get-incidents"
  api_name            = azurerm_api_management_api.public_status.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Get incidents"
  method              = "GET"
  url_template        = "/incidents"
}

# CORS preflight requests carry no credentials.
resource "azurerm_api_management_api_operation" "pass_options_preflight" {
  operation_id        = "preflight"
  api_name            = azurerm_api_management_api.public_status.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Preflight"
  method              = "OPTIONS"
  url_template        = "/incidents"
}

resource "azurerm_api_management_api" "orders" {
  name                  = "orders"
  resource_group_name   = azurerm_resource_group.api.name
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "orders"
  protocols             = ["https"]
  service_url           = "https://orders.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized" require-scheme="Bearer">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://contoso-orders</audience>
      </audiences>
      <issuers>
        <issuer>https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0</issuer>
      </issuers>
    </validate-jwt>
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "pass_jwt_from_api_policy" {
  operation_id        = "get-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Get order"
  method              = "GET"
  url_template        = "/orders/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api" "hr" {
  name                  = "hr"
  resource_group_name   = azurerm_resource_group.api.name
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "hr"
  protocols             = ["https"]
  service_url           = "https://hr.internal.contoso.example"
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "pass_entra_token_on_operation" {
  operation_id        = "list-employees"
  api_name            = azurerm_api_management_api.hr.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "List employees"
  method              = "GET"
  url_template        = "/employees"
}

resource "azurerm_api_management_api_operation_policy" "pass_entra_token_on_operation" {
  api_name            = azurerm_api_management_api.hr.name
  operation_id        = azurerm_api_management_api_operation.pass_entra_token_on_operation.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="00000000-0000-0000-0000-000000000000">
      <client-application-ids>
        <application-id>11111111-1111-1111-1111-111111111111</application-id>
      </client-application-ids>
    </validate-azure-ad-token>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

# Comparing the Authorization header with a fixed value authenticates nobody.
resource "azurerm_api_management_api_operation" "fail_check_header_is_not_authentication" {
  operation_id        = "export-employees"
  api_name            = azurerm_api_management_api.hr.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Export employees"
  method              = "GET"
  url_template        = "/employees/export"
}

resource "azurerm_api_management_api_operation_policy" "fail_check_header_is_not_authentication" {
  api_name            = azurerm_api_management_api.hr.name
  operation_id        = azurerm_api_management_api_operation.fail_check_header_is_not_authentication.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <check-header name="Authorization" failed-check-httpcode="401" failed-check-error-message="Not authorized" ignore-case="false">
      <value>Basic ZXhwb3J0OmV4cG9ydA==</value>
    </check-header>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

# A token is validated only when a header is present: callers without it are let through.
resource "azurerm_api_management_api_operation" "conditional_token_check" {
  operation_id        = "get-employee"
  api_name            = azurerm_api_management_api.hr.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "Get employee"
  method              = "GET"
  url_template        = "/employees/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api_operation_policy" "conditional_token_check" {
  api_name            = azurerm_api_management_api.hr.name
  operation_id        = azurerm_api_management_api_operation.conditional_token_check.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(context.Request.Headers.ContainsKey("Authorization"))">
        <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
          <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
          <audiences>
            <audience>api://contoso-hr</audience>
          </audiences>
        </validate-jwt>
      </when>
    </choose>
  </inbound>
</policies>
XML
}
