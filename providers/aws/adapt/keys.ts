import { unknown } from '../../../src/graph/attr';
import type { ApiKeyAttrs } from '../../../src/graph/kinds';
import { apiGatewayArn, restStagePath } from '../arn';
import type { RegionSnapshot } from '../snapshot';
import { cloudSource, edge, liveId, liveNode, reader, type LiveFragment, type LiveScope } from './live-node';
import { throttleOf } from '../../aws-shared/throttle';

/** API keys (read without their values), usage plans, the stages plans cover and the keys in each plan. */
export function adaptKeys(region: RegionSnapshot, scope: LiveScope, out: LiveFragment): void {
  for (const key of region.apiKeys ?? []) {
    if (key.id === undefined) continue;
    const arn = apiGatewayArn(scope.partition, scope.region, `/apikeys/${key.id}`);
    const source = cloudSource(arn, scope);
    const read = reader(source);
    const attrs: ApiKeyAttrs = {
      enabled: read(key.enabled === true),
      // The value was not read (includeValues false): whether it was imported or generated is not recorded.
      valueSource: unknown('a deployed key does not record where its value came from', source),
      valuePreview: read(null),
      createdAt: read(key.createdDate?.toISOString() ?? null),
      // No lastUsedAt: API Gateway records no last-use time for a key, only usage per plan and day (GetUsage).
      // A key opens the APIs of the usage plans it is in, and nothing else:
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
      scope: read('usage-plans' as const),
    };
    out.nodes.push(liveNode('api.key', arn, key.name ?? key.id, 'AWS::ApiGateway::ApiKey', attrs, scope, key));
  }
  if (!region.usagePlans) unreadPlans(region, scope, out);
  for (const { plan, keys } of region.usagePlans ?? []) {
    const arn = apiGatewayArn(scope.partition, scope.region, `/usageplans/${plan.id}`);
    const read = reader(cloudSource(arn, scope));
    const quota = plan.quota?.limit !== undefined ? { limit: plan.quota.limit, period: (plan.quota.period ?? 'DAY').toUpperCase() } : null;
    const methodThrottles = (plan.apiStages ?? []).flatMap(({ apiId, stage, throttle }) => (apiId === undefined || stage === undefined ? []
      : Object.entries(throttle ?? {}).map(([method, t]) => ({ stage: restStageId(scope, apiId, stage), method, throttle: throttleOf(t.rateLimit, t.burstLimit) }))));
    const node = liveNode('api.usage-plan', arn, plan.name ?? plan.id, 'AWS::ApiGateway::UsagePlan', {
      throttling: read(throttleOf(plan.throttle?.rateLimit, plan.throttle?.burstLimit)),
      methodThrottles: read(methodThrottles),
      quota: read(quota),
      keyRequired: read(true),
      applies: read(true),
    }, scope, plan);
    out.nodes.push(node);
    for (const stage of plan.apiStages ?? []) {
      if (stage.apiId === undefined || stage.stage === undefined) continue;
      out.edges.push(edge(node.id, 'usage-plan-covers', restStageId(scope, stage.apiId, stage.stage)));
    }
    for (const key of keys ?? []) {
      if (key.id !== undefined && (key.type ?? 'API_KEY') === 'API_KEY') out.edges.push(edge(liveId(apiGatewayArn(scope.partition, scope.region, `/apikeys/${key.id}`)), 'key-in-plan', node.id));
    }
  }
}

/**
 * The usage plans of a region that could not be listed: any of them may cover any REST stage, with limits not known.
 * A stage whose keyed routes no plan read covers is then "cannot verify", not a stage that takes no keyed calls.
 */
function unreadPlans(region: RegionSnapshot, scope: LiveScope, out: LiveFragment): void {
  const arn = apiGatewayArn(scope.partition, scope.region, '/usageplans');
  const source = cloudSource(arn, scope);
  const why = unknown('the usage plans of this region could not be listed', source);
  const node = liveNode('api.usage-plan', arn, 'usage plans (not read)', 'AWS::ApiGateway::UsagePlan', {
    throttling: why, quota: why, keyRequired: reader(source)(true), applies: why, methodThrottles: why,
  }, scope, {});
  out.nodes.push(node);
  for (const { api, stages } of region.restApis) {
    for (const stage of stages ?? []) {
      if (stage.stageName !== undefined) out.edges.push(edge(node.id, 'usage-plan-covers', restStageId(scope, api.id, stage.stageName)));
    }
  }
}

/** The node id of a REST API's stage, as usage plans name it (API id and stage name). */
function restStageId(scope: LiveScope, apiId: string, stage: string): string {
  return liveId(apiGatewayArn(scope.partition, scope.region, restStagePath(apiId, stage)));
}
