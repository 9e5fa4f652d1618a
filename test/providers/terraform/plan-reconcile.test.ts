import { runPolicies } from '../../../src/engine/run';
import { scan } from '../../../src/scan/scan';
import { builtinPolicies } from '../../../policies';
import { fixture, loadTerraform } from './plan-helpers';

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
