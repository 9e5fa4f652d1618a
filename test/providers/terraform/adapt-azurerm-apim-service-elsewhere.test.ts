import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adaptTree } from './tf-helpers';

/**
 * API Management pieces whose counterpart is in another configuration: what each piece still says on its own
 * (external authorization in policy code, backend URLs, service-wide backend protocols, an API's protocols).
 */

const load = adaptTree;

const SERVICE = `
resource "azurerm_api_management" "apim" {
  name                = "contoso-apim"
  location            = "westeurope"
  resource_group_name = "rg"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_api_management_api" "orders" {
  name                  = "orders"
  resource_group_name   = "rg"
  api_management_name   = azurerm_api_management.apim.name
  revision              = "1"
  path                  = "orders"
  subscription_required = false
  service_url           = "https://orders.contoso.example"
}

resource "azurerm_api_management_api_operation" "list" {
  operation_id        = "list"
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  display_name        = "List"
  method              = "GET"
  url_template        = "/orders"
}
`;

function withApiPolicy(inbound: string): string {
  return `${SERVICE}
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.apim.name
  resource_group_name = "rg"
  xml_content         = <<XML
<policies>
  <inbound>
    <base />
${inbound}
  </inbound>
</policies>
XML
}
`;
}

const OPERATION = 'terraform:azurerm_api_management_api_operation.list';

describe('authorization written as policy code', () => {
  it('an authorization service called with send-request, then a conditional 403, is not known statically', async () => {
    const text = withApiPolicy(`
    <send-request mode="new" response-variable-name="verdict">
      <set-url>{{authorizer-url}}</set-url>
    </send-request>
    <choose>
      <when condition="@(((IResponse)context.Variables["verdict"]).StatusCode != 200)">
        <return-response><set-status code="403" reason="Forbidden" /></return-response>
      </when>
    </choose>`);
    const { node } = await load(text);
    const line = text.split('\n').findIndex((l) => l.includes('<return-response>')) + 1;
    expect(node(OPERATION)).toMatchObject({
      attrs: { authorization: { state: 'unknown', expr: expect.stringMatching(/^send-request, then return-response 403 under a <choose> condition: .*cannot be verified statically$/), source: { line } } },
    });
  });

  it('the gateway authenticating itself to its backend with a managed identity leaves callers unauthenticated', async () => {
    const { node } = await load(withApiPolicy('    <authentication-managed-identity resource="api://orders-backend" />'));
    expect(node(OPERATION)).toMatchObject({ attrs: { authorization: { value: 'none' } } });
  });

  it('a send-request that feeds no rejection (a notification) changes nothing', async () => {
    const { node } = await load(withApiPolicy('    <send-one-way-request mode="new"><set-url>https://audit.contoso.example</set-url></send-one-way-request>\n    <send-request mode="new" response-variable-name="x"><set-url>https://audit.contoso.example</set-url></send-request>'));
    expect(node(OPERATION)).toMatchObject({ attrs: { authorization: { value: 'none' } } });
  });
});

describe('backend URLs', () => {
  it('a URL in a named value that is not in the scan says so', async () => {
    const { nodes } = await load(withApiPolicy('    <set-backend-service base-url="{{orders-url}}" />'));
    const backend = nodes.find((n) => n.kind === 'api.backend' && n.id.includes('set-backend-service'));
    expect(backend).toMatchObject({ attrs: { usesTls: { state: 'unknown', expr: 'the URL is in named value orders-url, which is not in the scanned code' } } });
  });

  it('a URL in a secret named value says it is a secret, and never shows the value', async () => {
    const text = `${withApiPolicy('    <set-backend-service base-url="{{orders-url}}" />')}
resource "azurerm_api_management_named_value" "orders_url" {
  name                = "orders-url"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  display_name        = "orders-url"
  value               = "https://orders.contoso.example"
  secret              = true
}
`;
    const { nodes } = await load(text);
    const backend = nodes.find((n) => n.kind === 'api.backend' && n.id.includes('set-backend-service'));
    expect(backend).toMatchObject({ attrs: { usesTls: { state: 'unknown', expr: 'the URL is in named value orders-url, which is a secret' } } });
  });

  it('a template URL whose host is known only at apply time still has a known scheme', async () => {
    const text = `${SERVICE}
resource "azurerm_api_management_backend" "functions" {
  name                = "functions"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "https://\${azurerm_linux_function_app.orders.default_hostname}/api"
}

resource "azurerm_api_management_backend" "plain" {
  name                = "plain"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = "http://\${var.host}"
}

resource "azurerm_api_management_backend" "opaque" {
  name                = "opaque"
  resource_group_name = "rg"
  api_management_name = azurerm_api_management.apim.name
  protocol            = "http"
  url                 = var.url
}
`;
    const { node } = await load(text);
    expect(node('terraform:azurerm_api_management_backend.functions')).toMatchObject({ attrs: { url: { state: 'unknown' }, usesTls: { state: 'set', value: true } } });
    expect(node('terraform:azurerm_api_management_backend.plain')).toMatchObject({ attrs: { usesTls: { state: 'set', value: false } } });
    expect(node('terraform:azurerm_api_management_backend.opaque')).toMatchObject({ attrs: { usesTls: { state: 'unknown', expr: 'var.url' } } });
  });
});

describe('a service or an API whose counterpart is elsewhere', () => {
  it('a service with no API or backend in the scan carries its backend protocols on one node for its backends', async () => {
    const text = SERVICE.split('resource "azurerm_api_management_api"')[0]?.replace('sku_name            = "Developer_1"', 'sku_name            = "Developer_1"\n  security {\n    enable_backend_tls11 = true\n  }') ?? '';
    const { node } = await load(text);
    expect(node('terraform:azurerm_api_management.apim#backends')).toMatchObject({
      kind: 'api.backend',
      attrs: { url: { state: 'unknown', expr: 'the backends of contoso-apim are not in the scanned code' }, minTlsVersion: { state: 'set', value: '1.1' } },
    });
  });

  it('a service with an API in the scan has no such node: its backends carry the protocols', async () => {
    const { node } = await load(SERVICE);
    expect(node('terraform:azurerm_api_management.apim#backends')).toBeUndefined();
    expect(node('terraform:azurerm_api_management_api.orders#service-url')).toMatchObject({ attrs: { minTlsVersion: { state: 'default', value: '1.2' } } });
  });

  it('an API whose service is elsewhere gets that service\'s default host, with only its own protocols known', async () => {
    const text = readFileSync(join(__dirname, '../../../policies/encryption/__fixtures__/https-only/terraform/apim-api-service-elsewhere.tf'), 'utf8');
    const { node } = await load(text);
    expect(node('terraform:azurerm_api_management_api.fail_http_and_https#default-host')).toMatchObject({
      kind: 'api.domain',
      attrs: {
        hostname: { state: 'set', value: 'platform-apim.azure-api.net' },
        allowsPlainHttp: { state: 'set', value: true },
        minTlsVersion: { state: 'unknown', expr: 'the API Management service is not in the scanned code' },
      },
    });
    expect(node('terraform:azurerm_api_management_api.pass_default_protocols#default-host')).toMatchObject({ attrs: { allowsPlainHttp: { state: 'default', value: false } } });
  });
});
