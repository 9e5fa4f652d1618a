import { runPolicies } from '../../../src/engine/run';
import { builtinPolicies } from '../../../policies';
import { fixture, loadTerraform } from './plan-helpers';

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
});
