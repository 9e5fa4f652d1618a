import policy from '../../../policies/monitoring/access-logging';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'access log settings present', graph: g.stage({ accessLogging: g.set(true) }) },
  ],
  invalid: [
    { name: 'no access log settings (documented default)', graph: g.stage({ name: 'prod', accessLogging: g.byDefault(false) }), findings: [{ node: 'prod', message: /prod writes no access logs/ }] },
    { name: 'explicitly off', graph: g.stage({ name: 'dev', accessLogging: g.set(false) }), findings: [{ node: 'dev', message: /dev writes no access logs/ }] },
    {
      name: 'each stage judged on its own',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders' });
        b.link(api, 'api-has-stage', b.node('api.stage', { name: 'prod', accessLogging: g.set(true) }));
        b.link(api, 'api-has-stage', b.node('api.stage', { name: 'test', accessLogging: g.byDefault(false) }));
      }),
      findings: [{ node: 'test', message: /test writes no access logs/ }],
    },
  ],
  unknown: [{ name: 'destination from an unresolved expression', graph: g.stage({ accessLogging: g.unknown('var.log_settings') }) }],
});
