import policy from '../../../policies/data-exposure/data-trace-logging';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { g, policyTester } from '../../helpers';
import { scanResults } from '../../providers/terraform/tf-helpers';

policyTester.run(policy, {
  valid: [
    { name: 'data trace off explicitly', graph: g.stage({ dataTrace: g.set(false) }) },
    { name: 'no method settings: off by default', graph: g.stage({ dataTrace: g.byDefault(false) }) },
  ],
  invalid: [
    {
      name: 'data trace on',
      graph: g.stage({ name: 'prod', dataTrace: g.set(true) }),
      findings: [{ node: 'prod', message: /^`prod` logs full request and response bodies \(data trace enabled\)$/, severity: 'medium' }],
    },
    {
      name: 'only the traced stage of two',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'api' });
        b.link(api, 'api-has-stage', b.node('api.stage', { name: 'dev', dataTrace: g.set(true) }));
        b.link(api, 'api-has-stage', b.node('api.stage', { name: 'prod', dataTrace: g.set(false) }));
      }),
      findings: [{ node: 'dev', message: /data trace enabled/ }],
    },
  ],
  unknown: [
    { name: 'data_trace_enabled from a variable', graph: g.stage({ dataTrace: g.unknown('var.debug') }) },
  ],
});

describe('GW-DATA-001 on API Management', () => {
  test('says which diagnostic setting logs the bodies', async () => {
    const fixture = join(__dirname, '..', '..', '..', 'policies', 'data-exposure', '__fixtures__', 'data-trace-logging', 'terraform', 'apim-diagnostics.tf');
    const results = await scanResults({ 'main.tf': readFileSync(fixture, 'utf8') }, ['GW-DATA-001']);
    expect(results.filter((r) => r.status === 'fail').map((r) => r.message)).toEqual(['`fail_logs_bodies` logs request or response bodies (a diagnostic sets body_bytes above 0)']);
  });
});
