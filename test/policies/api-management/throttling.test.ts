import policy from '../../../policies/api-management/throttling';
import type { Attr } from '../../../src/graph/attr';
import type { MethodThrottle, Throttle } from '../../../src/graph/kinds';
import { g, policyTester, type GraphBuilder } from '../../helpers';

/** A REST API with stage `prod` and the given routes' throttling. */
function api(b: GraphBuilder, stageThrottling: Attr<Throttle | null>, routes: Attr<Throttle | null>[] = []) {
  const rest = b.node('api', { name: 'orders' });
  const stage = b.node('api.stage', { name: 'prod', throttling: stageThrottling });
  b.link(rest, 'api-has-stage', stage);
  routes.forEach((throttling, i) => b.link(rest, 'api-has-operation', b.node('api.operation', { name: `route${i}`, throttling, apiKeyRequired: g.byDefault(false) })));
  return { rest, stage };
}

/** An API Gateway usage plan (it takes keyed calls only), known to apply unless `applies` says otherwise. */
function plan(b: GraphBuilder, name: string, throttling: Attr<Throttle | null>, applies: Attr<boolean> = g.byDefault(true)) {
  return b.node('api.usage-plan', { name, throttling, keyRequired: g.byDefault(true), applies });
}

function withPlan(stageThrottling: Attr<Throttle | null>, planThrottling: Attr<Throttle | null>, coversApi = false) {
  return g.build((b) => {
    const { rest, stage } = api(b, stageThrottling);
    b.link(plan(b, 'gold', planThrottling), 'usage-plan-covers', coversApi ? rest : stage);
  });
}

/** A stage with no routes scanned, covered by usage plans with these throttles (and whether each applies). */
function withPlans(...plans: (Attr<Throttle | null> | [Attr<Throttle | null>, Attr<boolean>])[]) {
  return g.build((b) => {
    const { stage } = api(b, g.byDefault(null));
    plans.forEach((p, i) => {
      const [throttling, applies] = Array.isArray(p) ? p : [p, g.byDefault(true)];
      b.link(plan(b, `plan${i}`, throttling, applies), 'usage-plan-covers', stage);
    });
  });
}

interface Route { readonly key: Attr<boolean>; readonly method?: string; readonly throttling?: Attr<Throttle | null> }

/**
 * A plan-throttled stage of a REST API whose routes require API keys or not; or, given `product` (whether it requires
 * a subscription key), an API Management API in a throttled product.
 */
function planAndRoutes(routes: (Attr<boolean> | Route)[], product?: Attr<boolean>) {
  const flavor = product ? 'apim' : 'rest';
  return g.build((b) => {
    const rest = b.node('api', { name: 'orders', flavor });
    const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
    b.link(rest, 'api-has-stage', stage);
    routes.forEach((route, i) => {
      const { key, method, throttling } = 'key' in route ? route : { key: route, method: undefined, throttling: undefined };
      b.link(rest, 'api-has-operation', b.node('api.operation', {
        name: `route${i}`, apiKeyRequired: key, method: g.set(method ?? 'GET'), throttling: throttling ?? g.byDefault(null),
      }));
    });
    b.link(b.node('api.usage-plan', { name: 'gold', throttling: g.set({ rateLimit: 20 }), keyRequired: product ?? g.byDefault(true), applies: g.byDefault(true) }), 'usage-plan-covers', stage);
  });
}

/** A REST stage whose one keyed route `GET /items` is covered by plan `partner`, unthrottled but for these method throttles. */
function methodThrottled(methodThrottles: readonly MethodThrottle[] | Attr<readonly MethodThrottle[]>) {
  return g.build((b) => {
    const rest = b.node('api', { name: 'orders', flavor: 'rest' });
    const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
    b.link(rest, 'api-has-stage', stage);
    b.link(rest, 'api-has-operation', b.node('api.operation', { name: 'GET /items', apiKeyRequired: g.set(true), method: g.set('GET'), path: g.set('/items'), throttling: g.byDefault(null) }));
    const partner = b.node('api.usage-plan', {
      name: 'partner', throttling: g.byDefault(null), keyRequired: g.byDefault(true), applies: g.byDefault(true),
      methodThrottles: Array.isArray(methodThrottles) ? g.set(methodThrottles) : methodThrottles as Attr<readonly MethodThrottle[]>,
    });
    b.link(partner, 'usage-plan-covers', stage);
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'stage rate and burst set', graph: g.build((b) => api(b, g.set({ rateLimit: 100, burstLimit: 50 }))) },
    { name: 'stage burst only', graph: g.build((b) => api(b, g.set({ burstLimit: 10 }))) },
    { name: 'rate 0 blocks traffic: a limit, not a missing one', graph: g.build((b) => api(b, g.set({ rateLimit: 0, burstLimit: 0 }))) },
    { name: 'usage plan covering the stage throttles', graph: withPlan(g.byDefault(null), g.set({ rateLimit: 20 })) },
    { name: 'usage plan throttling routes that all require an API key', graph: planAndRoutes([g.set(true), g.set(true)]) },
    { name: 'a CORS preflight without a key beside keyed routes (it answers from the gateway)', graph: planAndRoutes([g.set(true), { key: g.byDefault(false), method: 'OPTIONS' }]) },
    { name: 'a keyless route with its own throttle beside keyed routes under a plan', graph: planAndRoutes([g.set(true), { key: g.byDefault(false), throttling: g.set({ rateLimit: 5 }) }]) },
    { name: 'an open API Management product limits the calls without a key too', graph: planAndRoutes([g.byDefault(false)], g.set(false)) },
    { name: 'an API Management product limits the calls of an API that requires a key', graph: planAndRoutes([g.byDefault(true)], g.byDefault(true)) },
    { name: 'every usage plan covering the stage throttles', graph: withPlans(g.set({ rateLimit: 20 }), g.set({ burstLimit: 100 })) },
    {
      name: 'a plan without a throttle of its own that throttles the one keyed route of the stage (a method throttle)',
      graph: methodThrottled([{ stage: 'test:api.stage:prod', method: '/items/GET', throttle: { rateLimit: 5 } }]),
    },
    { name: 'a plan that may not exist, and throttles, beside one that throttles', graph: withPlans(g.set({ rateLimit: 20 }), [g.set({ rateLimit: 5 }), g.unknown('var.partners ? 1 : 0')]) },
    {
      name: 'a CORS preflight carries no key: an unthrottled plan does not reach it, and the keyed route has its own limit',
      graph: g.build((b) => {
        const rest = b.node('api', { name: 'orders', flavor: 'rest' });
        const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
        b.link(rest, 'api-has-stage', stage);
        b.link(rest, 'api-has-operation', b.node('api.operation', { name: 'GET /items', apiKeyRequired: g.set(true), method: g.set('GET'), throttling: g.set({ rateLimit: 10 }) }));
        b.link(rest, 'api-has-operation', b.node('api.operation', { name: 'OPTIONS /items', apiKeyRequired: g.byDefault(false), method: g.set('OPTIONS'), throttling: g.byDefault(null) }));
        b.link(plan(b, 'internal', g.byDefault(null)), 'usage-plan-covers', stage);
      }),
    },
    { name: 'usage plan covering the whole API throttles', graph: withPlan(g.byDefault(null), g.set({ burstLimit: 5 }), true) },
    { name: 'usage plan throttles while stage throttling is unknown', graph: withPlan(g.unknown('var.throttle'), g.set({ rateLimit: 20 })) },
    {
      name: 'every route has its own throttle',
      graph: g.build((b) => api(b, g.byDefault(null), [g.set({ rateLimit: 10 }), g.set({ rateLimit: 0, burstLimit: 0 })])),
    },
    { name: 'orphan stage with its own throttle', graph: g.stage({ name: 'orphan', throttling: g.set({ rateLimit: 5 }) }) },
  ],
  invalid: [
    {
      name: 'a usage plan does not limit a route that requires no API key',
      graph: planAndRoutes([g.set(true), g.byDefault(false)]),
      findings: [{ node: 'prod', message: /sets no rate or burst limit .*; its usage plans limit only requests with an API key, and route route1 requires none$/ }],
    },
    {
      name: 'a protected API Management product does not limit the calls without a key of an API that requires none',
      graph: planAndRoutes([g.byDefault(false)], g.byDefault(true)),
      findings: [{ node: 'prod', message: /route route0 requires no subscription key, and no open product holds its API: calls without a key go through no product$/ }],
    },
    {
      name: 'an OPTIONS route that calls a function is a route like any other, not a preflight the gateway answers',
      graph: g.build((b) => {
        const rest = b.node('api', { name: 'orders', flavor: 'rest' });
        const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
        b.link(rest, 'api-has-stage', stage);
        const options = b.node('api.operation', { name: 'OPTIONS /quotes', apiKeyRequired: g.byDefault(false), method: g.set('OPTIONS'), throttling: g.byDefault(null) });
        b.link(rest, 'api-has-operation', options);
        b.link(options, 'operation-calls-backend', b.node('api.backend', { name: 'quotes-fn', type: g.set('lambda') }));
        b.link(plan(b, 'gold', g.set({ rateLimit: 20 })), 'usage-plan-covers', stage);
      }),
      findings: [{ node: 'prod', message: /route OPTIONS \/quotes requires none$/ }],
    },
    {
      name: 'an open product that sets no limit',
      graph: g.build((b) => {
        const { stage } = api(b, g.byDefault(null));
        b.link(b.node('api.usage-plan', { name: 'starter', throttling: g.byDefault(null), keyRequired: g.set(false), applies: g.byDefault(true) }), 'usage-plan-covers', stage);
      }),
      findings: [{ node: 'prod', message: /; open product starter takes calls without a subscription key and sets no limit$/ }],
    },
    {
      name: 'one usage plan covering the stage sets no limit beside one that does',
      graph: withPlans(g.set({ rateLimit: 20 }), g.byDefault(null)),
      findings: [{ node: 'prod', message: /usage plan or product plan1 covers it and sets none, so the calls made with its keys have no limit$/ }],
    },
    {
      name: 'the same with routes: the unthrottled plan is named',
      graph: g.build((b) => {
        const rest = b.node('api', { name: 'orders', flavor: 'rest' });
        const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
        b.link(rest, 'api-has-stage', stage);
        b.link(rest, 'api-has-operation', b.node('api.operation', { name: 'GET /', apiKeyRequired: g.set(true), method: g.set('GET'), throttling: g.byDefault(null) }));
        b.link(plan(b, 'gold', g.set({ rateLimit: 20 })), 'usage-plan-covers', stage);
        b.link(plan(b, 'internal', g.byDefault(null)), 'usage-plan-covers', stage);
      }),
      findings: [{ node: 'prod', message: /usage plan or product internal covers it and sets none/ }],
    },
    {
      name: 'a method throttle for another route, or another stage, does not limit this one',
      graph: methodThrottled([{ stage: 'test:api.stage:prod', method: '/other/GET', throttle: { rateLimit: 5 } }, { stage: 'test:api.stage:beta', method: '/items/GET', throttle: { rateLimit: 5 } }]),
      findings: [{ node: 'prod', message: /usage plan or product partner covers it and sets none/ }],
    },
    {
      name: 'no throttling anywhere (documented default)',
      graph: g.build((b) => api(b, g.byDefault(null))),
      findings: [{ node: 'prod', message: /prod sets no rate or burst limit.*platform-wide limits apply/ }],
    },
    {
      name: 'explicitly null throttle',
      graph: g.build((b) => api(b, g.set(null))),
      findings: [{ node: 'prod', message: /platform-wide limits apply/ }],
    },
    {
      name: 'throttle object with neither rate nor burst (-1 means unset)',
      graph: g.build((b) => api(b, g.set({ rateLimit: -1, burstLimit: -1 }))),
      findings: [{ node: 'prod', message: /no rate or burst limit/ }],
    },
    {
      name: 'usage plan without throttle settings',
      graph: withPlan(g.byDefault(null), g.byDefault(null)),
      findings: [{ node: 'prod', message: /platform-wide limits apply/ }],
    },
    {
      name: 'one route of several unthrottled',
      graph: g.build((b) => api(b, g.byDefault(null), [g.set({ rateLimit: 10 }), g.byDefault(null)])),
      findings: [{ node: 'prod', message: /platform-wide limits apply/ }],
    },
    {
      name: 'one route unthrottled even though another is unknown',
      graph: g.build((b) => api(b, g.byDefault(null), [g.unknown('var.r'), g.byDefault(null)])),
      findings: [{ node: 'prod', message: /platform-wide limits apply/ }],
    },
    {
      name: 'orphan stage without throttle',
      graph: g.stage({ name: 'orphan', throttling: g.byDefault(null) }),
      findings: [{ node: 'orphan', message: /orphan sets no rate/ }],
    },
  ],
  unknown: [
    { name: 'whether a route under a throttled usage plan requires an API key is not known', graph: planAndRoutes([g.set(true), g.unknown('var.key_required')]) },
    { name: 'the method throttles of an unthrottled plan are not known', graph: methodThrottled(g.unknown('dynamic "throttle"')) },
    { name: 'stage throttling from an unresolved variable', graph: g.build((b) => api(b, g.unknown('var.throttle'))) },
    { name: 'usage plan throttling unknown', graph: withPlan(g.byDefault(null), g.unknown('var.plan')) },
    { name: 'one usage plan throttles, another one\'s throttling is unknown', graph: withPlans(g.set({ rateLimit: 20 }), g.unknown('var.plan')) },
    { name: 'an unthrottled plan may cover the stage (its stages are not known)', graph: withPlans(g.set({ rateLimit: 20 }), [g.byDefault(null), g.unknown('dynamic "api_stages"')]) },
    { name: 'the only plan, which throttles, may not exist', graph: withPlans([g.set({ rateLimit: 20 }), g.unknown('var.enabled ? 1 : 0')]) },
    { name: 'whether the product of an API without keys takes calls without one is not known', graph: planAndRoutes([g.byDefault(false)], g.unknown('var.open')) },
    {
      name: 'routes that require a key, and no usage plan in the code: API Gateway rejects keys in no plan, so a plan elsewhere decides',
      graph: g.build((b) => {
        const rest = b.node('api', { name: 'orders', flavor: 'rest' });
        const stage = b.node('api.stage', { name: 'prod', throttling: g.byDefault(null) });
        b.link(rest, 'api-has-stage', stage);
        b.link(rest, 'api-has-operation', b.node('api.operation', { name: 'GET /', apiKeyRequired: g.set(true), method: g.set('GET'), throttling: g.byDefault(null) }));
      }),
    },
    { name: 'routes throttled or unknown', graph: g.build((b) => api(b, g.byDefault(null), [g.set({ rateLimit: 1 }), g.unknown('var.r')])) },
  ],
});
