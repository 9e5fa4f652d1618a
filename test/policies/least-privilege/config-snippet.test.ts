import policy from '../../../policies/least-privilege/config-snippet';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'no snippet', graph: g.api({ configSnippets: g.byDefault([]) }) },
    { name: 'a platform without snippets (no attribute)', graph: g.api({}) },
  ],
  invalid: [
    {
      name: 'two snippets, two findings',
      graph: g.api({ name: 'shop', configSnippets: g.set([{ setting: 'nginx.ingress.kubernetes.io/server-snippet' }, { setting: 'nginx.ingress.kubernetes.io/configuration-snippet' }]) }),
      findings: [{ node: 'shop', message: /server-snippet/ }, { node: 'shop', message: /configuration-snippet/ }],
    },
  ],
  unknown: [{ name: 'controller not known', graph: g.api({ configSnippets: g.unknown('controller') }) }],
});
