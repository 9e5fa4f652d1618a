import policy from '../../../policies/monitoring/execution-logging';
import type { Attr } from '../../../src/graph/attr';
import type { ApiFlavor, LogLevel } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

function stageOf(flavor: ApiFlavor, executionLogging: Attr<LogLevel>) {
  return g.build((b) => {
    b.link(b.node('api', { name: 'orders', flavor }), 'api-has-stage', b.node('api.stage', { name: 'prod', executionLogging }));
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'REST stage logging ERROR', graph: stageOf('rest', g.set('error')) },
    { name: 'REST stage logging INFO', graph: stageOf('rest', g.set('info')) },
    { name: 'WebSocket stage logging ERROR', graph: stageOf('websocket', g.set('error')) },
    { name: 'HTTP API stage: no execution logs exist', graph: stageOf('http', g.byDefault('off')) },
    { name: 'HTTP API stage with an unknown level is still not applicable', graph: stageOf('http', g.unknown('var.level')) },
    { name: 'orphan stage logging ERROR', graph: g.stage({ executionLogging: g.set('error') }) },
  ],
  invalid: [
    { name: 'REST stage without method settings (default OFF)', graph: stageOf('rest', g.byDefault('off')), findings: [{ node: 'prod', message: /prod writes no execution logs \(logging level off\)/ }] },
    { name: 'REST stage logging explicitly OFF', graph: stageOf('rest', g.set('off')), findings: [{ node: 'prod', message: /logging level off/ }] },
    { name: 'WebSocket stage without logging', graph: stageOf('websocket', g.byDefault('off')), findings: [{ node: 'prod', message: /no execution logs/ }] },
    {
      name: 'REST stage whose API is not in the scan, logging off (the stage type says REST)',
      graph: g.stage({ name: 'orphan', executionLogging: g.byDefault('off'), apiFlavor: 'rest' }),
      findings: [{ node: 'orphan', message: /orphan writes no execution logs/ }],
    },
  ],
  unknown: [
    { name: 'level from a variable', graph: stageOf('rest', g.unknown('var.level')) },
    { name: 'orphan stage with logging off: platform support unknown', graph: g.stage({ executionLogging: g.byDefault('off') }) },
  ],
});
