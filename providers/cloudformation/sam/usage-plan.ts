import type { ExpandContext } from './expand-context';
import { generateResource, ref } from './generate';
import type { SamProps } from './sam-props';

/**
 * `Auth.UsagePlan`: `PER_API` makes `<api>UsagePlan`, `<api>ApiKey` and `<api>UsagePlanKey`; `SHARED` makes one
 * `ServerlessUsagePlan` / `ServerlessApiKey` / `ServerlessUsagePlanKey` for every API that asks for it (the first
 * API's throttle and quota); `NONE` makes nothing. SAM's API keys are generated, enabled, and bound to the stage.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiusageplan.html
 */
export function samUsagePlan(api: SamProps, stage: string, ctx: ExpandContext): void {
  const at = ['Auth', 'UsagePlan'];
  const plan = api.map(at);
  if (!plan) return;
  const create = api.string([...at, 'CreateUsagePlan'])?.toUpperCase();
  const id = api.logicalId;
  const source = api.locateOwn(at);
  const apiStage = { ApiId: ref(id), Stage: ref(stage) };
  if (create === 'SHARED' && ctx.sharedUsagePlan) {
    ctx.sharedUsagePlan.apiStages.push(apiStage);
    return;
  }
  if (create !== 'PER_API' && create !== 'SHARED') {
    if (create !== 'NONE') ctx.notice(api.locate([...at, 'CreateUsagePlan']), `${id}: Auth.UsagePlan.CreateUsagePlan is not PER_API, SHARED or NONE known statically; no usage plan is checked`, 'warning');
    return;
  }
  const names = create === 'SHARED'
    ? { plan: 'ServerlessUsagePlan', key: 'ServerlessApiKey', planKey: 'ServerlessUsagePlanKey' }
    : { plan: `${id}UsagePlan`, key: `${id}ApiKey`, planKey: `${id}UsagePlanKey` };
  const apiStages: unknown[] = [apiStage];
  if (create === 'SHARED') ctx.sharedUsagePlan = { plan: names.plan, apiStages };
  ctx.add(generateResource({
    logicalId: names.plan, type: 'AWS::ApiGateway::UsagePlan', source, generatedFrom: id,
    properties: { ApiStages: apiStages, Throttle: plan['Throttle'], Quota: plan['Quota'], UsagePlanName: plan['UsagePlanName'], Description: plan['Description'] },
    origins: [
      { to: ['Throttle'], sam: api, from: [...at, 'Throttle'] },
      { to: ['Quota'], sam: api, from: [...at, 'Quota'] },
      { to: ['UsagePlanName'], sam: api, from: [...at, 'UsagePlanName'] },
    ],
  }));
  ctx.add(generateResource({
    logicalId: names.key, type: 'AWS::ApiGateway::ApiKey', source, generatedFrom: id,
    properties: { Enabled: true, StageKeys: [{ RestApiId: ref(id), StageName: ref(stage) }] },
  }));
  ctx.add(generateResource({
    logicalId: names.planKey, type: 'AWS::ApiGateway::UsagePlanKey', source, generatedFrom: id,
    properties: { KeyId: ref(names.key), KeyType: 'API_KEY', UsagePlanId: ref(names.plan) },
  }));
}
