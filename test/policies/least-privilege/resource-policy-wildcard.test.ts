import policy from '../../../policies/least-privilege/resource-policy-wildcard';
import type { PolicyStatement } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

function statement(overrides: Partial<PolicyStatement>): PolicyStatement {
  return { effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'], hasCondition: false, ...overrides };
}
const policyOf = (...statements: PolicyStatement[]) => g.set({ statements });

policyTester.run(policy, {
  valid: [
    { name: 'no resource policy', graph: g.api({ resourcePolicy: g.byDefault(null) }) },
    { name: 'wildcard principal restricted to a VPC endpoint', graph: g.api({ resourcePolicy: policyOf(statement({ hasCondition: true })) }) },
    { name: 'named account principal', graph: g.api({ resourcePolicy: policyOf(statement({ principals: ['arn:aws:iam::123456789012:root'] })) }) },
    { name: 'unconditional wildcard Deny', graph: g.api({ resourcePolicy: policyOf(statement({ effect: 'Deny', actions: ['execute-api:Invoke'] })) }) },
    {
      name: 'allow with condition plus deny everyone else',
      graph: g.api({ resourcePolicy: policyOf(statement({ hasCondition: true }), statement({ effect: 'Deny', hasCondition: true })) }),
    },
    { name: 'empty policy', graph: g.api({ resourcePolicy: policyOf() }) },
    {
      name: 'Allow * narrowed by a conditional Deny * (the AWS IP allow-list pattern)',
      graph: g.api({ resourcePolicy: policyOf(statement({ resources: ['execute-api:/*'] }), statement({ effect: 'Deny', hasCondition: true, resources: ['execute-api:/*'] })) }),
    },
    {
      name: 'Allow * with every execution action denied one by one',
      graph: g.api({ resourcePolicy: policyOf(statement({ actions: ['*'] }), statement({ effect: 'Deny', actions: ['execute-api:Invoke', 'execute-api:InvalidateCache', 'execute-api:ManageConnections'] })) }),
    },
    {
      name: 'Allow execute-api:Invoke narrowed by a Deny on execute-api:*',
      graph: g.api({ resourcePolicy: policyOf(statement({}), statement({ effect: 'Deny', hasCondition: true, actions: ['execute-api:*'] })) }),
    },
  ],
  invalid: [
    {
      name: 'Allow * with Invoke denied: what stays granted is named',
      graph: g.api({ name: 'retired', resourcePolicy: policyOf(statement({ actions: ['*'] }), statement({ effect: 'Deny', actions: ['execute-api:Invoke'] })) }),
      findings: [{ node: 'retired', message: /allows anyone \(Principal \*\) to call `execute-api:InvalidateCache`, `execute-api:ManageConnections` without a condition/ }],
    },
    {
      name: 'Allow * without condition quotes the actions',
      graph: g.api({ name: 'payments', resourcePolicy: policyOf(statement({})) }),
      findings: [{ node: 'payments', message: /^`payments` resource policy allows anyone \(Principal \*\) to call `execute-api:Invoke` without a condition \(statement 1\)$/, severity: 'high' }],
    },
    {
      name: 'wildcard principal among others, several actions',
      graph: g.api({ name: 'mixed', resourcePolicy: policyOf(statement({ principals: ['arn:aws:iam::123456789012:root', '*'], actions: ['execute-api:Invoke', 'execute-api:ManageConnections'] })) }),
      findings: [{ node: 'mixed', message: /`execute-api:Invoke`, `execute-api:ManageConnections`/ }],
    },
    {
      name: 'a Deny on other actions does not narrow an unconditional Allow *',
      graph: g.api({ name: 'both', resourcePolicy: policyOf(statement({ effect: 'Deny', hasCondition: true, actions: ['execute-api:InvalidateCache'] }), statement({})) }),
      findings: [{ node: 'both', message: /\(statement 2\)/ }],
    },
    {
      name: 'a Deny by a named principal does not narrow an Allow *',
      graph: g.api({ name: 'named_deny', resourcePolicy: policyOf(statement({}), statement({ effect: 'Deny', hasCondition: true, principals: ['arn:aws:iam::123456789012:root'] })) }),
      findings: [{ node: 'named_deny', message: /\(statement 1\)/ }],
    },
    {
      name: 'a Deny on part of the resources leaves the rest open',
      graph: g.api({ name: 'partial', resourcePolicy: policyOf(statement({ resources: ['execute-api:/*'] }), statement({ effect: 'Deny', hasCondition: true, resources: ['execute-api:/prod/GET/admin'] })) }),
      findings: [{ node: 'partial', message: /\(statement 1\)/ }],
    },
    {
      name: 'two offending statements, two findings',
      graph: g.api({ name: 'twice', resourcePolicy: policyOf(statement({}), statement({ actions: ['execute-api:*'] })) }),
      findings: [{ node: 'twice', message: /statement 1/ }, { node: 'twice', message: /`execute-api:\*`.*statement 2/ }],
    },
    {
      name: 'no action listed',
      graph: g.api({ name: 'bare', resourcePolicy: policyOf(statement({ actions: [] })) }),
      findings: [{ node: 'bare', message: /to call any action/ }],
    },
  ],
  unknown: [
    { name: 'policy from a data source not resolved', graph: g.api({ resourcePolicy: g.unknown('data.aws_iam_policy_document.api.json') }) },
  ],
});
