import policy from '../../../policies/api-management/quota';
import type { Attr } from '../../../src/graph/attr';
import type { Authorization, Quota } from '../../../src/graph/kinds';
import { g, policyTester, type GraphBuilder } from '../../helpers';

interface Plan { readonly quota: Attr<Quota | null>; readonly keyRequired?: Attr<boolean>; readonly applies?: Attr<boolean> }

interface Setup {
  readonly apiKeyRequired?: Attr<boolean>;
  readonly authorization?: Attr<Authorization>;
  readonly stageQuota?: Attr<Quota | null>;
  /** Each plan's quota, or its quota with whether it takes keys (an open product does not) and applies. */
  readonly plans?: readonly (Attr<Quota | null> | Plan)[];
  readonly planCoversApi?: boolean;
  readonly flavor?: 'rest' | 'apim';
}

function stage(setup: Setup) {
  return g.build((b) => {
    const api = b.node('api', { name: 'partners', flavor: setup.flavor ?? 'rest' });
    const prod = b.node('api.stage', { name: 'prod', quota: setup.stageQuota ?? g.byDefault(null) });
    b.link(api, 'api-has-stage', prod);
    b.link(api, 'api-has-operation', b.node('api.operation', {
      name: 'get_quotes', apiKeyRequired: setup.apiKeyRequired ?? g.byDefault(false), authorization: setup.authorization ?? g.set('iam'),
    }));
    (setup.plans ?? []).forEach((plan, i) => {
      const { quota, keyRequired, applies } = 'quota' in plan ? plan : { quota: plan, keyRequired: undefined, applies: undefined };
      const node = b.node('api.usage-plan', { name: `plan${i}`, quota, keyRequired: keyRequired ?? g.byDefault(true), applies: applies ?? g.byDefault(true) });
      b.link(node, 'usage-plan-covers', setup.planCoversApi ? api : prod);
    });
  });
}

const monthly = g.set<Quota | null>({ limit: 1000, period: 'MONTH' });

/** A stage of an API with no route in the graph. */
function routeless(api: Parameters<GraphBuilder['node']>[1]) {
  return g.build((b) => {
    const prod = b.node('api.stage', { name: 'prod', quota: g.byDefault(null) });
    b.link(b.node('api', { name: 'partners', ...api }), 'api-has-stage', prod);
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'no keys used', graph: stage({}) },
    { name: 'keys and a usage plan with a quota on the stage', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly] }) },
    { name: 'keys and a usage plan with a quota on the API', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly], planCoversApi: true }) },
    { name: 'subscription keys and a stage quota', graph: stage({ authorization: g.set('subscription-key'), stageQuota: monthly }) },
    { name: 'every plan with a quota', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, monthly] }) },
    { name: 'a REST API with no route and no specification takes no keys', graph: routeless({ flavor: 'rest', hasSpec: g.byDefault(false) }) },
    { name: 'a live API whose routes were read in full, none of them', graph: routeless({ flavor: 'rest', hasSpec: g.byDefault(false), operationsComplete: g.set(true) }) },
    { name: 'an API Management API that requires no subscription, its operations out of sight', graph: routeless({ flavor: 'apim', hasSpec: g.byDefault(false), keyRequired: g.set(false) }) },
    { name: 'an open product (no keys to cap) without a quota beside one with', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, { quota: g.byDefault(null), keyRequired: g.set(false) }] }) },
    { name: 'a plan that may not exist, with a quota, beside one with', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, { quota: monthly, applies: g.unknown('var.partners ? 1 : 0') }] }) },
    { name: 'orphan stage', graph: g.stage({ name: 'orphan', quota: g.byDefault(null) }) },
  ],
  invalid: [
    {
      name: 'an API Management API that requires a subscription (the default), its operations out of sight, in no product',
      graph: routeless({ flavor: 'apim', hasSpec: g.byDefault(false), keyRequired: g.byDefault(true) }),
      findings: [{ node: 'prod', message: /no usage plan or product that takes keys covers it$/ }],
    },
    {
      name: 'subscription keys, and no product',
      graph: stage({ flavor: 'apim', apiKeyRequired: g.set(true) }),
      findings: [{ node: 'prod', message: /accepts API or subscription keys but enforces no quota: no usage plan or product that takes keys covers it$/ }],
    },
    {
      name: 'one plan with, one without quota: the keys of the second are not capped',
      graph: stage({ apiKeyRequired: g.set(true), plans: [g.byDefault(null), monthly] }),
      findings: [{ node: 'prod', message: /usage plans or products covering it \(plan0\) set no quota$/ }],
    },
    { name: 'key-only authorization, plan without quota', graph: stage({ authorization: g.set('api-key-only'), plans: [g.byDefault(null)] }), findings: [{ node: 'prod', message: /usage plans or products covering it \(plan0\) set no quota/ }] },
  ],
  unknown: [
    { name: 'whether a key is required is unknown', graph: stage({ apiKeyRequired: g.unknown('var.require_key') }) },
    { name: 'API Gateway keys and no usage plan in the code: keys in no plan are rejected, a plan elsewhere decides', graph: stage({ apiKeyRequired: g.set(true) }) },
    { name: 'an API Management API with no operation in the code (managed elsewhere)', graph: routeless({ flavor: 'apim', hasSpec: g.byDefault(false) }) },
    { name: 'a REST API whose specification is not known statically', graph: routeless({ flavor: 'rest', hasSpec: g.set(true) }) },
    { name: 'plan quota unknown', graph: stage({ apiKeyRequired: g.set(true), plans: [g.unknown('dynamic "quota_settings"')] }) },
    { name: 'a plan that may cover the stage sets no quota', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, { quota: g.byDefault(null), applies: g.unknown('dynamic "api_stages"') }] }) },
    { name: 'the only plan with a quota may not exist', graph: stage({ apiKeyRequired: g.set(true), plans: [{ quota: monthly, applies: g.unknown('var.enabled ? 1 : 0') }] }) },
    { name: 'whether a product without a quota takes keys is not known', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, { quota: g.byDefault(null), keyRequired: g.unknown('var.open') }] }) },
    { name: 'one plan with a quota, another\'s unknown', graph: stage({ apiKeyRequired: g.set(true), plans: [monthly, g.unknown('var.quota')] }) },
  ],
});
