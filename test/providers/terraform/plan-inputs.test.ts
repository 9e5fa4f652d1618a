import { planToResources } from '../../../providers/terraform/plan/load-plans';
import { parsePlanText } from '../../../providers/terraform/plan/read-plan';

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

  test('a root variable with a default is written in the code', () => {
    expect(keyInputs({ references: ['var.partner_key'] }, { partner_key: { default: 'Zq8vHk2LmN4pQr6s' } })).toEqual([]);
  });

  test('a constant passed to the module is written in the code', () => {
    expect(keyInputs({ constant_value: 'Zq8vHk2LmN4pQr6s' }, {})).toEqual([]);
  });
});
