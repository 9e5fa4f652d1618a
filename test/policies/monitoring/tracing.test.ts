import policy from '../../../policies/monitoring/tracing';
import type { Attr } from '../../../src/graph/attr';
import type { ApiFlavor } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

function stageOf(flavor: ApiFlavor, tracing: Attr<boolean>) {
  return g.build((b) => {
    b.link(b.node('api', { name: 'orders', flavor }), 'api-has-stage', b.node('api.stage', { name: 'prod', tracing }));
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'REST stage with X-Ray tracing', graph: stageOf('rest', g.set(true)) },
    { name: 'HTTP API stage: tracing not supported', graph: stageOf('http', g.byDefault(false)) },
    { name: 'WebSocket stage: tracing not supported', graph: stageOf('websocket', g.unknown('var.tracing')) },
    { name: 'orphan stage with tracing', graph: g.stage({ tracing: g.set(true) }) },
  ],
  invalid: [
    { name: 'REST stage, tracing absent (default false)', graph: stageOf('rest', g.byDefault(false)), findings: [{ node: 'prod', message: /prod does not enable tracing/ }] },
    { name: 'REST stage, tracing explicitly false', graph: stageOf('rest', g.set(false)), findings: [{ node: 'prod', message: /does not enable tracing/ }] },
    { name: 'APIM stage without tracing', graph: stageOf('apim', g.set(false)), findings: [{ node: 'prod', message: /does not enable tracing/ }] },
    {
      name: 'REST stage whose API is not in the scan (the stage type says REST)',
      graph: g.stage({ name: 'orphan', tracing: g.byDefault(false), apiFlavor: 'rest' }),
      findings: [{ node: 'orphan', message: /orphan does not enable tracing/ }],
    },
  ],
  unknown: [
    { name: 'tracing from a variable', graph: stageOf('rest', g.unknown('var.tracing')) },
    { name: 'orphan stage without tracing: platform support unknown', graph: g.stage({ tracing: g.byDefault(false) }) },
  ],
});
