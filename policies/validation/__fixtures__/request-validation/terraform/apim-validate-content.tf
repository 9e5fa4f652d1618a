# API Management request validation: validate-content (body) and validate-parameters / validate-headers
# (parameters) that run on every request, from the API or the operation policy. They check requests against the
# API's schema, so the API is imported from a specification.
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

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.contoso.example"

  import {
    content_format = "openapi+json-link"
    content_value  = "https://raw.githubusercontent.com/contoso/apis/main/orders.json"
  }
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">
      <content type="application/json" validate-as="json" action="prevent" />
    </validate-content>
    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="requestParametersValidation" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "pass_post_validated_by_api_policy" {
  operation_id        = "create-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "create-order"
  method              = "POST"
  url_template        = "/orders"
}

resource "azurerm_api_management_api_operation" "pass_put_validated_by_api_policy" {
  operation_id        = "replace-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "replace-order"
  method              = "PUT"
  url_template        = "/orders/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

resource "azurerm_api_management_api" "invoices" {
  name                = "invoices"
  resource_group_name = azurerm_resource_group.api.name
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "invoices"
  protocols           = ["https"]
  service_url         = "https://invoices.internal.contoso.example"

  import {
    content_format = "openapi+json-link"
    content_value  = "https://raw.githubusercontent.com/contoso/apis/main/invoices.json"
  }
}

resource "azurerm_api_management_api_operation" "fail_post_without_validation" {
  operation_id        = "create-invoice"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "create-invoice"
  method              = "POST"
  url_template        = "/invoices"
}

resource "azurerm_api_management_api_operation" "pass_get_has_no_body" {
  operation_id        = "list-invoices"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "list-invoices"
  method              = "GET"
  url_template        = "/invoices"
}

resource "azurerm_api_management_api_operation" "pass_operation_validates_content" {
  operation_id        = "create-credit-note"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "create-credit-note"
  method              = "POST"
  url_template        = "/credit-notes"
}

resource "azurerm_api_management_api_operation_policy" "pass_operation_validates_content" {
  api_name            = azurerm_api_management_api.invoices.name
  operation_id        = azurerm_api_management_api_operation.pass_operation_validates_content.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">
      <content type="application/json" validate-as="json" action="prevent" />
    </validate-content>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "fail_parameters_only_on_patch" {
  operation_id        = "update-invoice"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "update-invoice"
  method              = "PATCH"
  url_template        = "/invoices/{id}"

  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}

# Parameters are checked, the body is not.
resource "azurerm_api_management_api_operation_policy" "fail_parameters_only_on_patch" {
  api_name            = azurerm_api_management_api.invoices.name
  operation_id        = azurerm_api_management_api_operation.fail_parameters_only_on_patch.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="requestParametersValidation" />
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation" "fail_validation_only_under_condition" {
  operation_id        = "import-invoices"
  api_name            = azurerm_api_management_api.invoices.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  display_name        = "import-invoices"
  method              = "POST"
  url_template        = "/invoices/import"
}

# Only JSON bodies are validated: any other content type goes through unchecked.
resource "azurerm_api_management_api_operation_policy" "fail_validation_only_under_condition" {
  api_name            = azurerm_api_management_api.invoices.name
  operation_id        = azurerm_api_management_api_operation.fail_validation_only_under_condition.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = azurerm_resource_group.api.name
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(context.Request.Headers.GetValueOrDefault("Content-Type", "").Contains("json"))">
        <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">
          <content type="application/json" validate-as="json" action="prevent" />
        </validate-content>
      </when>
    </choose>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML
}
