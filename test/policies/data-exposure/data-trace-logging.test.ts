import policy from '../../../policies/data-exposure/data-trace-logging';
import { g, policyTester } from '../../helpers';

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
