import type { Edge } from '../../../src/graph/kinds';
import { adaptTree } from './tf-helpers';

/** The azurerm API Management adapters on real .tf text, through the real HCL reader. */

const load = (text: string) => adaptTree(text);

const lineOf = (text: string, needle: string) => {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`${needle} not in text`);
  return index + 1;
};
const hasEdge = (edges: readonly Edge[], from: string, rel: string, to: string) => edges.some((e) => e.from === from && e.rel === rel && e.to === to);

const SERVICE = `
resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}
`;

/** An operation policy of API `api` for the operation named `operationId`, with `inbound` as its inbound section. */
const operationPolicy = (name: string, api: string, operationId: string, inbound: string) => `
resource "azurerm_api_management_api_operation_policy" "${name}" {
  api_name            = azurerm_api_management_api.${api}.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  operation_id        = "${operationId}"
  xml_content         = <<XML
<policies>
  <inbound>
${inbound}
  </inbound>
</policies>
XML
}
`;

/** Product `id`, holding API orders, with `policy` as the content of its policy resource (`xml_content` or `xml_link`). */
const productOfOrders = (id: string, policy: string) => `
resource "azurerm_api_management_product" "${id}" {
  product_id          = "${id}"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "${id}"
  published           = true
}

resource "azurerm_api_management_product_api" "${id}_orders" {
  product_id          = azurerm_api_management_product.${id}.product_id
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}

resource "azurerm_api_management_product_policy" "${id}" {
  product_id          = azurerm_api_management_product.${id}.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
${policy}
}
`;

const SERVICE_DEFAULTS = `${SERVICE}
resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  display_name        = "Orders"
  path                = "orders"
  protocols           = ["https"]
  service_url         = "https://orders.internal.example.com"
}

resource "azurerm_api_management_api_operation" "get_order" {
  operation_id        = "get-order"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "Get order"
  method              = "GET"
  url_template        = "/orders/{id}"
  template_parameter {
    name     = "id"
    type     = "string"
    required = true
  }
}
`;

describe('azurerm API Management adapters', () => {
  it('defaults: TLS 1.2 on the default host, public endpoint, subscription key, service_url backend, no logs', async () => {
    const { node, edges, diagnostics, path } = await load(SERVICE_DEFAULTS);
    expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    const api = 'terraform:azurerm_api_management_api.orders';
    const op = 'terraform:azurerm_api_management_api_operation.get_order';
    expect(node('terraform:azurerm_api_management.apim#default-host')).toMatchObject({
      kind: 'api.domain', platform: 'azure',
      attrs: {
        hostname: { state: 'set', value: 'contoso-apim.azure-api.net' },
        minTlsVersion: { state: 'default', value: '1.2' },
        weakCiphers: { state: 'default', value: [] },
        allowsPlainHttp: { state: 'default', value: false },
        mutualTls: { state: 'default', value: false },
        endpointType: { state: 'default', value: 'external' },
      },
    });
    expect(node(api)).toMatchObject({
      kind: 'api', platform: 'azure', source: { file: path, line: lineOf(SERVICE_DEFAULTS, 'resource "azurerm_api_management_api" "orders"') },
      attrs: {
        flavor: 'apim', endpointType: { state: 'default', value: 'external' }, defaultEndpointEnabled: { value: true },
        hasSpec: { state: 'default', value: false }, cors: { state: 'default', value: null }, policyOverrides: { state: 'default', value: [] },
      },
    });
    expect(node(op)).toMatchObject({
      attrs: {
        method: { state: 'set', value: 'GET' }, path: { state: 'set', value: '/orders/{id}' },
        authorization: { state: 'default', value: 'subscription-key' }, apiKeyRequired: { state: 'default', value: true },
        requestValidation: { state: 'default', value: 'none' }, throttling: { state: 'default', value: null },
      },
    });
    expect(node(`${api}#gateway`)).toMatchObject({
      kind: 'api.stage',
      attrs: { accessLogging: { state: 'default', value: false }, throttling: { state: 'default', value: null }, quota: { state: 'default', value: null }, clientCertificate: { state: 'default', value: false } },
    });
    expect(node(`${api}#service-url`)).toMatchObject({ attrs: { usesTls: { state: 'set', value: true }, verifiesCertificate: { value: true }, minTlsVersion: { state: 'default', value: '1.2' } } });
    expect(hasEdge(edges, api, 'api-has-stage', `${api}#gateway`)).toBe(true);
    expect(hasEdge(edges, api, 'api-has-operation', op)).toBe(true);
    expect(hasEdge(edges, op, 'operation-calls-backend', `${api}#service-url`)).toBe(true);
  });

  it('explicit: v3 and v4 TLS names, internal VNet, custom domain, jwt from the effective policy, products and keys', async () => {
    const secret = 'Sup3rS3cretSubscriptionKeyValue0123';
    const text = `
resource "azurerm_api_management" "v3" {
  name                 = "legacy-apim"
  location             = "westeurope"
  resource_group_name  = "rg"
  publisher_name       = "Contoso"
  publisher_email      = "api@contoso.example"
  sku_name             = "Premium_1"
  virtual_network_type = "Internal"
  security {
    enable_frontend_tls10     = true
    enable_backend_ssl30      = true
    enable_triple_des_ciphers = true
  }
  hostname_configuration {
    proxy {
      host_name                    = "api.contoso.example"
      negotiate_client_certificate = true
    }
  }
}

resource "azurerm_api_management" "v4" {
  name                          = "modern-apim"
  location                      = "westeurope"
  resource_group_name           = "rg"
  publisher_name                = "Contoso"
  publisher_email               = "api@contoso.example"
  sku_name                      = "Premium_1"
  public_network_access_enabled = false
  security {
    frontend_tls11_enabled     = true
    triple_des_ciphers_enabled = false
  }
}

resource "azurerm_api_management_api" "pay" {
  name                  = "payments"
  resource_group_name   = "rg"
  api_management_name   = "legacy-apim"
  revision              = "1"
  path                  = "pay"
  protocols             = ["http", "https"]
  subscription_required = false
}

resource "azurerm_api_management_api_operation" "charge" {
  operation_id        = "charge"
  api_name            = "payments"
  api_management_name = "legacy-apim"
  resource_group_name = "rg"
  display_name        = "Charge"
  method              = "POST"
  url_template        = "/charges"
}

resource "azurerm_api_management_policy" "global" {
  api_management_id = azurerm_api_management.v3.id
  xml_content       = <<XML
<policies>
  <inbound>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>{{orders-audience}}</audience>
      </audiences>
    </validate-jwt>
    <cors allow-credentials="true">
      <allowed-origins><origin>*</origin></allowed-origins>
    </cors>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_policy" "pay" {
  api_name            = azurerm_api_management_api.pay.name
  api_management_name = "legacy-apim"
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="100" renewal-period="10" />
    <quota calls="10000" renewal-period="86400" />
    <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" />
    <set-backend-service base-url="http://payments.internal.example.com" />
    <authentication-certificate thumbprint="@(context.Variables.GetValueOrDefault<string>("thumb"))" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_named_value" "aud" {
  name                = "orders-audience"
  resource_group_name = "rg"
  api_management_name = "legacy-apim"
  display_name        = "orders-audience"
  value               = "api://payments"
}

resource "azurerm_api_management_named_value" "db" {
  name                = "db-connection-string"
  resource_group_name = "rg"
  api_management_name = "legacy-apim"
  display_name        = "db-connection-string"
  value               = "Server=db;Password=hunter2hunter2"
  secret              = false
}

resource "azurerm_api_management_named_value" "vault" {
  name                = "partner-token"
  resource_group_name = "rg"
  api_management_name = "legacy-apim"
  display_name        = "partner-token"
  secret              = true
  value_from_key_vault {
    secret_id = "https://kv.vault.azure.net/secrets/partner"
  }
}

resource "azurerm_api_management_product" "gold" {
  product_id            = "gold"
  api_management_name   = "legacy-apim"
  resource_group_name   = "rg"
  display_name          = "Gold"
  published             = true
  subscription_required = true
}

resource "azurerm_api_management_product_api" "gold_pay" {
  api_name            = azurerm_api_management_api.pay.name
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = "legacy-apim"
  resource_group_name = "rg"
}

resource "azurerm_api_management_product_policy" "gold" {
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = "legacy-apim"
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="600" renewal-period="60" />
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_subscription" "partner" {
  api_management_name = "legacy-apim"
  resource_group_name = "rg"
  product_id          = azurerm_api_management_product.gold.id
  display_name        = "Partner"
  state               = "active"
  primary_key         = "${secret}"
}
`;
    const { node, nodes, edges, diagnostics, path } = await load(text);
    expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(node('terraform:azurerm_api_management.v3#default-host')).toMatchObject({
      attrs: {
        minTlsVersion: { state: 'set', value: '1.0', source: { line: lineOf(text, 'enable_frontend_tls10') } },
        securityPolicy: { value: 'frontend TLS 1.0 enabled' },
        weakCiphers: { state: 'set', value: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] },
        allowsPlainHttp: { state: 'set', value: true, source: { line: lineOf(text, 'protocols             = ["http", "https"]') } },
        endpointType: { state: 'set', value: 'internal' },
      },
    });
    expect(node('terraform:azurerm_api_management.v3#proxy[0]')).toMatchObject({ attrs: { hostname: { value: 'api.contoso.example' }, mutualTls: { state: 'set', value: true } } });
    expect(node('terraform:azurerm_api_management.v4#default-host')).toMatchObject({
      attrs: { minTlsVersion: { state: 'set', value: '1.1' }, weakCiphers: { state: 'set', value: [] }, endpointType: { state: 'set', value: 'private' } },
    });

    const api = 'terraform:azurerm_api_management_api.pay';
    const op = 'terraform:azurerm_api_management_api_operation.charge';
    expect(hasEdge(edges, 'terraform:azurerm_api_management.v3#proxy[0]', 'domain-serves', `${api}#gateway`)).toBe(true);
    expect(node(api)).toMatchObject({
      attrs: {
        endpointType: { value: 'internal' }, defaultEndpointEnabled: { value: false },
        cors: { state: 'set', value: { allowOrigins: ['*'], allowCredentials: true }, source: { file: path, line: lineOf(text, '<cors allow-credentials="true">') } },
      },
    });
    const jwtLine = lineOf(text, '<validate-jwt header-name');
    const authorizer = `terraform:azurerm_api_management_policy.global#validate-jwt@${jwtLine}`;
    expect(node(op)).toMatchObject({
      attrs: {
        authorization: { state: 'set', value: 'jwt', source: { line: jwtLine } }, apiKeyRequired: { value: false },
        requestValidation: { state: 'set', value: 'body' },
      },
    });
    expect(node(authorizer)).toMatchObject({
      kind: 'api.authorizer',
      attrs: {
        type: { value: 'jwt' },
        issuer: { state: 'set', value: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration' },
        audience: { state: 'set', value: ['api://payments'] },
      },
    });
    expect(hasEdge(edges, op, 'operation-uses-authorizer', authorizer)).toBe(true);
    expect(node(`${api}#gateway`)).toMatchObject({
      attrs: {
        throttling: { state: 'set', value: { rateLimit: 10 }, source: { line: lineOf(text, '<rate-limit calls="100"') } },
        quota: { state: 'set', value: { limit: 10000, period: 'DAY' } },
        clientCertificate: { state: 'set', value: true },
      },
    });
    const policyBackend = `terraform:azurerm_api_management_api_policy.pay#set-backend-service@${lineOf(text, '<set-backend-service')}`;
    expect(node(policyBackend)).toMatchObject({ attrs: { usesTls: { state: 'set', value: false }, minTlsVersion: { state: 'set', value: '1.0' } } });
    expect(hasEdge(edges, op, 'operation-calls-backend', policyBackend)).toBe(true);

    expect(node('terraform:azurerm_api_management_product.gold')).toMatchObject({ kind: 'api.usage-plan', attrs: { throttling: { state: 'set', value: { rateLimit: 10 } }, quota: { state: 'default', value: null } } });
    expect(hasEdge(edges, 'terraform:azurerm_api_management_product.gold', 'usage-plan-covers', `${api}#gateway`)).toBe(true);
    expect(node('terraform:azurerm_api_management_subscription.partner')).toMatchObject({
      kind: 'api.key', attrs: { enabled: { state: 'set', value: true }, valueSource: { state: 'set', value: 'literal' }, valuePreview: { value: expect.stringMatching(/^Sup3…sha256:/) } },
    });
    expect(hasEdge(edges, 'terraform:azurerm_api_management_subscription.partner', 'key-in-plan', 'terraform:azurerm_api_management_product.gold')).toBe(true);
    expect(node('terraform:azurerm_api_management_named_value.db')).toMatchObject({ kind: 'api.key', attrs: { valueSource: { value: 'literal' } } });
    expect(node('terraform:azurerm_api_management_named_value.vault')).toMatchObject({ kind: 'api.key', attrs: { valueSource: { value: 'secret-store' } } });
    // Not a credential by name or value: no key.
    expect(node('terraform:azurerm_api_management_named_value.aud')).toBeUndefined();
    expect(JSON.stringify(nodes)).not.toContain(secret);
    expect(JSON.stringify(nodes)).not.toContain('hunter2hunter2');
  });

  it('unknown: xml_link and variables; a policy without <base /> drops inherited controls', async () => {
    const text = `${SERVICE_DEFAULTS}
variable "vnet_type" {
  type = string
}

resource "azurerm_api_management_policy" "global" {
  api_management_id = azurerm_api_management.apim.id
  xml_content       = <<XML
<policies>
  <inbound>
    <ip-filter action="allow">
      <address>10.0.0.1</address>
    </ip-filter>
    <validate-jwt header-name="Authorization">
      <issuers><issuer>https://sts.contoso.example/</issuer></issuers>
    </validate-jwt>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="X-Api" exists-action="override"><value>orders</value></set-header>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api_operation_policy" "get_order" {
  api_name            = azurerm_api_management_api.orders.name
  operation_id        = azurerm_api_management_api_operation.get_order.operation_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_link            = "https://example.com/policy.xml"
}

resource "azurerm_api_management" "unknown" {
  name                 = "vnet-apim"
  location             = "westeurope"
  resource_group_name  = "rg"
  publisher_name       = "Contoso"
  publisher_email      = "api@contoso.example"
  sku_name             = "Premium_1"
  virtual_network_type = var.vnet_type
}
`;
    const { node, diagnostics } = await load(text);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/xml_link/), line: lineOf(text, 'xml_link') }));
    expect(node('terraform:azurerm_api_management.unknown#default-host')).toMatchObject({ attrs: { endpointType: { state: 'unknown', expr: 'var.vnet_type' } } });
    const api = node('terraform:azurerm_api_management_api.orders');
    expect(api).toMatchObject({
      attrs: {
        policyOverrides: {
          state: 'set',
          value: [{ scope: 'API orders', section: 'inbound', dropped: ['ip-filter (service contoso-apim)', 'validate-jwt (service contoso-apim)'], source: { line: lineOf(text, '<set-header') - 1 } }],
        },
      },
    });
    // The operation policy is unknown: without a visible token check the authorization cannot be known.
    expect(node('terraform:azurerm_api_management_api_operation.get_order')).toMatchObject({ attrs: { authorization: { state: 'unknown' } } });
  });

  it('orphans: an operation and a custom domain whose API and service are not scanned; operations from inline OpenAPI', async () => {
    const text = `
resource "azurerm_api_management_api_operation" "lost" {
  operation_id        = "lost"
  api_name            = "elsewhere"
  api_management_name = "other-apim"
  resource_group_name = "rg"
  display_name        = "Lost"
  method              = "DELETE"
  url_template        = "/things/{id}"
}

resource "azurerm_api_management_custom_domain" "cd" {
  api_management_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/other-apim"
  gateway {
    host_name = "gw.contoso.example"
  }
}

resource "azurerm_api_management" "apim" {
  name                = "spec-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "spec" {
  name                = "spec"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "spec"
  import {
    content_format = "openapi+json"
    content_value  = jsonencode({
      openapi = "3.0.1"
      info    = { title = "Spec", version = "1" }
      paths   = { "/pets" = { get = {}, post = {} } }
    })
  }
}
`;
    const { node, nodes, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The lost operation's API is not scanned: no operation node (it would have no API).
    expect(nodes.filter((n) => n.kind === 'api.operation').map((n) => n.id).sort()).toEqual([
      'terraform:azurerm_api_management_api.spec#GET /pets',
      'terraform:azurerm_api_management_api.spec#POST /pets',
    ]);
    expect(node('terraform:azurerm_api_management_api.spec')).toMatchObject({ attrs: { hasSpec: { state: 'set', value: true } } });
    expect(node('terraform:azurerm_api_management_custom_domain.cd#gateway[0]')).toMatchObject({
      attrs: { hostname: { value: 'gw.contoso.example' }, minTlsVersion: { state: 'unknown' } },
    });
  });
  describe('operations from the imported OpenAPI document', () => {
    const text = `${SERVICE}
resource "azurerm_api_management_policy" "global" {
  api_management_id = azurerm_api_management.apim.id
  xml_content       = <<XML
<policies>
  <inbound>
    <ip-filter action="allow"><address-range from="10.0.0.0" to="10.255.255.255" /></ip-filter>
  </inbound>
</policies>
XML
}

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
  protocols           = ["https"]
  import {
    content_format = "openapi"
    content_value  = <<YAML
openapi: 3.0.3
info: { title: orders, version: "1" }
paths:
  /orders:
    get: { operationId: listOrders }
    post: { operationId: createOrder }
  /orders/{id}:
    get: { operationId: getOrder }
    delete: { summary: no operationId }
YAML
  }
}

resource "azurerm_api_management_policy_fragment" "validate_token" {
  api_management_id = azurerm_api_management.apim.id
  name              = "validate-token"
  format            = "xml"
  value             = <<XML
<fragment>
  <validate-jwt header-name="Authorization">
    <audiences><audience>api://orders</audience></audiences>
  </validate-jwt>
</fragment>
XML
}

${productOfOrders('gold', `  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="100" renewal-period="60" />
  </inbound>
</policies>
XML`)}${operationPolicy('list', 'orders', 'listOrders', '    <base />\n    <validate-jwt header-name="Authorization"><audiences><audience>api://list</audience></audiences></validate-jwt>')}
${operationPolicy('get', 'orders', 'getOrder', '    <base />\n    <include-fragment fragment-id="validate-token" />\n    <rate-limit calls="10" renewal-period="1" />')}
${operationPolicy('create', 'orders', 'createOrder', '    <set-header name="X-Op" exists-action="override"><value>create</value></set-header>')}
${operationPolicy('stale', 'orders', 'deleteOrder', '    <base />\n    <validate-jwt header-name="Authorization" />')}
`;
    const api = 'terraform:azurerm_api_management_api.orders';

    it.each([
      { route: 'GET /orders', authorization: { state: 'set', value: 'jwt', source: { line: lineOf(text, '<validate-jwt header-name="Authorization"><audiences><audience>api://list'), address: 'azurerm_api_management_api_operation_policy.list' } } },
      { route: 'GET /orders/{id}', authorization: { state: 'set', value: 'jwt', source: { line: lineOf(text, '  <validate-jwt header-name="Authorization">'), address: 'azurerm_api_management_policy_fragment.validate_token' } } },
      // No operation policy names it: an operation without operationId is named by APIM, and deleteOrder is another name.
      { route: 'DELETE /orders/{id}', authorization: { state: 'default', value: 'subscription-key' } },
      { route: 'POST /orders', authorization: { state: 'default', value: 'subscription-key' } },
    ])('$route: its operation policy, matched by operationId, is in its effective policy', async ({ route, authorization }) => {
      const { node, diagnostics } = await load(text);
      expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
      expect(node(`${api}#${route}`)).toMatchObject({ attrs: { authorization } });
    });

    it('limits set in an imported operation\'s policy are its own; one whose policy has no <base /> drops what is inherited', async () => {
      const { node } = await load(text);
      expect(node(`${api}#GET /orders/{id}`)).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 10 }, source: { line: lineOf(text, '<rate-limit calls="10"') } } } });
      expect(node(`${api}#GET /orders`)).toMatchObject({ attrs: { throttling: { state: 'default', value: null } } });
      expect(node(api)).toMatchObject({
        attrs: {
          policyOverrides: {
            state: 'set',
            value: [{ scope: 'operation createOrder', section: 'inbound', dropped: ['ip-filter (service contoso-apim)', 'rate-limit (product gold)'], source: { line: lineOf(text, '<set-header name="X-Op"') - 1, address: 'azurerm_api_management_api_operation_policy.create' } }],
          },
        },
      });
      // The product's limit does not run for that route.
      expect(node('terraform:azurerm_api_management_product.gold')).toMatchObject({ attrs: { methodThrottles: { value: [{ stage: expect.stringMatching(/azurerm_api_management_api.orders#gateway$/), method: '/orders/POST', throttle: null }] } } });
    });
  });

  describe('operations of an imported document that cannot be read', () => {
    const importing = (format: string, content: string, extra = '') => `
variable "spec" {
  type = string
}

variable "format" {
  type = string
}
${SERVICE}
resource "azurerm_api_management_api" "openai" {
  name                = "openai"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = "openai"
  protocols           = ["https"]
  import {
    content_format = ${format}
    content_value  = ${content}
  }
}
${extra}`;
    const api = 'terraform:azurerm_api_management_api.openai';
    const operationsOf = (nodes: readonly { kind: string; id: string }[]) => nodes.filter((n) => n.kind === 'api.operation').map((n) => n.id);

    it.each([
      { case: 'an OpenAPI link, fetched at apply time', format: '"openapi-link"', content: '"https://example.com/openai.json"', why: 'operations imported from https://example.com/openai.json at apply time' },
      { case: 'a Swagger link', format: '"swagger-link-json"', content: '"https://example.com/swagger.json"', why: 'operations imported from https://example.com/swagger.json at apply time' },
      { case: 'a WSDL link', format: '"wsdl-link"', content: '"https://example.com/service.wsdl"', why: 'operations imported from https://example.com/service.wsdl at apply time' },
      { case: 'content known only at apply time', format: '"openapi+json"', content: 'var.spec', why: 'operations imported from a document not known statically (var.spec)' },
      { case: 'a format known only at apply time', format: 'var.format', content: '"{}"', why: 'operations imported in a format not known statically (var.format)' },
      { case: 'a WSDL document, which is not read', format: '"wsdl"', content: '"<definitions />"', why: 'operations imported from a wsdl document, which is not read' },
      { case: 'OpenAPI content that cannot be read', format: '"openapi+json"', content: '"{ not json"', why: expect.stringMatching(/^operations imported from a document that cannot be read \(.+\)$/) },
    ])('$case: one operation of unknown method and path stands for them, with the API-wide policies', async ({ format, content, why }) => {
      const text = importing(format, content);
      const { node, nodes } = await load(text);
      expect(operationsOf(nodes)).toEqual([`${api}#operations`]);
      const route = { state: 'unknown', expr: why, source: { line: lineOf(text, 'content_value') } };
      expect(node(`${api}#operations`)).toMatchObject({
        name: 'openai (every operation)',
        attrs: { method: route, path: route, authorization: { state: 'default', value: 'subscription-key' }, apiKeyRequired: { state: 'default', value: true }, throttling: { state: 'default', value: null } },
      });
    });

    it('an operation policy of the API is the policy of one of them: an operation of its own, named by operation_id', async () => {
      const text = importing('"openapi-link"', '"https://example.com/openai.json"', operationPolicy('chat', 'openai', 'ChatCompletions_Create', '<base /><validate-jwt header-name="Authorization" />') + operationPolicy('embeddings', 'openai', 'embeddings', '<rate-limit calls="5" renewal-period="1" />'));
      const { node, nodes } = await load(text);
      expect(operationsOf(nodes).sort()).toEqual([`${api}#operation ChatCompletions_Create`, `${api}#operation embeddings`, `${api}#operations`]);
      expect(node(`${api}#operations`)).toMatchObject({ name: 'openai (operations without a policy of their own)', attrs: { authorization: { value: 'subscription-key' } } });
      expect(node(`${api}#operation ChatCompletions_Create`)).toMatchObject({
        name: 'openai (operation ChatCompletions_Create)', attrs: { method: { state: 'unknown' }, authorization: { state: 'set', value: 'jwt', source: { line: lineOf(text, '<validate-jwt') } } },
      });
      expect(node(`${api}#operation embeddings`)).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 5 } } } });
      // Without <base />, the embeddings policy drops nothing here: neither the service nor the API has a policy.
      expect(node(api)).toMatchObject({ attrs: { policyOverrides: { state: 'default', value: [] } } });
    });

    it('an OpenAPI document without paths has no operations', async () => {
      const { nodes } = await load(importing('"openapi+json"', 'jsonencode({ openapi = "3.0.1", info = { title = "empty", version = "1" } })'));
      expect(operationsOf(nodes)).toEqual([]);
    });
  });

  describe('policy sections without <base />: of products, and under a service outside the scan', () => {
    const withProduct = (productPolicy: string) => `${SERVICE_DEFAULTS}
resource "azurerm_api_management_policy" "global" {
  api_management_id = azurerm_api_management.apim.id
  xml_content       = <<XML
<policies>
  <inbound>
    <ip-filter action="allow"><address-range from="10.0.0.0" to="10.255.255.255" /></ip-filter>
  </inbound>
  <outbound>
    <set-header name="X-Powered-By" exists-action="delete" />
  </outbound>
</policies>
XML
}

${productOfOrders('rtp', productPolicy)}`;
    const api = 'terraform:azurerm_api_management_api.orders';

    it('a product policy\'s is an override of each API the product holds, named by its product_id, at the section', async () => {
      const text = withProduct(`  xml_content         = <<XML
<policies>
  <inbound>
    <cors><allowed-origins><origin>https://rtp.example.com</origin></allowed-origins></cors>
  </inbound>
  <outbound>
    <base />
  </outbound>
</policies>
XML`);
      const { node } = await load(text);
      expect(node(api)).toMatchObject({
        attrs: {
          policyOverrides: {
            state: 'set',
            value: [{ scope: 'product rtp', section: 'inbound', dropped: ['ip-filter (service contoso-apim)'], source: { line: lineOf(text, '<cors>') - 1, address: 'azurerm_api_management_product_policy.rtp' } }],
          },
        },
      });
    });

    it.each([
      { scope: 'product rtp', resource: 'azurerm_api_management_product_policy', link: 'product_id          = azurerm_api_management_product.rtp.product_id' },
      { scope: 'API orders', resource: 'azurerm_api_management_api_policy', link: 'api_name            = azurerm_api_management_api.orders.name' },
    ])('the $scope policy without <base /> under a service outside the scan may drop nothing: not known', async ({ scope, resource, link }) => {
      const text = `
data "azurerm_api_management" "apim" {
  name                = "shared-apim"
  resource_group_name = "rg"
}

resource "azurerm_api_management_api" "orders" {
  name                = "orders"
  resource_group_name = "rg"
  api_management_name = data.azurerm_api_management.apim.name
  revision            = "1"
  path                = "orders"
}

resource "azurerm_api_management_product" "rtp" {
  product_id          = "rtp"
  api_management_name = data.azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "RTP"
}

resource "azurerm_api_management_product_api" "rtp_orders" {
  product_id          = azurerm_api_management_product.rtp.product_id
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = data.azurerm_api_management.apim.name
  resource_group_name = "rg"
}

resource "${resource}" "no_base" {
  ${link}
  api_management_name = data.azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <set-header name="X-Scope" exists-action="override"><value>own</value></set-header>
  </inbound>
</policies>
XML
}
`;
      const { node } = await load(text);
      expect(node(api)).toMatchObject({
        attrs: {
          policyOverrides: {
            state: 'unknown',
            expr: `the inbound policy of ${scope} has no <base />, and what it drops is not known: the service policy of shared-apim is not known statically (the service is not in the scanned code)`,
            source: { line: lineOf(text, '<set-header name="X-Scope"') - 1 },
          },
        },
      });
    });

    it('one that cannot be read may drop them: not known', async () => {
      const { node } = await load(withProduct('  xml_link            = "https://example.com/rtp.xml"'));
      expect(node(api)).toMatchObject({ attrs: { policyOverrides: { state: 'unknown', expr: 'the product policy of rtp is not known statically' } } });
    });
  });

  it('reports unreadable policy XML as a warning at its line inside the heredoc, and keeps the rest', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<-XML
    <policies>
      <inbound>
        <base />
        <rate-limit-by-key calls="5" renewal-period="1" counter-key="@(context.Request.Headers.GetValueOrDefault("Ocp-Apim-Subscription-Key", "anon"))" />
        <cors allow-credentials="false">
          <allowed-origins><origin>https://app.contoso.example</origin></allowed-origins>
      </inbound>
    </policies>
  XML
}
`;
    const { node, diagnostics, path } = await load(text);
    expect(diagnostics).toContainEqual({
      severity: 'warning', message: 'azurerm_api_management_api_policy.orders: policy XML: <cors> is not closed', file: path, line: lineOf(text, '<cors allow-credentials'), provider: 'terraform',
    });
    expect(node('terraform:azurerm_api_management_api.orders#gateway')).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 5 }, source: { line: lineOf(text, '<rate-limit-by-key') } } } });
    expect(node('terraform:azurerm_api_management_api.orders')).toMatchObject({ attrs: { cors: { state: 'set', value: { allowOrigins: ['https://app.contoso.example'], allowCredentials: false } } } });
  });

  it('reads a policy whose text names a value known only at apply time; that value is not known statically', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_linux_function_app" "orders" {
  name = "orders-fn"
}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <rate-limit calls="20" renewal-period="10" />
    <set-backend-service base-url="http://\${azurerm_linux_function_app.orders.default_hostname}/api" />
  </inbound>
</policies>
XML
}
`;
    const { node, nodes, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(node('terraform:azurerm_api_management_api.orders#gateway')).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 2 }, source: { line: lineOf(text, '<rate-limit calls') } } } });
    const backendUrls = nodes.flatMap((n) => (n.kind === 'api.backend' ? [n.attrs.url] : []));
    expect(backendUrls).toContainEqual(expect.objectContaining({ state: 'unknown', expr: expect.stringContaining('default_hostname') as unknown }));
  });

  describe('policy fragments', () => {
    const including = (fragmentId: string) => `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <include-fragment fragment-id="${fragmentId}" />
  </inbound>
</policies>
XML
}
`;
    const fragment = (name: string, value: string) => `
resource "azurerm_api_management_policy_fragment" "${name}" {
  api_management_id = azurerm_api_management.apim.id
  name              = "${name}"
  format            = "xml"
  value             = ${value}
}
`;
    const TOKEN_AND_LIMIT = `<<XML
<fragment>
  <validate-jwt header-name="Authorization">
    <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
    <audiences><audience>api://orders</audience></audiences>
  </validate-jwt>
  <rate-limit calls="20" renewal-period="10" />
</fragment>
XML`;
    const op = 'terraform:azurerm_api_management_api_operation.get_order';
    const gateway = 'terraform:azurerm_api_management_api.orders#gateway';

    it('expands a fragment of the service: what it enforces counts, pointed at in the fragment', async () => {
      const text = including('validate-token') + fragment('validate-token', TOKEN_AND_LIMIT);
      const { node, diagnostics } = await load(text);
      expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
      const fragmentAddress = 'azurerm_api_management_policy_fragment.validate-token';
      expect(node(op)).toMatchObject({ attrs: { authorization: { state: 'set', value: 'jwt', source: { line: lineOf(text, '<validate-jwt'), address: fragmentAddress } } } });
      expect(node(gateway)).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 2 }, source: { line: lineOf(text, '<rate-limit calls="20"'), address: fragmentAddress } } } });
    });

    it.each([
      { case: 'not in the scan', fragments: '', reason: 'includes fragment validate-token, which is not in the scanned code' },
      { case: 'of another name', fragments: fragment('other', TOKEN_AND_LIMIT), reason: 'includes fragment validate-token, which is not in the scanned code' },
      { case: 'whose value is a variable', fragments: `variable "fragment_xml" {}\n${fragment('validate-token', 'var.fragment_xml')}`, reason: 'includes fragment validate-token, whose value is not known statically (var.fragment_xml)' },
    ])('a fragment $case: what it may enforce is not known', async ({ fragments, reason }) => {
      const { node } = await load(including('validate-token') + fragments);
      const expr = `the api policy of orders ${reason}`;
      expect(node(op)).toMatchObject({ attrs: { authorization: { state: 'unknown', expr } } });
      expect(node(gateway)).toMatchObject({ attrs: { throttling: { state: 'unknown', expr } } });
    });

    it('a fragment of the same name on another service is not the one included', async () => {
      const other = `
resource "azurerm_api_management" "other" {
  name                = "other-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}
`;
      const text = `${including('validate-token')}${other}${fragment('validate-token', TOKEN_AND_LIMIT).replace('azurerm_api_management.apim.id', 'azurerm_api_management.other.id')}`;
      const { node } = await load(text);
      const expr = "the api policy of orders includes fragment validate-token, which is not in the scanned code for this service (azurerm_api_management_policy_fragment.validate-token is another service's)";
      expect(node(op)).toMatchObject({ attrs: { authorization: { state: 'unknown', expr } } });
      expect(node(gateway)).toMatchObject({ attrs: { throttling: { state: 'unknown', expr, source: { line: lineOf(text, '<include-fragment') } } } });
    });

    it('the service-wide policy of a service outside the scan is not known, and says which service', async () => {
      const { node } = await load(including('validate-token').replace(/api_management_name = azurerm_api_management\.apim\.name/g, 'api_management_name = "shared-apim"'));
      expect(node(op)).toMatchObject({ attrs: { authorization: { state: 'unknown', expr: 'the service policy of shared-apim is not known statically (the service is not in the scanned code)' } } });
    });

    it('a fragment whose service is a data source in both places is the one included', async () => {
      const text = `${SERVICE_DEFAULTS.replace(/azurerm_api_management\.apim\.name/g, 'data.azurerm_api_management.shared.name')}
data "azurerm_api_management" "shared" {
  name                = "shared-apim"
  resource_group_name = "rg-shared"
}
${including('validate-token').slice(SERVICE_DEFAULTS.length).replace(/azurerm_api_management\.apim\.name/g, 'data.azurerm_api_management.shared.name')}${fragment('validate-token', TOKEN_AND_LIMIT).replace('azurerm_api_management.apim.id', 'data.azurerm_api_management.shared.id')}`;
      const { node } = await load(text);
      expect(node(op)).toMatchObject({ attrs: { authorization: { state: 'set', value: 'jwt' } } });
    });

    it('a fragment not known in a <choose> branch may complete it: the limit is not known, at the include', async () => {
      const text = including('x').replace('<include-fragment fragment-id="x" />', '<choose><when condition="@(context.Request.Method == &quot;GET&quot;)"><rate-limit calls="5" renewal-period="1" /></when><otherwise><include-fragment fragment-id="shared-limits" /></otherwise></choose>');
      const { node } = await load(text);
      expect(node(gateway)).toMatchObject({ attrs: { throttling: { state: 'unknown', expr: 'the api policy of orders includes fragment shared-limits, which is not in the scanned code (under <otherwise>)', source: { line: lineOf(text, 'shared-limits') } } } });
    });

    it('a fragment without a token check: the subscription key is what identifies callers', async () => {
      const { node } = await load(including('headers') + fragment('headers', '"<fragment><set-header name=\\"x-a\\" exists-action=\\"override\\"><value>a</value></set-header></fragment>"'));
      expect(node(op)).toMatchObject({ attrs: { authorization: { value: 'subscription-key' } } });
      expect(node(gateway)).toMatchObject({ attrs: { throttling: { state: 'default', value: null } } });
    });

    it('reports fragment XML that cannot be read as a warning at its line', async () => {
      const text = including('broken') + fragment('broken', '<<XML\n<fragment>\n  <rate-limit calls="5" renewal-period="1">\n</fragment>\nXML');
      const { diagnostics } = await load(text);
      expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', line: lineOf(text, '<rate-limit calls="5"'), message: expect.stringContaining('<rate-limit> is not closed') as unknown }));
    });
  });

  it.each([
    { case: 'a token rate and a token quota', policy: '<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" token-quota="100000" token-quota-period="Daily" />', throttling: { state: 'set', value: { tokensPerMinute: 5000 } }, quota: { state: 'set', value: { limit: 100000, period: 'DAY (tokens)' } } },
    { case: 'a token quota only (azure-openai-token-limit)', policy: '<azure-openai-token-limit counter-key="@(context.Subscription.Id)" token-quota="2000000" token-quota-period="Monthly" />', throttling: { state: 'default', value: null }, quota: { state: 'set', value: { limit: 2000000, period: 'MONTH (tokens)' } } },
    { case: 'a token rate, then a request rate: the first', policy: '<llm-token-limit counter-key="k" tokens-per-minute="5000" /><rate-limit calls="60" renewal-period="60" />', throttling: { state: 'set', value: { tokensPerMinute: 5000 } }, quota: { state: 'default', value: null } },
    { case: 'a request rate computed at request time, then a token rate: the token rate', policy: '<rate-limit calls="@(context.Variables.GetValueOrDefault<int>(&quot;n&quot;))" renewal-period="60" /><llm-token-limit counter-key="k" tokens-per-minute="5000" />', throttling: { state: 'set', value: { tokensPerMinute: 5000 } }, quota: { state: 'default', value: null } },
    { case: 'a token rate computed at request time', policy: '<llm-token-limit counter-key="k" tokens-per-minute="@(context.Variables.GetValueOrDefault<int>(&quot;tpm&quot;))" />', throttling: { state: 'unknown' }, quota: { state: 'default', value: null } },
  ])('token limits of an AI gateway API: $case', async ({ policy, throttling, quota }) => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    ${policy}
  </inbound>
</policies>
XML
}
`;
    const { node } = await load(text);
    const line = lineOf(text, policy.slice(0, 20));
    const at = (attr: { state: string }) => (attr.state === 'default' ? attr : { ...attr, source: { line } });
    expect(node('terraform:azurerm_api_management_api.orders#gateway')).toMatchObject({ attrs: { throttling: at(throttling), quota: at(quota) } });
  });

  it('leaves a policy unknown when a value known only at apply time stands where policies go', async () => {
    const text = `${SERVICE_DEFAULTS}
variable "auth_policy" {}

resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    \${var.auth_policy}
  </inbound>
</policies>
XML
}
`;
    const { node } = await load(text);
    const attrs = node('terraform:azurerm_api_management_api_operation.get_order')?.attrs as { authorization?: unknown } | undefined;
    expect(attrs?.authorization).toMatchObject({ state: 'unknown' });
  });

  it('reads the service policy written inline in the v3 service block (policy { xml_content })', async () => {
    const inline = `
  policy {
    xml_content = <<XML
<policies>
  <inbound>
    <rate-limit calls="20" renewal-period="10" />
  </inbound>
</policies>
XML
  }
}`;
    const text = SERVICE_DEFAULTS.replace(/(sku_name\s+= "Developer_1"\n)}/, `$1${inline}`);
    expect(text).toContain('policy {');
    const { node, diagnostics } = await load(text);
    expect(diagnostics).toEqual([]);
    expect(node('terraform:azurerm_api_management_api.orders#gateway')).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 2 }, source: { line: lineOf(text, '<rate-limit calls') } } } });
  });

  it('a policy read whole by file(): every backend and token check at its line in that file', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = file("\${path.module}/policy.xml")
}
`;
    const policy = `<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(context.Request.Headers.ContainsKey(&quot;X-Partner&quot;))">
        <validate-jwt header-name="X-Partner"><issuers><issuer>https://partners.example</issuer></issuers></validate-jwt>
        <set-backend-service base-url="http://eu.orders.example" />
      </when>
      <otherwise>
        <validate-jwt header-name="Authorization"><issuers><issuer>https://staff.example</issuer></issuers></validate-jwt>
        <set-backend-service base-url="https://us.orders.example" />
      </otherwise>
    </choose>
  </inbound>
</policies>`;
    const { nodes, edges, diagnostics } = await adaptTree(text, { 'policy.xml': policy });
    expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    const op = 'terraform:azurerm_api_management_api_operation.get_order';
    const backends = nodes.filter((n) => n.kind === 'api.backend' && n.id.includes('#set-backend-service'));
    expect(backends.map((n) => n.id)).toEqual([
      `terraform:azurerm_api_management_api_policy.orders#set-backend-service@${lineOf(policy, 'http://eu.orders')}`,
      `terraform:azurerm_api_management_api_policy.orders#set-backend-service@${lineOf(policy, 'https://us.orders')}`,
    ]);
    expect(backends.map((n) => (n.attrs as { url?: unknown }).url)).toEqual([
      expect.objectContaining({ value: 'http://eu.orders.example', source: expect.objectContaining({ file: expect.stringMatching(/policy\.xml$/) as unknown, line: lineOf(policy, 'http://eu.orders') }) as unknown }),
      expect.objectContaining({ value: 'https://us.orders.example', source: expect.objectContaining({ line: lineOf(policy, 'https://us.orders') }) as unknown }),
    ]);
    for (const backend of backends) expect(hasEdge(edges, op, 'operation-calls-backend', backend.id)).toBe(true);
    const issuers = nodes.filter((n) => n.kind === 'api.authorizer').map((n) => (n.attrs as { issuer?: { value?: unknown } }).issuer?.value);
    expect(issuers).toEqual(['https://partners.example', 'https://staff.example']);
  });

  it('a token check in <otherwise> authenticates when every other branch rejects the request', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(!context.Request.Headers.ContainsKey(&quot;Authorization&quot;))">
        <return-response><set-status code="401" reason="Sign in" /></return-response>
      </when>
      <otherwise>
        <validate-azure-ad-token tenant-id="contoso.example" />
      </otherwise>
    </choose>
  </inbound>
</policies>
XML
}
`;
    const { node } = await load(text);
    expect(node('terraform:azurerm_api_management_api_operation.get_order')).toMatchObject({
      attrs: { authorization: { state: 'set', value: 'jwt', source: { line: lineOf(text, '<validate-azure-ad-token') } } },
    });
  });

  it('an API of a service outside the scan: a service-wide diagnostic there may log it, so its logging is not known', async () => {
    const { node } = await load(`
data "azurerm_api_management" "shared" {
  name                = "shared-apim"
  resource_group_name = "rg"
}

resource "azurerm_api_management_api" "cdc" {
  name                = "cdc"
  resource_group_name = "rg"
  api_management_name = data.azurerm_api_management.shared.name
  revision            = "1"
  path                = "cdc"
  protocols           = ["https"]
}
`);
    const why = 'the API Management service is not in the scanned code: a service-wide diagnostic there may log requests';
    expect(node('terraform:azurerm_api_management_api.cdc#gateway')?.attrs).toMatchObject({
      accessLogging: { state: 'unknown', expr: why }, executionLogging: { state: 'unknown' }, dataTrace: { state: 'unknown' }, tracing: { state: 'unknown' },
      // Its service-wide policy, where the service is managed, may limit and cap every call.
      throttling: { state: 'unknown' }, quota: { state: 'unknown' },
    });
  });

  it('subscriptions to one API or to all of them go through no product: a usage plan of their own, without limits', async () => {
    const subscription = (name: string, extra: string) => `
resource "azurerm_api_management_subscription" "${name}" {
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "${name}"
${extra}
}
`;
    const text = `variable "state" { type = string }\n${SERVICE_DEFAULTS}`
      + subscription('api_scoped', '  api_id = azurerm_api_management_api.orders.id\n  state  = "active"')
      + subscription('all_apis', '  state = var.state')
      + subscription('submitted', '  api_id = azurerm_api_management_api.orders.id')
      + subscription('product_scoped', '  product_id = "/products/gold"\n  state      = "active"')
      + subscription('counted', '  count  = var.state == "x" ? 1 : 0\n  api_id = azurerm_api_management_api.orders.id\n  state  = "active"');
    const { node, edges } = await load(text);
    const plan = (name: string) => node(`terraform:azurerm_api_management_subscription.${name}#no-product`);
    expect(plan('api_scoped')).toMatchObject({
      kind: 'api.usage-plan', name: 'subscription api_scoped (no product)',
      attrs: { throttling: { value: null }, quota: { value: null }, keyRequired: { value: true }, applies: { state: 'default', value: true } },
    });
    expect(hasEdge(edges, 'terraform:azurerm_api_management_subscription.api_scoped#no-product', 'usage-plan-covers', 'terraform:azurerm_api_management_api.orders#gateway')).toBe(true);
    expect(plan('all_apis')).toMatchObject({ attrs: { applies: { state: 'unknown' } } });
    expect(hasEdge(edges, 'terraform:azurerm_api_management_subscription.all_apis#no-product', 'usage-plan-covers', 'terraform:azurerm_api_management_api.orders#gateway')).toBe(true);
    expect(plan('counted')).toMatchObject({ attrs: { applies: { state: 'unknown', expr: expect.stringContaining('may not exist') } } });
    // Not active (state defaults to "submitted"): its keys are refused. Through a product: the product's policy applies.
    expect(plan('submitted')).toBeUndefined();
    expect(plan('product_scoped')).toBeUndefined();
  });

  it('a product whose policy two APIs of one for_each drop (no <base />) covers each as a plan of its own', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_api_management_api" "multi" {
  for_each            = toset(["one", "two"])
  name                = each.key
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  revision            = "1"
  path                = each.key
  protocols           = ["https"]
}

resource "azurerm_api_management_api_policy" "multi" {
  for_each            = toset(["one", "two"])
  api_name            = azurerm_api_management_api.multi[each.key].name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = "<policies><inbound><set-header name=\\"x\\" exists-action=\\"override\\"><value>1</value></set-header></inbound></policies>"
}

resource "azurerm_api_management_product" "gold" {
  product_id          = "gold"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "gold"
}

resource "azurerm_api_management_product_policy" "gold" {
  product_id          = azurerm_api_management_product.gold.product_id
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = "<policies><inbound><rate-limit calls=\\"10\\" renewal-period=\\"60\\" /></inbound></policies>"
}

resource "azurerm_api_management_product_api" "gold" {
  for_each            = toset(["one", "two"])
  product_id          = azurerm_api_management_product.gold.product_id
  api_name            = azurerm_api_management_api.multi[each.key].name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}
`;
    const { nodes, diagnostics } = await load(text);
    const bypassed = nodes.filter((n) => n.id.includes('#bypassed-by-'));
    expect(bypassed.map((n) => n.name).sort()).toEqual([
      'gold (its policy does not run for API one: the API policy has no <base />)',
      'gold (its policy does not run for API two: the API policy has no <base />)',
    ]);
    expect(diagnostics.filter((d) => /declared more than once/.test(d.message))).toEqual([]);
  });

  it('products: whether each takes calls without a subscription key (open), and whether it applies', async () => {
    const product = (name: string, extra: string) => `
resource "azurerm_api_management_product" "${name}" {
  product_id          = "${name}"
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "${name}"
${extra}
}

resource "azurerm_api_management_product_api" "${name}" {
  product_id          = azurerm_api_management_product.${name}.product_id
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
}
`;
    const text = `variable "open" { type = bool }\nvariable "trial" { type = bool }\n${SERVICE_DEFAULTS}${product('gold', '')}${product('starter', '  subscription_required = false')}`
      + `${product('maybe_open', '  subscription_required = var.open')}${product('trial', '  count = var.trial ? 1 : 0')}`;
    const { node } = await load(text);
    const attrsOf = (name: string) => node(`terraform:azurerm_api_management_product.${name}`)?.attrs;
    expect(attrsOf('gold')).toMatchObject({ keyRequired: { state: 'default', value: true }, applies: { state: 'default', value: true } });
    expect(attrsOf('starter')).toMatchObject({ keyRequired: { state: 'set', value: false } });
    expect(attrsOf('maybe_open')).toMatchObject({ keyRequired: { state: 'unknown', expr: 'var.open' } });
    expect(attrsOf('trial')).toMatchObject({ applies: { state: 'unknown', expr: expect.stringContaining('azurerm_api_management_product.trial may not exist') } });
    // In an open product, the operation takes calls without any key, whatever the API requires.
    expect(node('terraform:azurerm_api_management_api_operation.get_order')?.attrs).toMatchObject({ apiKeyRequired: { state: 'set', value: false }, authorization: { value: 'none' } });
  });

  it('a call without a key to an API in an open product goes through that product, never around it', async () => {
    // The service is not in the scan: its policy is not known, but no request path runs it.
    const text = `${SERVICE_DEFAULTS.replace(/api_management_name = azurerm_api_management\.apim\.name/g, 'api_management_name = "shared-apim"').replace('  service_url ', '  subscription_required = false\n  service_url ')}
resource "azurerm_api_management_product" "open" {
  product_id            = "open"
  api_management_name   = "shared-apim"
  resource_group_name   = "rg"
  display_name          = "Open"
  subscription_required = false
}

resource "azurerm_api_management_product_api" "open" {
  product_id          = azurerm_api_management_product.open.product_id
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = "shared-apim"
  resource_group_name = "rg"
}

resource "azurerm_api_management_product_policy" "open" {
  product_id          = azurerm_api_management_product.open.product_id
  api_management_name = "shared-apim"
  resource_group_name = "rg"
  xml_content         = "<policies><inbound><rate-limit calls=\\"10\\" renewal-period=\\"1\\" /></inbound></policies>"
}
`;
    const { node } = await load(text);
    // The product's inbound has no <base />: the service policy does not run on the one path, so nothing is unknown.
    expect(node('terraform:azurerm_api_management_api_operation.get_order')).toMatchObject({ attrs: { requestValidation: { state: 'default', value: 'none' }, authorization: { state: 'set', value: 'none' } } });
  });

  it('fronts: Application Gateway with a WAF policy in detection mode, Front Door with a firewall policy', async () => {
    const text = `${SERVICE_DEFAULTS}
resource "azurerm_web_application_firewall_policy" "waf" {
  name                = "appgw-waf"
  resource_group_name = "rg"
  location            = "westeurope"
  policy_settings {
    mode = "Detection"
  }
  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

resource "azurerm_application_gateway" "agw" {
  name                = "agw"
  resource_group_name = "rg"
  location            = "westeurope"
  firewall_policy_id  = azurerm_web_application_firewall_policy.waf.id
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20150501"
  }
  backend_address_pool {
    name  = "apim"
    fqdns = ["contoso-apim.azure-api.net"]
  }
  backend_http_settings {
    name                  = "apim"
    cookie_based_affinity = "Disabled"
    port                  = 443
    protocol              = "Https"
  }
  http_listener {
    name                           = "http"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "80"
    protocol                       = "Http"
  }
  request_routing_rule {
    name                       = "http"
    rule_type                  = "Basic"
    http_listener_name         = "http"
    backend_address_pool_name  = "apim"
    backend_http_settings_name = "apim"
  }
}

resource "azurerm_cdn_frontdoor_profile" "fd" {
  name                = "fd"
  resource_group_name = "rg"
  sku_name            = "Premium_AzureFrontDoor"
}

resource "azurerm_cdn_frontdoor_endpoint" "ep" {
  name                     = "contoso-api"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.fd.id
}

resource "azurerm_cdn_frontdoor_origin_group" "og" {
  name                     = "apim"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.fd.id
  load_balancing {}
}

resource "azurerm_cdn_frontdoor_origin" "apim" {
  name                           = "apim"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.og.id
  host_name                      = replace(azurerm_api_management.apim.gateway_url, "https://", "")
  certificate_name_check_enabled = true
}

resource "azurerm_cdn_frontdoor_route" "r" {
  name                          = "r"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.ep.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.og.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.apim.id]
  patterns_to_match             = ["/*"]
  supported_protocols           = ["Http", "Https"]
  forwarding_protocol           = "HttpsOnly"
}

resource "azurerm_cdn_frontdoor_firewall_policy" "fdwaf" {
  name                = "fdwaf"
  resource_group_name = "rg"
  sku_name            = "Premium_AzureFrontDoor"
  mode                = "Prevention"
  managed_rule {
    type    = "Microsoft_DefaultRuleSet"
    version = "2.1"
    action  = "Block"
  }
}

resource "azurerm_cdn_frontdoor_security_policy" "sp" {
  name                     = "sp"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.fd.id
  security_policies {
    firewall {
      cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.fdwaf.id
      association {
        patterns_to_match = ["/*"]
        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.ep.id
        }
      }
    }
  }
}
`;
    const { node, edges, diagnostics } = await load(text);
    expect(diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    const api = 'terraform:azurerm_api_management_api.orders';
    expect(hasEdge(edges, 'terraform:azurerm_application_gateway.agw', 'cdn-fronts', api)).toBe(true);
    expect(hasEdge(edges, 'terraform:azurerm_web_application_firewall_policy.waf', 'waf-protects', 'terraform:azurerm_application_gateway.agw')).toBe(true);
    expect(node('terraform:azurerm_web_application_firewall_policy.waf')).toMatchObject({ attrs: { mode: { state: 'set', value: 'detection' }, managedRuleGroups: { value: ['OWASP 3.2'] } } });
    expect(node('terraform:azurerm_application_gateway.agw#listener')).toMatchObject({
      attrs: { minTlsVersion: { state: 'set', value: '1.0' }, allowsPlainHttp: { state: 'set', value: true, source: { line: lineOf(text, 'name                           = "http"') - 1 } } },
    });
    expect(node('terraform:azurerm_application_gateway.agw')).toMatchObject({ kind: 'edge.cdn', attrs: { originProtocol: { state: 'set', value: 'https-only' } } });
    expect(hasEdge(edges, 'terraform:azurerm_cdn_frontdoor_profile.fd', 'cdn-fronts', api)).toBe(true);

    // A listener and backend settings no routing rule names take and send no request.
    const unrouted = text.replace('  request_routing_rule {\n    name                       = "http"', `  http_listener {
    name                           = "https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "443"
    protocol                       = "Https"
    ssl_certificate_name           = "api"
  }
  backend_http_settings {
    name                  = "plain"
    cookie_based_affinity = "Disabled"
    port                  = 80
    protocol              = "Http"
  }
  request_routing_rule {
    name                       = "http"`).replace('http_listener_name         = "http"', 'http_listener_name         = "https"');
    const routedOnly = await load(unrouted);
    expect(routedOnly.node('terraform:azurerm_application_gateway.agw#listener')).toMatchObject({ attrs: { allowsPlainHttp: { state: 'default', value: false }, hostname: { value: 'application gateway frontend IP' } } });
    expect(routedOnly.node('terraform:azurerm_application_gateway.agw')).toMatchObject({ attrs: { originProtocol: { state: 'set', value: 'https-only' } } });
    // Rules from a dynamic block whose for_each is not known may use any listener.
    const dynamicText = `variable "rules" {}\n${text.replace(/  request_routing_rule \{\n    name                       = "http"\n    rule_type                  = "Basic"\n    http_listener_name         = "http"/, '  dynamic "request_routing_rule" {\n    for_each = var.rules\n    content {\n    name                       = request_routing_rule.key\n    rule_type                  = "Basic"\n    http_listener_name         = request_routing_rule.value').replace(/backend_http_settings_name = "apim"\n  \}\n\}/, 'backend_http_settings_name = "apim"\n    }\n  }\n}')}`;
    expect(dynamicText).toContain('dynamic "request_routing_rule"');
    expect(dynamicText).toContain('    }\n  }\n}');
    const dynamicRules = await load(dynamicText);
    expect(dynamicRules.node('terraform:azurerm_application_gateway.agw#listener')).toMatchObject({ attrs: { allowsPlainHttp: { state: 'set', value: true } } });
    expect(hasEdge(edges, 'terraform:azurerm_cdn_frontdoor_firewall_policy.fdwaf', 'waf-protects', 'terraform:azurerm_cdn_frontdoor_profile.fd')).toBe(true);
    expect(node('terraform:azurerm_cdn_frontdoor_firewall_policy.fdwaf')).toMatchObject({ attrs: { mode: { state: 'set', value: 'prevention' }, managedRuleGroups: { value: ['Microsoft_DefaultRuleSet 2.1'] } } });
    expect(node('terraform:azurerm_cdn_frontdoor_endpoint.ep#listener')).toMatchObject({ attrs: { hostname: { value: 'contoso-api.azurefd.net' }, minTlsVersion: { value: '1.2' }, allowsPlainHttp: { state: 'default', value: false } } });
  });
});
