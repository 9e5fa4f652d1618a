import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-MGMT-004',
  slug: 'policy-inheritance',
  title: 'Product, API and operation policies keep the policies inherited from enclosing scopes',
  severity: 'medium',
  category: 'api-management',
  control: 'policy-inheritance',
  owasp: ['API8:2023'],
  target: 'api',
  rationale:
    'Gateway policies nest: service-wide policies run for every API, product policies for every API in the product, API policies for every operation. ' +
    'A section of a product, API or operation policy that does not include the inherited policies (`<base />` in Azure API Management) silently replaces them: ' +
    'token validation, IP filters, rate limits or CORS rules set centrally by the platform team stop applying to that API (for a product, to every call made to its APIs through it), and nothing in the API\'s own policy says so. ' +
    'A product policy that drops them is reported on each API the product holds.',
  remediation: {
    terraform: [
      'resource "azurerm_api_management_api_policy" "orders" {',
      '  api_name            = azurerm_api_management_api.orders.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  resource_group_name = azurerm_resource_group.rg.name',
      '  xml_content         = <<XML',
      '<policies>',
      '  <inbound>',
      '    <base />  <!-- run the service and product policies first -->',
      '    <set-header name="X-Api" exists-action="override"><value>orders</value></set-header>',
      '  </inbound>',
      '  <backend><base /></backend>',
      '  <outbound><base /></outbound>',
      '  <on-error><base /></on-error>',
      '</policies>',
      'XML',
      '}',
      '# The same <base /> goes first in each section of azurerm_api_management_product_policy and _api_operation_policy.',
    ].join('\n'),
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-policies#scopes',
    'https://learn.microsoft.com/en-us/azure/api-management/policies/',
  ],
  evaluate(api) {
    const overrides = api.attrs.policyOverrides;
    switch (overrides.state) {
      case 'unknown':
        return unknown(`\`${api.name}\`: whether its policies keep the inherited ones is not known statically (${overrides.expr ?? 'computed'})`, overrides.source ?? api.source);
      case 'set':
      case 'default':
        if (overrides.value.length === 0) return pass();
        return overrides.value.map((override) =>
          fail(
            `\`${api.name}\`: the ${override.section} policy of ${override.scope} does not include the inherited policies, so ${override.dropped.join(', ')} no longer ${override.dropped.length === 1 ? 'runs' : 'run'}`,
            override.source ?? overrides.source ?? api.source,
            { key: `${override.scope}:${override.section}` },
          ));
    }
  },
});
