import policy from '../../../policies/shadow-apis/undeployed-stage';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'stage with a deployment', graph: g.stage({ deployed: g.set(true) }) },
    { name: 'stage from code: the source cannot say (attribute absent)', graph: g.stage({ name: 'prod' }) },
  ],
  invalid: [
    {
      name: 'live stage without a deployment',
      graph: g.stage({ name: 'catalog/beta', deployed: g.set(false) }),
      findings: [{ node: 'catalog/beta', message: /Stage catalog\/beta has no deployment/ }],
    },
  ],
  unknown: [{ name: 'deployment not readable', graph: g.stage({ deployed: g.unknown('the stage could not be read') }) }],
});
