import { planToResources } from '../../../providers/terraform/plan/load-plans';
import { parsePlanText } from '../../../providers/terraform/plan/read-plan';
import { placeOf, scanResults } from './tf-helpers';

/** A plan whose module `api` sets an API key's value from its input `key`, which the root passes as `passed`. */
function keyInputs(passed: unknown, rootVariables: Record<string, unknown>): readonly string[] | undefined {
  const address = 'module.api.aws_api_gateway_api_key.this';
  const plan = {
    format_version: '1.2', terraform_version: '1.9.0',
    planned_values: { root_module: { child_modules: [{ address: 'module.api', resources: [
      { address, mode: 'managed', type: 'aws_api_gateway_api_key', name: 'this', values: { name: 'partner', value: 'Zq8vHk2LmN4pQr6s' }, sensitive_values: {} },
    ] }] } },
    resource_changes: [{ address, mode: 'managed', type: 'aws_api_gateway_api_key', name: 'this', change: { actions: ['create'], after_unknown: { id: true } } }],
    configuration: { root_module: {
      variables: rootVariables,
      module_calls: { api: { source: './api', expressions: { key: passed }, module: {
        variables: { key: {} },
        resources: [{ address: 'aws_api_gateway_api_key.this', mode: 'managed', type: 'aws_api_gateway_api_key', name: 'this', expressions: { value: { references: ['var.key'] } } }],
      } } },
    } },
  };
  const read = parsePlanText('plan.json', JSON.stringify(plan));
  if (!('document' in read)) throw new Error(read.diagnostic.message);
  const [key] = planToResources(read.document, []).resources;
  return key?.body.attribute?.('value')?.inputs;
}

describe('plan values given when Terraform runs (root variables without a default)', () => {
  test('followed through module inputs to the root variable', () => {
    expect(keyInputs({ references: ['var.partner_key'] }, { partner_key: { sensitive: true } })).toEqual(['partner_key']);
  });

  test('a root variable whose default is null has no value in the code either', () => {
    expect(keyInputs({ references: ['var.partner_key'] }, { partner_key: { default: null } })).toEqual(['partner_key']);
  });

  test('a root variable with a default is written in the code', () => {
    expect(keyInputs({ references: ['var.partner_key'] }, { partner_key: { default: 'Zq8vHk2LmN4pQr6s' } })).toEqual([]);
  });

  test('a constant passed to the module is written in the code', () => {
    expect(keyInputs({ constant_value: 'Zq8vHk2LmN4pQr6s' }, {})).toEqual([]);
  });
});

describe('a plan scanned with the .tf files and .tfvars it was made from', () => {
  const tf = 'variable "partner_key" {\n  sensitive = true\n}\n\nresource "aws_api_gateway_api_key" "partner" {\n  name  = "partner"\n  value = var.partner_key\n}\n';
  const plan = JSON.stringify({
    format_version: '1.2', terraform_version: '1.9.0',
    planned_values: { root_module: { resources: [
      { address: 'aws_api_gateway_api_key.partner', mode: 'managed', type: 'aws_api_gateway_api_key', name: 'partner', values: { name: 'partner', value: 'Zq8vHk2LmN4pQr6sTu8w', enabled: true }, sensitive_values: { value: true } },
    ] } },
    resource_changes: [{ address: 'aws_api_gateway_api_key.partner', mode: 'managed', type: 'aws_api_gateway_api_key', name: 'partner', change: { actions: ['create'], after_unknown: { id: true } } }],
    configuration: { root_module: {
      variables: { partner_key: { sensitive: true } },
      resources: [{ address: 'aws_api_gateway_api_key.partner', mode: 'managed', type: 'aws_api_gateway_api_key', name: 'partner', expressions: { name: { constant_value: 'partner' }, value: { references: ['var.partner_key'] } } }],
    } },
  });

  const keyFailures = async (files: Readonly<Record<string, string>>) => (await scanResults(files, ['GW-KEY-001'])).filter((r) => r.status === 'fail');
  const keyFindings = async (files: Readonly<Record<string, string>>) => (await keyFailures(files)).map((r) => r.message);
  const keyFindingPlaces = async (files: Readonly<Record<string, string>>) => (await keyFailures(files)).map(placeOf);

  test('a value a committed .tfvars gives is written in the code, and shown at its line there', async () => {
    const files = { 'main.tf': tf, 'terraform.tfvars': 'region      = "eu-west-1"\npartner_key = "Zq8vHk2LmN4pQr6sTu8w"\n', 'plan.json': plan };
    expect(await keyFindings(files)).toEqual([expect.stringContaining('written in code')]);
    expect(await keyFindingPlaces(files)).toEqual(['terraform.tfvars:2']);
  });

  test('a value no scanned file gives came with the run (TF_VAR_, a CI secret)', async () => {
    expect(await keyFindings({ 'main.tf': tf, 'plan.json': plan })).toEqual([]);
  });
});
