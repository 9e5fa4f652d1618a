import { runPolicies } from '../../../src/engine/run';
import { scan } from '../../../src/scan/scan';
import { builtinPolicies } from '../../../policies';
import { fixture, loadTerraform } from './plan-helpers';
import { tempTree } from './tf-helpers';

const DIR = fixture('with-sources');
const MAIN_TF = fixture('with-sources', 'main.tf');
const PLAN = fixture('with-sources', 'plan.json');

function tlsPolicy() {
  const policy = builtinPolicies.find((p) => p.slug === 'tls-version');
  if (!policy) throw new Error('no tls-version policy');
  return policy;
}

describe('plan JSON next to the .tf files it was made from', () => {
  test('each problem is reported once, with the plan\'s values and the .tf file\'s lines', async () => {
    const result = await scan({ paths: [DIR], cwd: fixture(), only: ['tls-version'] });
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(result.graph.nodesOf('api.domain').map((n) => n.id).sort()).toEqual([
      'terraform:with-sources:aws_api_gateway_domain_name.fail_from_variable',
      'terraform:with-sources:aws_api_gateway_domain_name.pass_tls12',
    ]);
    const failures = result.results.filter((r) => r.status === 'fail');
    expect(failures).toHaveLength(1);
    // The .tf file alone leaves var.tls_policy unknown; the plan knows it is TLS_1_0, and the finding points at the argument.
    expect(failures[0]?.message).toMatch(/TLS 1\.0/);
    expect(failures[0]?.location).toEqual({ kind: 'file', file: MAIN_TF, line: 15, endLine: 15, address: 'aws_api_gateway_domain_name.fail_from_variable' });
    expect(result.graph.get('terraform:with-sources:aws_api_gateway_domain_name.pass_tls12')?.source).toEqual({
      kind: 'file', file: MAIN_TF, line: 22, endLine: 30, address: 'aws_api_gateway_domain_name.pass_tls12',
    });
  });

  test('read alone, the .tf file leaves the value unknown and the plan points at itself', async () => {
    const hcl = await loadTerraform([MAIN_TF]);
    const fromHcl = runPolicies(hcl.graph, [tlsPolicy()]).map((r) => `${r.node.name}: ${r.status}`);
    expect(fromHcl.sort()).toEqual(['fail_from_variable: unknown', 'pass_tls12: pass']);

    const plan = await loadTerraform([PLAN]);
    const failure = runPolicies(plan.graph, [tlsPolicy()]).find((r) => r.status === 'fail');
    expect(failure?.location).toMatchObject({ file: PLAN, line: 1, address: 'aws_api_gateway_domain_name.fail_from_variable' });
  });

  test('a plan made from other sources is not reconciled with them', async () => {
    // plan-only/ declares module.api and module.edge resources that with-sources/main.tf does not have.
    const { graph } = await loadTerraform([MAIN_TF, fixture('plan-only', 'plan.json')]);
    const ids = graph.nodesOf('api.domain').map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([
      'terraform:with-sources:aws_api_gateway_domain_name.fail_from_variable',
      'terraform:plan-only:aws_api_gateway_domain_name.computed_policy',
    ]));
    expect(graph.get('terraform:plan-only:aws_api_gateway_domain_name.computed_policy')?.source).toMatchObject({ file: fixture('plan-only', 'plan.json') });
  });
});

describe('a nested block known only after apply and not in the plan\'s configuration (computed, or a dynamic block)', () => {
  /** A plan creating a REST API whose endpoint_configuration the provider computes (after_unknown), as Terraform writes it. */
  const plan = JSON.stringify({
    format_version: '1.2', terraform_version: '1.9.0',
    planned_values: { root_module: { resources: [
      { address: 'aws_api_gateway_rest_api.api', mode: 'managed', type: 'aws_api_gateway_rest_api', name: 'api', provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: { name: 'orders', body: null }, sensitive_values: {} },
    ] } },
    resource_changes: [
      { address: 'aws_api_gateway_rest_api.api', mode: 'managed', type: 'aws_api_gateway_rest_api', name: 'api', change: { actions: ['create'], before: null, after: { name: 'orders', body: null }, after_unknown: { endpoint_configuration: true, id: true, arn: true } } },
    ],
    configuration: { root_module: { resources: [
      { address: 'aws_api_gateway_rest_api.api', mode: 'managed', type: 'aws_api_gateway_rest_api', name: 'api', expressions: { name: { constant_value: 'orders' } } },
    ] } },
  });

  async function endpointType(files: Readonly<Record<string, string>>): Promise<unknown> {
    const tree = tempTree(files);
    try {
      const result = await scan({ paths: [tree.root], cwd: tree.root });
      const api = result.graph.nodesOf('api')[0];
      return api?.attrs.endpointType;
    } finally {
      tree.cleanup();
    }
  }

  test('with the .tf files that do not write it: computed by the provider, so its default applies (edge)', async () => {
    expect(await endpointType({ 'plan.json': plan, 'main.tf': 'resource "aws_api_gateway_rest_api" "api" {\n  name = "orders"\n}\n' }))
      .toMatchObject({ state: 'default', value: 'edge' });
  });

  test('with .tf files that write it as a dynamic block: not known', async () => {
    const tf = 'resource "aws_api_gateway_rest_api" "api" {\n  name = "orders"\n  dynamic "endpoint_configuration" {\n    for_each = var.types\n    content {\n      types = [endpoint_configuration.value]\n    }\n  }\n}\nvariable "types" {}\n';
    expect(await endpointType({ 'plan.json': plan, 'main.tf': tf })).toMatchObject({ state: 'unknown' });
  });

  test('with .tf files whose dynamic block expands to nothing there: written, so not taken for a computed block', async () => {
    const tf = 'resource "aws_api_gateway_rest_api" "api" {\n  name = "orders"\n  dynamic "endpoint_configuration" {\n    for_each = []\n    content {\n      types = ["PRIVATE"]\n    }\n  }\n}\n';
    expect(await endpointType({ 'plan.json': plan, 'main.tf': tf })).toMatchObject({ state: 'unknown' });
  });

  test('the plan alone cannot tell: not known, and the message says why', async () => {
    expect(await endpointType({ 'plan.json': plan })).toMatchObject({
      state: 'unknown', expr: 'endpoint_configuration is known only after apply (computed by the provider, or a dynamic block)',
    });
  });
});
