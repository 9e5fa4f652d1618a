import { fixture, loadTerraform } from './plan-helpers';

const PLAN = fixture('keyed-refs', 'plan.json');

describe('plan JSON: references to one instance of a for_each resource by a key of another', () => {
  // `resource_id = aws_api_gateway_resource.this[each.value.path].id` is listed as `aws_api_gateway_resource.this`:
  // the method keys ("GET /orders") are not the resource keys ("/orders"), so only the known id says which instance.
  test('a known value that is the planned id of one instance names that instance', async () => {
    const { graph, diagnostics } = await loadTerraform([PLAN]);
    expect(diagnostics).toEqual([]);
    const routes = graph.nodes()
      .filter((node) => node.kind === 'api.operation')
      .map((node) => {
        const { method, path } = node.attrs as { method: { value?: unknown }; path: { state: string; value?: unknown } };
        return `${String(method.value)} ${path.state === 'unknown' ? '?' : String(path.value)}`;
      });
    expect(routes.sort()).toEqual(['GET /orders', 'GET /users', 'POST ?']);
  });

  test('a value known only after apply leaves the path unknown, saying which resources it could be', async () => {
    const { graph } = await loadTerraform([PLAN]);
    const created = graph.nodes().find((node) => node.kind === 'api.operation' && node.name === 'this["POST /orders"]');
    expect(created?.attrs).toMatchObject({
      path: { state: 'unknown', expr: expect.stringMatching(/^refers to 2 resources \(aws_api_gateway_resource\.this\["\/orders"\], aws_api_gateway_resource\.this\["\/users"\]\); which one is meant is not known$/) as unknown },
    });
  });
});
