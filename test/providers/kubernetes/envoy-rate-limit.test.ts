import { adaptObjects } from '../../../providers/kubernetes';
import { readManifests } from '../../../providers/kubernetes/read-manifests';

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: orders}
spec:
  rules:
    - matches: [{path: {type: PathPrefix, value: /orders}}]
      backendRefs: [{name: orders, port: 8080}]
---
`;

/** The stage throttling of the route under a BackendTrafficPolicy with these `rateLimit` rules (YAML flow list). */
function throttlingWith(scope: 'local' | 'global', rules: string): unknown {
  const read = readManifests(`${ROUTE}apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: orders-limits}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: orders}]
  rateLimit:
    ${scope}:
      rules: ${rules}
`, 'limits.yaml');
  expect(read.diagnostics).toEqual([]);
  const stage = adaptObjects(read.objects).nodes.find((n) => n.kind === 'api.stage');
  return stage?.kind === 'api.stage' ? stage.attrs.throttling : undefined;
}

describe('Envoy Gateway rate-limit rules and their client selectors', () => {
  it.each([
    ['no selectors', 'local', '[{limit: {requests: 600, unit: Minute}}]', 10],
    ['one bucket per client address of every address', 'global', '[{clientSelectors: [{sourceCIDR: {type: Distinct, value: 0.0.0.0/0}}], limit: {requests: 5, unit: Second}}]', 5],
    ['the path prefix every request has', 'local', '[{clientSelectors: [{path: {value: /}}], limit: {requests: 1, unit: Second}}]', 1],
    ['the strictest of the rules that count everyone', 'global', '[{limit: {requests: 100, unit: Second}}, {clientSelectors: [{sourceCIDR: {value: "::/0"}}], limit: {requests: 120, unit: Hour}}]', 120 / 3600],
    ['a limit per month', 'global', '[{limit: {requests: 2592000, unit: Month}}]', 1],
  ])('counts every client: %s', (_name, scope, rules, rate) => {
    expect(throttlingWith(scope as 'local' | 'global', rules)).toMatchObject({ state: 'set', value: { rateLimit: rate } });
  });

  it.each([
    ['one header value', '[{clientSelectors: [{headers: [{name: x-user-id, value: alice}]}], limit: {requests: 3, unit: Hour}}]'],
    ['everyone but one header value', '[{clientSelectors: [{headers: [{name: x-tier, value: internal, invert: true}]}], limit: {requests: 3, unit: Hour}}]'],
    ['one address range', '[{clientSelectors: [{sourceCIDR: {type: Distinct, value: 10.0.0.0/8}}], limit: {requests: 3, unit: Second}}]'],
    ['one path', '[{clientSelectors: [{path: {type: Exact, value: /orders/export}}], limit: {requests: 3, unit: Second}}]'],
    ['some methods', '[{clientSelectors: [{methods: [{value: POST}]}], limit: {requests: 3, unit: Second}}]'],
    ['every address, but one header value only', '[{clientSelectors: [{sourceCIDR: {value: 0.0.0.0/0}, headers: [{name: x-plan, value: free}]}], limit: {requests: 3, unit: Second}}]'],
    ['every client in shadow mode only', '[{limit: {requests: 3, unit: Second}, shadowMode: true}, {clientSelectors: [{headers: [{name: x-user-id, value: bob}]}], limit: {requests: 1, unit: Second}}]'],
  ])('does not throttle the route when the rules count only some clients: %s', (_name, rules) => {
    expect(throttlingWith('global', rules)).toMatchObject({ state: 'set', value: null });
  });

  it('cannot tell for a distinct header, which Envoy counts only on requests that carry it', () => {
    expect(throttlingWith('local', '[{clientSelectors: [{headers: [{name: x-user-id, type: Distinct}]}], limit: {requests: 10, unit: Minute}}]'))
      .toMatchObject({ state: 'unknown', expr: 'rate limits of orders-limits count only some requests: only requests carrying header x-user-id are counted', source: { line: 16 } });
  });

  it('cannot tell for a selector it does not read', () => {
    expect(throttlingWith('local', '[{clientSelectors: [{queryParams: [{name: tenant, type: Distinct}]}], limit: {requests: 10, unit: Minute}}]'))
      .toMatchObject({ state: 'unknown', expr: expect.stringMatching(/client selector queryParams is not read/) as string });
  });
});
