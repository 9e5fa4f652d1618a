import { runPolicies } from '../../../src/engine/run';
import { builtinPolicies } from '../../../policies';
import { fixture, loadTerraform } from './plan-helpers';
import { scan } from '../../../src/scan/scan';
import { tempTree } from './tf-helpers';

const STATE = fixture('state', 'state.json');

describe('state JSON (terraform show -json of a state)', () => {
  test('values come from the state; findings point at the line and column of the resource in the pretty-printed file', async () => {
    const { graph, diagnostics } = await loadTerraform([STATE]);
    expect(diagnostics).toEqual([]);
    const domain = graph.get('terraform:state:aws_api_gateway_domain_name.legacy');
    expect(domain?.kind).toBe('api.domain');
    expect(domain?.source).toEqual({ kind: 'file', file: STATE, line: 45, column: 11, address: 'aws_api_gateway_domain_name.legacy' });
    const tls = builtinPolicies.find((p) => p.slug === 'tls-version');
    if (!tls) throw new Error('no tls-version policy');
    expect(runPolicies(graph, [tls]).map((r) => `${r.node.name}: ${r.status}`)).toEqual(['legacy: fail']);
  });

  test('empty strings a provider stores for unset arguments are unset, so no certificate or policy seems present', async () => {
    const { graph } = await loadTerraform([STATE]);
    const api = graph.get('terraform:state:aws_api_gateway_rest_api.api');
    if (api?.kind !== 'api') throw new Error('no api');
    expect(api.attrs.resourcePolicy).toMatchObject({ state: 'default', value: null });
    expect(api.attrs.endpointType).toMatchObject({ state: 'set', value: 'regional' });
  });

  test('a stage belongs to the API whose id its rest_api_id holds: a state has literal ids, no references', async () => {
    const resource = (type: string, name: string, values: object) => ({ address: `${type}.${name}`, mode: 'managed', type, name, provider_name: 'aws', schema_version: 0, values });
    const tree = tempTree({ 'state.json': JSON.stringify({ format_version: '1.0', terraform_version: '1.7.5', values: { root_module: { resources: [
      resource('aws_api_gateway_rest_api', 'api', { id: 'a1b2c3', name: 'orders' }),
      resource('aws_api_gateway_stage', 'prod', { stage_name: 'prod', rest_api_id: 'a1b2c3' }),
      resource('aws_api_gateway_stage', 'other', { stage_name: 'prod', rest_api_id: 'd4e5f6' }),
    ] } } }) });
    try {
      const { graph } = await scan({ paths: [tree.path('state.json')], cwd: tree.root });
      const apiOfStage = (name: string) => graph.nodesOf('api.stage').find((s) => s.name === name)?.id;
      expect(graph.in(apiOfStage('prod') ?? '', 'api-has-stage').map((n) => n.name)).toEqual(['api']);
      expect(graph.in(apiOfStage('other') ?? '', 'api-has-stage')).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });
});

describe('Terraform 0.12.0 states', () => {
  test('the instances of a count resource, which 0.12.0 wrote with one address and the key in index alone, are each read', async () => {
    const stage = (index: number) => ({
      address: 'aws_api_gateway_stage.baz', mode: 'managed', type: 'aws_api_gateway_stage', name: 'baz', index, provider_name: 'aws', schema_version: 0,
      values: { stage_name: `s${index}`, rest_api_id: 'a1b2c3', xray_tracing_enabled: index === 1 },
    });
    const tree = tempTree({ 'state.json': JSON.stringify({ format_version: '0.1', terraform_version: '0.12.0', values: { root_module: { resources: [stage(0), stage(1), stage(2)] } } }) });
    try {
      const result = await scan({ paths: [tree.path('state.json')], cwd: tree.root });
      expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
      expect(result.graph.nodesOf('api.stage').map((n) => n.name)).toEqual(['baz[0]', 'baz[1]', 'baz[2]']);
    } finally {
      tree.cleanup();
    }
  });
});
