import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { ApiKeyAttrs, MethodThrottle, Quota, Throttle } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { literalKeyValue } from '../../literal-key-value';
import { combineThrottle } from '../../aws-shared/throttle';
import { isCfnUnknown, type CfnResource } from '../template';
import { REST_API, restStages, stagesNamed, type RestStage } from './apigateway';
import { createdWith, mayNotBeCreated } from './existence';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { asBool, asNumber, asString, type CfnBody, type CfnProp } from './read-prop';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-apikey.html
const API_KEY = 'AWS::ApiGateway::ApiKey';
const USAGE_PLAN = 'AWS::ApiGateway::UsagePlan';
const USAGE_PLAN_KEY = 'AWS::ApiGateway::UsagePlanKey';

/** Dynamic references to a secret store: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html */
const SECRET_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure|ssm):/;

export function adaptApiGatewayKeys(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  for (const key of ctx.ofType(API_KEY)) {
    result.nodes.push(ctx.node(key, 'api.key', keyAttrs(ctx, key), { raw: redactValue(key.properties) }));
  }
  const stages = restStages(ctx);
  for (const plan of ctx.ofType(USAGE_PLAN)) {
    const body = ctx.read.body(plan);
    const coverage = planCoverage(ctx, stages, ctx.read.items(body, 'ApiStages'));
    const node = ctx.node(plan, 'api.usage-plan', {
      throttling: planThrottle(ctx, body, plan.source),
      methodThrottles: coverage.methodThrottles,
      quota: planQuota(ctx, body, plan.source),
      keyRequired: byDefault(true, plan.source),
      applies: coverage.uncertain ? unknown(`which stages usage plan ${plan.logicalId} covers is not known statically (${coverage.uncertain.expr})`, coverage.uncertain.source)
        : createdWith(plan, () => coverage.stages.map((stage) => stage.resource)) ? byDefault(true, plan.source) : unknown(mayNotBeCreated(plan), plan.source),
    });
    result.nodes.push(node);
    for (const stage of coverage.stages) result.edges.push(edge(node.id, 'usage-plan-covers', stage.id));
  }
  for (const planKey of ctx.ofType(USAGE_PLAN_KEY)) {
    const body = ctx.read.body(planKey);
    for (const key of ctx.ids(ctx.read.prop(body, 'KeyId'), [API_KEY])) {
      for (const plan of ctx.ids(ctx.read.prop(body, 'UsagePlanId'), [USAGE_PLAN])) result.edges.push(edge(key, 'key-in-plan', plan));
    }
  }
  return result;
}

function keyAttrs(ctx: CfnContext, key: CfnResource): ApiKeyAttrs {
  const body = ctx.read.body(key);
  const notInCode = unknown('known only for a deployed key', key.source);
  return {
    // Enabled defaults to false in the API Gateway API that CloudFormation calls:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApiKey.html#apigw-CreateApiKey-request-enabled
    enabled: ctx.read.read(body, 'Enabled', asBool, { value: false, source: key.source }),
    ...valueSource(ctx.read.prop(body, 'Value'), key.source),
    createdAt: notInCode,
    // The key opens what the usage plans that list it (AWS::ApiGateway::UsagePlanKey) cover; API Gateway records no last use.
    scope: set('usage-plans', key.source),
  };
}

/**
 * A value known statically is written in the template (in the resource or a parameter default): a literal. A dynamic
 * reference to Secrets Manager or SSM keeps it out of the template. Absent, API Gateway generates the key.
 */
function valueSource(value: CfnProp | undefined, fallback: FileSource): Pick<ApiKeyAttrs, 'valueSource' | 'valuePreview'> {
  if (!value) return { valueSource: byDefault('generated', fallback), valuePreview: byDefault(null, fallback) };
  if (isCfnUnknown(value.value)) {
    const kind = SECRET_REFERENCE.test(value.value.expr) ? 'secret-store' : 'expression';
    return { valueSource: set(kind, value.source), valuePreview: set(null, value.source) };
  }
  const literal = value.refs.length === 0 ? asString(value.value) : undefined;
  if (literal !== undefined) return literalKeyValue(literal, value.source);
  return { valueSource: set('expression', value.source), valuePreview: set(null, value.source) };
}

/** The key's properties without its value: `raw` must never carry a secret. */
function redactValue(properties: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return typeof properties['Value'] === 'string' ? { ...properties, Value: '(redacted)' } : properties;
}

/**
 * The stages a plan's `ApiStages` cover. An item whose stage or API is not known statically (a parameter without a
 * default) may name any stage of that API, of that name, or any stage: those are covered, and `uncertain` says why.
 */
function planCoverage(ctx: CfnContext, stages: readonly RestStage[], apiStages: ReturnType<CfnContext['read']['items']>): {
  stages: readonly RestStage[]; uncertain?: { expr: string; source: FileSource }; methodThrottles: Attr<readonly MethodThrottle[]>;
} {
  if (apiStages.state === 'unknown') {
    return { stages, uncertain: { expr: apiStages.expr, source: apiStages.source }, methodThrottles: unknown(apiStages.expr, apiStages.source) };
  }
  const covered = new Set<RestStage>();
  const methods: MethodThrottle[] = [];
  let methodsUnknown: Attr<readonly MethodThrottle[]> | undefined;
  let uncertain: { expr: string; source: FileSource } | undefined;
  for (const item of apiStages.bodies) {
    const stage = ctx.read.prop(item, 'Stage');
    const apiId = ctx.read.prop(item, 'ApiId');
    const api = ctx.identity(apiId, [REST_API]);
    const named = stagesNamed(ctx, stages, stage, api);
    for (const s of named) covered.add(s);
    // `Throttle`: a map of `/path/METHOD` to a throttle, for the stage this item names.
    const throttle = ctx.read.child(item, 'Throttle');
    if (throttle.state === 'unknown') methodsUnknown ??= unknown(throttle.expr, throttle.source);
    else if (throttle.state === 'known') {
      for (const method of Object.keys(throttle.body.raw)) {
        const limits = ctx.read.child(throttle.body, method);
        const read = limits.state === 'known' ? bodyThrottle(ctx, limits.body) : limits.state === 'unknown' ? unknown(limits.expr, limits.source) : undefined;
        if (read?.state === 'unknown') methodsUnknown ??= read;
        else if (read) for (const s of named) methods.push({ stage: s.id, method, throttle: read.value });
      }
    }
    // A value not known statically that refers to no resource (a parameter without a default, a pseudo parameter).
    const unknownProp = [stage, apiId].find((p) => p !== undefined && isCfnUnknown(p.value) && p.refs.length === 0);
    if (named.length > 0 || !unknownProp || !isCfnUnknown(unknownProp.value)) continue;
    uncertain ??= { expr: unknownProp.value.expr, source: unknownProp.source };
    const name = stage && typeof stage.value === 'string' ? stage.value : undefined;
    for (const s of stages) {
      if ((api === undefined || s.api === api) && (name === undefined || (s.stageName.state !== 'unknown' && s.stageName.value === name))) covered.add(s);
    }
  }
  return { stages: [...covered], ...(uncertain && { uncertain }), methodThrottles: methodsUnknown ?? byDefault(methods, apiStages.bodies[0]?.source ?? apiStages.source) };
}

function planThrottle(ctx: CfnContext, body: CfnBody, fallback: FileSource): Attr<Throttle | null> {
  const throttle = ctx.read.child(body, 'Throttle');
  switch (throttle.state) {
    case 'absent':
      return byDefault(null, fallback);
    case 'unknown':
      return unknown(throttle.expr, throttle.source);
    case 'known':
      return bodyThrottle(ctx, throttle.body);
  }
}

/** `RateLimit` and `BurstLimit` of a throttle mapping. */
function bodyThrottle(ctx: CfnContext, body: CfnBody): Attr<Throttle | null> {
  return combineThrottle(
    ctx.read.read(body, 'RateLimit', asNumber, { value: -1, source: body.source }),
    ctx.read.read(body, 'BurstLimit', asNumber, { value: -1, source: body.source }),
    body.source,
  );
}

function planQuota(ctx: CfnContext, body: CfnBody, fallback: FileSource): Attr<Quota | null> {
  const quota = ctx.read.child(body, 'Quota');
  switch (quota.state) {
    case 'absent':
      return byDefault(null, fallback);
    case 'unknown':
      return unknown(quota.expr, quota.source);
    case 'known': {
      const limit = ctx.read.read(quota.body, 'Limit', asNumber);
      const period = ctx.read.read(quota.body, 'Period', asString);
      if (limit.state === 'unknown') return limit;
      if (period.state === 'unknown') return period;
      return set({ limit: limit.value, period: period.value.toUpperCase() }, quota.body.source);
    }
  }
}
