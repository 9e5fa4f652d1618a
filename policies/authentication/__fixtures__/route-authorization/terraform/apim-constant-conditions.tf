# A <when> condition may be a Boolean constant, often rendered from a variable (condition="${var.enable_auth}"):
# condition="true" runs its branch on every request no earlier branch takes, and the branches after it never run;
# condition="false" never runs. Operations open to anyone otherwise (no subscription key required).
variable "enable_auth" {
  type    = bool
  default = true
}

resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_policy_fragment" "validate_token" {
  api_management_id = azurerm_api_management.apim.id
  name              = "validate-token"
  format            = "xml"
  value             = <<XML
<fragment>
  <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
    <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
    <audiences><audience>api://orders</audience></audiences>
  </validate-jwt>
</fragment>
XML
}

resource "azurerm_api_management_api" "orders" {
  name                  = "orders"
  resource_group_name   = "rg"
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "orders"
  protocols             = ["https"]
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "pass_constant_true" {
  operation_id        = "list-orders"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "List orders"
  method              = "GET"
  url_template        = "/orders"
}

resource "azurerm_api_management_api_operation_policy" "pass_constant_true" {
  api_name            = azurerm_api_management_api.orders.name
  operation_id        = azurerm_api_management_api_operation.pass_constant_true.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="true">
        <include-fragment fragment-id="validate-token" />
      </when>
    </choose>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "pass_enabled_by_variable" {
  operation_id        = "get-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "Get order"
  method              = "GET"
  url_template        = "/orders/{id}"
}

resource "azurerm_api_management_api_operation_policy" "pass_enabled_by_variable" {
  api_name            = azurerm_api_management_api.orders.name
  operation_id        = azurerm_api_management_api_operation.pass_enabled_by_variable.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="${var.enable_auth}">
        <include-fragment fragment-id="validate-token" />
      </when>
    </choose>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "fail_constant_false" {
  operation_id        = "create-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "Create order"
  method              = "POST"
  url_template        = "/orders"
}

# The token check is switched off: the branch never runs.
resource "azurerm_api_management_api_operation_policy" "fail_constant_false" {
  api_name            = azurerm_api_management_api.orders.name
  operation_id        = azurerm_api_management_api_operation.fail_constant_false.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="false">
        <include-fragment fragment-id="validate-token" />
      </when>
    </choose>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "fail_check_after_constant_true" {
  operation_id        = "delete-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "Delete order"
  method              = "DELETE"
  url_template        = "/orders/{id}"
}

# The first branch is always taken: the token check in the <otherwise> never runs.
resource "azurerm_api_management_api_operation_policy" "fail_check_after_constant_true" {
  api_name            = azurerm_api_management_api.orders.name
  operation_id        = azurerm_api_management_api_operation.fail_check_after_constant_true.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="true">
        <set-header name="X-Audit" exists-action="override"><value>delete</value></set-header>
      </when>
      <otherwise>
        <include-fragment fragment-id="validate-token" />
      </otherwise>
    </choose>
  </inbound>
</policies>
XML
}
