import policy from '../../../policies/api-management/quota';
import type { Attr } from '../../../src/graph/attr';
import type { Authorization, Quota } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

interface Setup {
  readonly apiKeyRequired?: Attr<boolean>;
  readonly authorization?: Attr<Authorization>;
  readonly stageQuota?: Attr<Quota | null>;
  readonly plans?: readonly Attr<Quota | null>[];
  readonly planCoversApi?: boolean;
}

function stage(setup: Setup) {
  return g.build((b) => {
    const api = b.node('api', { name: 'partners' });
    const prod = b.node('api.stage', { name: 'prod', quota: setup.stageQuota ?? g.byDefault(null) });
    b.link(api, 'api-has-stage', prod);
    b.link(api, 'api-has-operation', b.node('api.operation', {
      name: 'get_quotes', apiKeyRequired: setup.apiKeyRequired ?? g.byDefault(false), authorization: setup.authorization ?? g.set('iam'),
    }));
    (setup.plans ?? []).forEach((quota, i) => b.link(b.node('api.usage-plan', { name: `plan${i}`, quota }), 'usage-plan-covers', setup.planCoversApi ? api : prod));
  });
}

const monthly = g.set<Quota | null>({ limit: 1000, period: 'MONTH' });

policyTester.run(policy, {
  valid: [
    { name: 'no keys used', graph: stage({}) },
    { name: 'keys and a usage plan with a quota on the stage', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly] }) },
    { name: 'keys and a usage plan with a quota on the API', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly], planCoversApi: true }) },
    { name: 'subscription keys and a stage quota', graph: stage({ authorization: g.set('subscription-key'), stageQuota: monthly }) },
    { name: 'every plan with a quota', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, monthly] }) },
    { name: 'orphan stage', graph: g.stage({ name: 'orphan', quota: g.byDefault(null) }) },
  ],
  invalid: [
    { name: 'key required, no plan', graph: stage({ apiKeyRequired: g.set(true) }), findings: [{ node: 'prod', message: /accepts API or subscription keys but enforces no quota: no usage plan/ }] },
    {
      name: 'one plan with, one without quota: the keys of the second are not capped',
      graph: stage({ apiKeyRequired: g.set(true), plans: [g.byDefault(null), monthly] }),
      findings: [{ node: 'prod', message: /usage plans or products covering it \(plan0\) set no quota$/ }],
    },
    { name: 'key-only authorization, plan without quota', graph: stage({ authorization: g.set('api-key-only'), plans: [g.byDefault(null)] }), findings: [{ node: 'prod', message: /usage plans or products covering it \(plan0\) set no quota/ }] },
  ],
  unknown: [
    { name: 'whether a key is required is unknown', graph: stage({ apiKeyRequired: g.unknown('var.require_key') }) },
    { name: 'plan quota unknown', graph: stage({ apiKeyRequired: g.set(true), plans: [g.unknown('dynamic "quota_settings"')] }) },
    { name: 'one plan with a quota, another\'s unknown', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, g.unknown('var.quota')] }) },
  ],
});
