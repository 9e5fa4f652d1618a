resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

# Service-wide controls every API should keep.
resource "azurerm_api_management_policy" "global" {
  api_management_id = azurerm_api_management.apim.id
  xml_content       = <<XML
<policies>
  <inbound>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://contoso</audience>
      </audiences>
    </validate-jwt>
    <rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
  </inbound>
  <outbound>
    <set-header name="X-Powered-By" exists-action="delete" />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_keeps_base" {
  name                = "orders"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
}

resource "azurerm_api_management_api_policy" "pass_keeps_base" {
  api_name            = azurerm_api_management_api.pass_keeps_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <set-header name="X-Api" exists-action="override"><value>orders</value></set-header>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_no_api_policy" {
  name                = "catalog"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "catalog"
  protocols           = ["https"]
}

resource "azurerm_api_management_api" "fail_api_policy_without_base" {
  name                = "payments"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payments"
  protocols           = ["https"]
}

# No <base /> in inbound: the service-wide validate-jwt and rate limit no longer run for this API.
resource "azurerm_api_management_api_policy" "fail_api_policy_without_base" {
  api_name            = azurerm_api_management_api.fail_api_policy_without_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <set-backend-service base-url="https://payments.internal.example.com" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_operation_policy_without_base" {
  name                = "invoices"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "invoices"
  protocols           = ["https"]
}

resource "azurerm_api_management_api_operation" "fail_operation_policy_without_base" {
  operation_id        = "list-invoices"
  api_name            = azurerm_api_management_api.fail_operation_policy_without_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "List invoices"
  method              = "GET"
  url_template        = "/invoices"
}

resource "azurerm_api_management_api_operation_policy" "fail_operation_policy_without_base" {
  api_name            = azurerm_api_management_api.fail_operation_policy_without_base.name
  operation_id        = azurerm_api_management_api_operation.fail_operation_policy_without_base.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
  </inbound>
  <outbound>
    <set-header name="Cache-Control" exists-action="override"><value>no-store</value></set-header>
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api" "fail_imported_operation_policy_without_base" {
  name                = "receipts"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "receipts"
  protocols           = ["https"]

  import {
    content_format = "openapi"
    content_value  = <<YAML
openapi: 3.0.3
info: { title: receipts, version: "1" }
paths:
  /receipts:
    get:
      operationId: listReceipts
      responses: { "200": { description: ok } }
YAML
  }
}

# The operation comes from the imported document; its policy (by operationId) drops the service-wide token check.
resource "azurerm_api_management_api_operation_policy" "fail_imported_operation_policy_without_base" {
  api_name            = azurerm_api_management_api.fail_imported_operation_policy_without_base.name
  operation_id        = "listReceipts"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="X-Operation" exists-action="override"><value>list-receipts</value></set-header>
  </inbound>
</policies>
XML
}

# Product policies inherit the service-wide policies through <base /> as API and operation policies do: a product
# policy section without it drops them for every call made through the product, to each API the product holds.
resource "azurerm_api_management_product" "partners" {
  product_id          = "partners"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "Partners"
  published           = true
}

resource "azurerm_api_management_product_policy" "partners" {
  product_id          = azurerm_api_management_product.partners.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="100" renewal-period="60" />
  </inbound>
</policies>
XML
}

# As pagopa/rtp-apis api_product/base_policy.xml: the inbound holds only CORS, so the service-wide token check and rate
# limit never run for the calls made through product rtp.
resource "azurerm_api_management_product" "rtp" {
  product_id          = "rtp"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "RTP"
  published           = true
}

resource "azurerm_api_management_product_policy" "rtp" {
  product_id          = azurerm_api_management_product.rtp.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <cors allow-credentials="true">
      <allowed-origins><origin>https://rtp.example.com</origin></allowed-origins>
      <allowed-methods><method>*</method></allowed-methods>
    </cors>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "pass_product_keeps_base" {
  name                = "partners"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "partners"
  protocols           = ["https"]
}

resource "azurerm_api_management_product_api" "pass_product_keeps_base" {
  product_id          = azurerm_api_management_product.partners.product_id
  api_name            = azurerm_api_management_api.pass_product_keeps_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}

resource "azurerm_api_management_api" "fail_product_policy_without_base" {
  name                = "send"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "send"
  protocols           = ["https"]
}

resource "azurerm_api_management_product_api" "fail_product_policy_without_base" {
  product_id          = azurerm_api_management_product.rtp.product_id
  api_name            = azurerm_api_management_api.fail_product_policy_without_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}

# In both products: the calls through rtp lose the service-wide policies.
resource "azurerm_api_management_api" "fail_one_of_its_products_without_base" {
  name                = "payees"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "payees"
  protocols           = ["https"]
}

resource "azurerm_api_management_product_api" "fail_one_of_its_products_without_base_partners" {
  product_id          = azurerm_api_management_product.partners.product_id
  api_name            = azurerm_api_management_api.fail_one_of_its_products_without_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}

resource "azurerm_api_management_product_api" "fail_one_of_its_products_without_base_rtp" {
  product_id          = azurerm_api_management_product.rtp.product_id
  api_name            = azurerm_api_management_api.fail_one_of_its_products_without_base.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}
