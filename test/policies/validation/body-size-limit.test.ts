import policy from '../../../policies/validation/body-size-limit';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'the 1 MiB default', graph: g.stage({ maxBodyBytes: g.byDefault(1024 * 1024) }) },
    { name: 'a platform with a fixed limit (no attribute)', graph: g.stage({}) },
    { name: '100 MiB exactly', graph: g.stage({ maxBodyBytes: g.set(100 * 1024 * 1024) }) },
  ],
  invalid: [
    { name: 'unlimited', graph: g.stage({ name: 'uploads', maxBodyBytes: g.set(null) }), findings: [{ node: 'uploads', message: /accepts request bodies of any size/ }] },
    { name: 'above the maximum', graph: g.stage({ name: 'big', maxBodyBytes: g.set(2 * 1024 ** 3) }), findings: [{ node: 'big', message: /up to 2 GiB, above the 100 MiB allowed/ }] },
  ],
  unknown: [{ name: 'limit in a WAF outside the scan', graph: g.stage({ maxBodyBytes: g.unknown('web ACL') }) }],
});
