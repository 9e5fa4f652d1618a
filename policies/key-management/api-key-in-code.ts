import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';

export default definePolicy({
  id: 'GW-KEY-001',
  slug: 'api-key-in-code',
  title: 'API key values are not written in code',
  severity: 'high',
  category: 'key-management',
  control: 'api-key-in-code',
  owasp: ['API2:2023', 'API8:2023'],
  target: 'api.key',
  rationale:
    'A key value written in infrastructure code is copied to every clone, fork, CI log and state file, and stays in version control history after it is changed. ' +
    'Let the platform generate the key, or read it from a secret store.',
  remediation: {
    terraform: [
      '# Let API Gateway generate the value (omit `value`)...',
      'resource "aws_api_gateway_api_key" "partner" {',
      '  name = "partner"',
      '}',
      '',
      '# ...or read it from a secret store',
      'data "aws_secretsmanager_secret_version" "partner_key" {',
      '  secret_id = "api/partner-key"',
      '}',
      'resource "aws_api_gateway_api_key" "partner_from_secret" {',
      '  name  = "partner"',
      '  value = data.aws_secretsmanager_secret_version.partner_key.secret_string',
      '}',
      '',
      '# Azure API Management: named values that hold secrets come from Key Vault...',
      'resource "azurerm_api_management_named_value" "backend_key" {',
      '  name                = "backend-api-key"',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  display_name        = "backend-api-key"',
      '  secret              = true',
      '  value_from_key_vault {',
      '    secret_id = azurerm_key_vault_secret.backend_key.versionless_id',
      '  }',
      '}',
      '# ...and subscriptions let APIM generate their keys (omit primary_key and secondary_key).',
    ].join('\n'),
    cloudformation: [
      '# Let API Gateway generate the value (omit Value), or read it from Secrets Manager at deploy time',
      'PartnerKey:',
      '  Type: AWS::ApiGateway::ApiKey',
      '  Properties:',
      '    Name: partner',
      '    Enabled: true',
      '    Value: \'{{resolve:secretsmanager:api/partner:SecretString:key}}\'',
      '# Never a literal Value, nor a parameter Default: both are stored in the template',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-setup-api-key-with-console.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-properties',
  ],
  frameworks: { 'pci-dss-4.0': ['8.3.2', '8.6.2'], 'nist-800-53': ['IA-5(7)'] },
  evaluate(key) {
    const source = key.attrs.valueSource;
    switch (source.state) {
      case 'unknown':
        return unknown(`\`${key.name}\`: where the key value comes from is not known statically (${source.expr ?? 'computed'})`, source.source ?? key.source);
      case 'set':
      case 'default':
        // Only the preview is ever shown: the value itself must not reach any report.
        return source.value === 'literal'
          ? fail(`\`${key.name}\` has its value written in code${previewOf(key.attrs.valuePreview)}`, source.source ?? key.source)
          : pass();
    }
  },
});

function previewOf(preview: Attr<string | null>): string {
  switch (preview.state) {
    case 'unknown':
      return '';
    case 'set':
    case 'default':
      return preview.value === null ? '' : ` (${preview.value})`;
  }
}
