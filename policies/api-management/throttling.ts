import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { GraphNode, Throttle } from '../../src/graph/kinds';
import { isCorsPreflight } from '../../src/graph/cors-preflight';
import { apiOf, backendsOf, operationsOf, planMayNotApply, usagePlansCovering } from '../../src/graph/queries';
import type { ReadonlyGraph } from '../../src/graph/graph';
import type { SourceRef } from '../../src/graph/source';

/**
 * Whether one source of throttling limits the stage: yes, no, or not knowable statically. `escapes`: the calls that
 * no limit reaches (a route that requires no API key, or an unthrottled usage plan), for the message.
 */
type Verdict = { readonly limited: true } | { readonly limited: false; readonly escapes?: string } | { readonly limited: 'unknown'; readonly why: string; readonly source?: SourceRef };

export default definePolicy({
  id: 'GW-MGMT-001',
  slug: 'throttling',
  title: 'API stages set their own rate and burst limits',
  severity: 'medium',
  category: 'api-management',
  control: 'throttling',
  owasp: ['API4:2023'],
  target: 'api.stage',
  rationale:
    'Without a stage, usage-plan or per-route limit, an API Gateway stage only has the account-wide default (10,000 requests per second shared by every API in the region), ' +
    'and an API Management API has no limit but the capacity of the service\'s units, ' +
    'so one abusive client or a scraping bot can exhaust backends and the capacity shared with every other API. ' +
    'On API Management a `rate-limit` or `rate-limit-by-key` policy counts when it runs on every request (not only inside `<choose>`), ' +
    'and so does the `tokens-per-minute` of an AI gateway\'s `llm-token-limit` / `azure-openai-token-limit` (it limits only calls that use language model tokens), ' +
    'in the service-wide or API policy, in the policy of every product that holds the API, or in the policy of every operation. ' +
    'A usage plan or product limits the calls made with its keys, so every plan covering a stage must set a limit: a client holding the key of an unthrottled plan is limited by nothing. ' +
    'Calls without a key reach no API Gateway usage plan, and only an open API Management product (one that requires no subscription): ' +
    'a route that requires no key needs its own limit otherwise (CORS preflights the gateway answers itself aside).',
  remediation: {
    kubernetes: [
      '# ingress-nginx: requests per second per client address (burst: limit-burst-multiplier x limit, default 5)',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/limit-rps: "20"',
      '# Traefik: a RateLimit Middleware named in traefik.ingress.kubernetes.io/router.middlewares',
      '# AWS Load Balancer Controller / GKE: a rate-based rule in the web ACL / Cloud Armor policy attached to the Ingress',
      '# Envoy Gateway: a BackendTrafficPolicy with rateLimit targeting the HTTPRoute',
    ].join('\n'),
    terraform: [
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  stage_name  = aws_api_gateway_stage.prod.stage_name',
      '  method_path = "*/*"',
      '  settings {',
      '    throttling_rate_limit  = 100',
      '    throttling_burst_limit = 50',
      '  }',
      '}',
      '# HTTP/WebSocket APIs: default_route_settings { throttling_rate_limit = 100, throttling_burst_limit = 50 } on aws_apigatewayv2_stage',
      '',
      '# Azure API Management: a rate limit per caller in the API policy (or the product or service-wide policy)',
      'resource "azurerm_api_management_api_policy" "orders" {',
      '  api_name            = azurerm_api_management_api.orders.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  xml_content         = <<XML',
      '<policies>',
      '  <inbound>',
      '    <base />',
      '    <rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress)" />',
      '  </inbound>',
      '</policies>',
      'XML',
      '}',
    ].join('\n'),
    cloudformation: [
      '# REST API stage: a stage-wide method setting (or a usage plan Throttle)',
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    MethodSettings:',
      '      - ResourcePath: /*',
      '        HttpMethod: \'*\'',
      '        ThrottlingRateLimit: 100',
      '        ThrottlingBurstLimit: 50',
      '',
      '# HTTP / WebSocket API stage',
      'HttpStage:',
      '  Type: AWS::ApiGatewayV2::Stage',
      '  Properties:',
      '    ApiId: !Ref HttpApi',
      '    StageName: $default',
      '    AutoDeploy: true',
      '    DefaultRouteSettings:',
      '      ThrottlingRateLimit: 100',
      '      ThrottlingBurstLimit: 50',
      '',
      '# SAM: MethodSettings on AWS::Serverless::Api, DefaultRouteSettings on AWS::Serverless::HttpApi',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    MethodSettings:',
      '      - ResourcePath: /*',
      '        HttpMethod: \'*\'',
      '        ThrottlingRateLimit: 100',
      '        ThrottlingBurstLimit: 50',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://learn.microsoft.com/en-us/azure/api-management/rate-limit-by-key-policy',
  ],
  evaluate(stage, { graph }) {
    const stageVerdict = fromThrottle(stage.attrs.throttling, `the throttling of stage ${stage.name}`);
    if (stageVerdict.limited === true) return pass();
    const plans = usagePlansCovering(graph, stage);
    const api = apiOf(graph, stage);
    const operations = api ? operationsOf(graph, api) : [];
    // Without routes to look at, the usage plans' limits are taken for the stage's.
    const routes: Verdict = operations.length === 0 ? everyPlanLimits(plans)
      : everyRouteLimited(operations.filter((op) => !answeredByGateway(graph, op)), plans, { stage: stage.id, apim: api?.attrs.flavor === 'apim', live: stage.source.kind === 'cloud' });
    const verdicts = [stageVerdict, routes];
    if (verdicts.some((v) => v.limited === true)) return pass();
    const open = verdicts.find((v): v is Extract<Verdict, { limited: 'unknown' }> => v.limited === 'unknown');
    if (open) return unknown(`Cannot tell whether stage ${stage.name} is rate limited: ${open.why}`, open.source ?? stage.source);
    const escapes = routes.limited === false ? routes.escapes : undefined;
    return fail(
      `Stage ${stage.name} sets no rate or burst limit (not on the stage, every usage plan or product covering it, or every route): only platform-wide limits apply` +
      (escapes === undefined ? '' : `; ${escapes}`),
      stage.attrs.throttling.source ?? stage.source,
    );
  },
});

/**
 * A throttle limits traffic when it sets a rate, a burst or a token rate; 0 blocks all traffic, which is a limit too.
 * Negative values mean "not set".
 */
function limits(throttle: Throttle | null): boolean {
  if (throttle === null) return false;
  return [throttle.rateLimit, throttle.burstLimit, throttle.tokensPerMinute].some((n) => n !== undefined && n >= 0);
}

function fromThrottle(attr: Attr<Throttle | null>, what: string): Verdict {
  switch (attr.state) {
    case 'unknown':
      return { limited: 'unknown', why: `${what} is not known statically (${attr.expr ?? 'computed'})`, ...(attr.source && { source: attr.source }) };
    case 'set':
    case 'default':
      return { limited: limits(attr.value) };
  }
}

/**
 * The calls made through usage plans are limited when every plan covering the stage limits them: a client holding
 * the key of an unthrottled plan (or calling an unthrottled open product) is limited by nothing else. A plan that may
 * not apply (it may not exist, or may not cover the stage) matters only if it does: unlimited, the answer is not
 * known; limited, it vouches for nothing. No plan: nothing.
 */
function everyPlanLimits(plans: readonly GraphNode<'api.usage-plan'>[], route?: Route): Verdict {
  let open: Verdict | undefined;
  let applying = false;
  for (const plan of plans) {
    const applies = plan.attrs.applies;
    if (applies.state !== 'unknown' && !applies.value) continue;
    const forMethod = route ? methodVerdict(plan, route) : undefined;
    const verdict = forMethod ?? fromThrottle(plan.attrs.throttling, `the throttling of usage plan ${plan.name}`);
    if (verdict.limited === false) {
      const escapes = forMethod ? `usage plan or product ${plan.name} sets no limit that runs for route ${route?.method ?? ''}` : unlimited(plan);
      if (applies.state !== 'unknown') return { limited: false, escapes };
      open ??= { limited: 'unknown', why: `${escapes}, if it applies: ${applies.expr ?? 'not known statically'}`, ...(applies.source && { source: applies.source }) };
    } else if (verdict.limited === 'unknown') open ??= verdict;
    if (applies.state !== 'unknown') applying = true;
  }
  if (open) return open;
  if (applying) return { limited: true };
  const maybe = planMayNotApply(plans);
  return maybe ? { limited: 'unknown', ...maybe } : { limited: false };
}

/**
 * A CORS preflight the gateway answers itself (an OPTIONS route whose backends, if any, are mocks): it carries no key
 * and reaches nothing to exhaust. An OPTIONS route that calls a function or a service is a route like any other.
 */
function answeredByGateway(graph: ReadonlyGraph, op: GraphNode<'api.operation'>): boolean {
  return isCorsPreflight(op) && backendsOf(graph, op).every(({ attrs: { type } }) => type.state !== 'unknown' && type.value === 'mock');
}

/** A route of a stage, as usage plans name their methods' throttles: `/pets/GET` (`//GET` for the root resource). */
interface Route { readonly stage: string; readonly method: string }

function routeOf(stage: string, op: GraphNode<'api.operation'>): Route | undefined {
  const { method, path } = op.attrs;
  return method.state === 'unknown' || path.state === 'unknown' ? undefined : { stage, method: `${path.value}/${method.value.toUpperCase()}` };
}

/** A plan's throttle for one method of the stage, which replaces the plan's own for it; undefined when it sets none. */
function methodVerdict(plan: GraphNode<'api.usage-plan'>, route: Route): Verdict | undefined {
  const throttles = plan.attrs.methodThrottles;
  if (!throttles) return undefined;
  if (throttles.state === 'unknown') {
    return { limited: 'unknown', why: `the method throttles of usage plan ${plan.name} are not known statically (${throttles.expr ?? 'computed'})`, ...(throttles.source && { source: throttles.source }) };
  }
  const found = throttles.value.find((t) => t.stage === route.stage && t.method === route.method);
  return found ? { limited: limits(found.throttle) } : undefined;
}

/** Why the calls through an unthrottled plan have no limit. */
function unlimited(plan: GraphNode<'api.usage-plan'>): string {
  const { keyRequired } = plan.attrs;
  return keyRequired.state !== 'unknown' && !keyRequired.value
    ? `open product ${plan.name} takes calls without a subscription key and sets no limit`
    : `usage plan or product ${plan.name} covers it and sets none, so the calls made with its keys have no limit`;
}

/**
 * Every route must be limited: by its own throttle, or on each way a call can reach it. A call that presents a key
 * goes through that key's usage plan or product, so every plan must limit; a call without one goes through an open
 * API Management product when one covers the route, and through no plan at all otherwise: a route that requires no
 * key then needs its own limit.
 */
function everyRouteLimited(
  operations: readonly GraphNode<'api.operation'>[], plans: readonly GraphNode<'api.usage-plan'>[], on: { readonly stage: string; readonly apim: boolean; readonly live: boolean },
): Verdict {
  const keylessPlans = keylessCovered(plans);
  let open: Verdict | undefined;
  for (const op of operations) {
    const own = fromThrottle(op.attrs.throttling, `the throttling of route ${op.name}`);
    if (own.limited === true) continue;
    const planned = plans.length === 0 && !on.apim ? keysInNoPlan(on.live) : everyPlanLimits(plans, routeOf(on.stage, op));
    const keyless = op.attrs.apiKeyRequired.state !== 'unknown' && !op.attrs.apiKeyRequired.value;
    // No plan at all (every HTTP API): a route without a key is limited by nothing but its own limit.
    const byPlan: Verdict = plans.length === 0 && keyless ? { limited: false } : withKeylessCalls(op, planned, keylessPlans, on.apim);
    if (byPlan.limited === true) continue;
    if (own.limited === 'unknown') open ??= own;
    else if (byPlan.limited === 'unknown') open ??= byPlan;
    else return byPlan;
  }
  return open ?? { limited: true };
}

/**
 * API Gateway without a usage plan on the stage: it rejects every API key that is in no plan covering the stage, so a
 * route that requires a key takes no calls (a live account shows every plan). In code, the plan that makes the keys
 * work may be managed elsewhere, with limits not known here.
 */
function keysInNoPlan(live: boolean): Verdict {
  return live ? { limited: true } : { limited: 'unknown', why: 'no usage plan in the scanned code covers it, and API Gateway rejects every API key in no plan: the calls with a key are limited by a plan managed elsewhere, if any' };
}

/** Whether calls without a key reach a plan: yes when an open product covers the route, unknown when one may. */
function keylessCovered(plans: readonly GraphNode<'api.usage-plan'>[]): Verdict {
  const isOpen = ({ attrs: { keyRequired } }: GraphNode<'api.usage-plan'>) => keyRequired.state !== 'unknown' && !keyRequired.value;
  if (plans.some((plan) => isOpen(plan) && plan.attrs.applies.state !== 'unknown' && plan.attrs.applies.value)) return { limited: true };
  for (const plan of plans) {
    const { keyRequired, applies } = plan.attrs;
    if (keyRequired.state === 'unknown') {
      return { limited: 'unknown', why: `whether product ${plan.name} takes calls without a subscription key is not known statically (${keyRequired.expr ?? 'computed'})`, ...(keyRequired.source && { source: keyRequired.source }) };
    }
    if (isOpen(plan) && applies.state === 'unknown') {
      return { limited: 'unknown', why: `whether open product ${plan.name} applies to it is not known (${applies.expr ?? 'computed'})`, ...(applies.source && { source: applies.source }) };
    }
  }
  return { limited: false };
}

/** The plans' verdict on a route, with the calls that present no key when the route takes those. */
function withKeylessCalls(op: GraphNode<'api.operation'>, planned: Verdict, keyless: Verdict, apim: boolean): Verdict {
  if (planned.limited === false) return planned;
  const required = op.attrs.apiKeyRequired;
  if (required.state === 'unknown') {
    return { limited: 'unknown', why: `whether route ${op.name} requires an API key, which the usage plans limit, is not known statically (${required.expr ?? 'computed'})`, ...(required.source && { source: required.source }) };
  }
  if (required.value) return planned;
  if (keyless.limited === false) {
    return {
      limited: false,
      escapes: apim
        ? `route ${op.name} requires no subscription key, and no open product holds its API: calls without a key go through no product`
        : `its usage plans limit only requests with an API key, and route ${op.name} requires none`,
    };
  }
  return keyless.limited === 'unknown' ? keyless : planned;
}
