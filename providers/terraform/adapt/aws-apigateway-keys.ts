import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { ApiKeyAttrs, MethodThrottle, Quota, Throttle, UsagePlanAttrs } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { parseAddress } from './address';
import { isUnknown, withAttributes, withValue, type TfAttribute, type TfBody, type TfResource } from '../model';
import { existsWith, mayNotExist } from './existence';
import { DEPLOYMENT, INLINE_STAGE_SUFFIX, REST_API, STAGE } from './aws-apigateway';
import type { Linker } from './linker';
import { asBool, asNumber, asString, attribute, knownString, literalString, readAttr, readBlocks, valueWrittenAt } from './read-attr';
import { literalKeyValue } from '../../literal-key-value';
import { edge, emptyResult, terraformNode, type AdaptResult } from './terraform-node';
import { combineThrottle } from '../../aws-shared/throttle';

// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_api_key
const API_KEY = 'aws_api_gateway_api_key';
const USAGE_PLAN = 'aws_api_gateway_usage_plan';
const USAGE_PLAN_KEY = 'aws_api_gateway_usage_plan_key';

/** Where a key value read from another resource is kept: a secret store. */
const SECRET_STORE_TYPE = /^aws_(secretsmanager_|ssm_parameter$|kms_secrets$|kms_ciphertext$)/;

/** API keys, usage plans and the keys attached to plans. */
export function adaptApiGatewayKeys(linker: Linker): AdaptResult {
  const result = emptyResult();
  for (const key of linker.ofType(API_KEY)) result.nodes.push(terraformNode(linker, key, 'api.key', keyAttrs(key), { raw: redactValue(key.body) }));
  for (const plan of linker.ofType(USAGE_PLAN)) {
    const stages = readBlocks(plan.body, 'api_stages');
    // Which stages it covers is not known: it may cover any REST stage (any of that name), and its limits may apply to none.
    const coverage: Coverage = stages.state === 'unknown'
      ? { ids: everyRestStage(linker), uncertain: stages.expr, methodThrottles: unknown(stages.expr, stages.source) }
      : coveredStages(linker, stages.blocks, plan.source);
    const covered = coverage.ids;
    const applies: Attr<boolean> = coverage.uncertain !== undefined
      ? unknown(`which stages usage plan ${plan.name} covers is not known statically (${coverage.uncertain})`, stages.state === 'unknown' ? stages.source : plan.source)
      // Switched on by a count of its own that is not known: it may not exist.
      : existsWith(plan, () => stagesWithIds(linker, covered)) ? byDefault(true, plan.source) : unknown(mayNotExist(plan), plan.source);
    const node = terraformNode(linker, plan, 'api.usage-plan', { ...planAttrs(plan.body, plan.source), applies, methodThrottles: coverage.methodThrottles });
    result.nodes.push(node);
    for (const target of covered) result.edges.push(edge(node.id, 'usage-plan-covers', target));
  }
  for (const planKey of linker.ofType(USAGE_PLAN_KEY)) {
    const keys = linker.ids(attribute(planKey.body, 'key_id'), [API_KEY]);
    const plans = linker.ids(attribute(planKey.body, 'usage_plan_id'), [USAGE_PLAN]);
    for (const key of keys) for (const plan of plans) result.edges.push(edge(key, 'key-in-plan', plan));
  }
  return result;
}

function keyAttrs(key: TfResource): ApiKeyAttrs {
  const body = key.body;
  const value = attribute(body, 'value');
  return {
    enabled: readAttr(body, 'enabled', asBool, { value: true, source: key.source }),
    ...valueSource(value, key.source),
    // Creation is a fact of the live key, not of its code (and API Gateway records no last use at all): a plan of
    // running infrastructure, or a state, has it as the computed `created_date`.
    createdAt: createdDate(body, key.source),
    // The key opens what the usage plans that list it (aws_api_gateway_usage_plan_key) cover, nothing else.
    scope: set('usage-plans', key.source),
  };
}

function createdDate(body: TfBody, fallback: FileSource): Attr<string | null> {
  const date = attribute(body, 'created_date');
  const text = date && knownString(body, 'created_date');
  return date && text !== undefined && !Number.isNaN(Date.parse(text)) ? set(text, date.source) : unknown('known only for a deployed key', fallback);
}

/**
 * A value known statically and read from no resource is written in code (in the block, a variable default
 * or a .tfvars file): a literal. Read from a secret store, it is kept out of code. Absent, API Gateway generates it.
 */
function valueSource(value: TfAttribute | undefined, fallback: FileSource): Pick<ApiKeyAttrs, 'valueSource' | 'valuePreview'> {
  if (!value) return { valueSource: byDefault('generated', fallback), valuePreview: byDefault(null, fallback) };
  const fromStore = value.refs.some((ref) => SECRET_STORE_TYPE.test(parseAddress(ref)?.type ?? ''));
  if (fromStore) return { valueSource: set('secret-store', value.source), valuePreview: set(null, value.source) };
  const literal = literalString(value);
  if (literal !== undefined) return literalKeyValue(literal, valueWrittenAt(value));
  return { valueSource: set('expression', value.source), valuePreview: set(null, value.source) };
}

/** The key's body without its value: `raw` must never carry a secret. */
function redactValue(body: TfBody): TfBody {
  const value = body.attributes['value'];
  if (!value) return body;
  return withAttributes(body, { ...body.attributes, value: withValue(value, typeof value.value === 'string' ? '(redacted)' : value.value) });
}

function planAttrs(body: TfBody, source: FileSource): Omit<UsagePlanAttrs, 'applies'> {
  return {
    throttling: planThrottle(body, source),
    quota: planQuota(body, source),
    keyRequired: byDefault(true, source),
  };
}

/** The stages (and deployments with an inline stage) among the scanned resources whose node ids are `ids`. */
function stagesWithIds(linker: Linker, ids: readonly string[]): TfResource[] {
  const wanted = new Set(ids);
  return [...linker.ofType(STAGE), ...linker.ofType(DEPLOYMENT)].filter((r) => wanted.has(linker.nodeId(r.address, r.type === DEPLOYMENT ? INLINE_STAGE_SUFFIX : '')));
}

function planThrottle(body: TfBody, fallback: FileSource): Attr<Throttle | null> {
  const blocks = readBlocks(body, 'throttle_settings');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  return block ? blockThrottle(block) : byDefault(null, fallback);
}

/** `rate_limit` and `burst_limit` of a throttle block. */
function blockThrottle(block: TfBody): Attr<Throttle | null> {
  return combineThrottle(
    readAttr(block, 'rate_limit', asNumber, { value: -1, source: block.source }),
    readAttr(block, 'burst_limit', asNumber, { value: -1, source: block.source }),
    block.source,
  );
}

function planQuota(body: TfBody, fallback: FileSource): Attr<Quota | null> {
  const blocks = readBlocks(body, 'quota_settings');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return byDefault(null, fallback);
  const limit = readAttr(block, 'limit', asNumber);
  const period = readAttr(block, 'period', asString);
  if (limit.state === 'unknown') return limit;
  if (period.state === 'unknown') return period;
  return set({ limit: limit.value, period: period.value.toUpperCase() }, block.source);
}

/** The node ids of every REST stage (and deployment with an inline stage) scanned. */
function everyRestStage(linker: Linker): string[] {
  return [...linker.ofType(STAGE).map((s) => linker.nodeId(s.address)), ...linker.ofType(DEPLOYMENT).filter((d) => attribute(d.body, 'stage_name')).map((d) => linker.nodeId(d.address, INLINE_STAGE_SUFFIX))];
}

/** The stages a plan covers; `uncertain`: why that is not known; the throttles it sets for single methods of them. */
interface Coverage { readonly ids: readonly string[]; readonly uncertain?: string; readonly methodThrottles: Attr<readonly MethodThrottle[]> }

/**
 * `api_stages { api_id, stage }`: the stage by reference, else by name on the API. A block whose API or stage is not
 * known statically (`api_id` from a module output, through a `dynamic` block) may name any stage of that name, or any
 * stage: those are covered, and `uncertain` says why the coverage is not known.
 */
function coveredStages(linker: Linker, blocks: readonly TfBody[], fallback: FileSource): Coverage {
  const targets: string[] = [];
  const methods: MethodThrottle[] = [];
  let methodsUnknown: Attr<readonly MethodThrottle[]> | undefined;
  let uncertain: string | undefined;
  for (const block of blocks) {
    const stage = attribute(block, 'stage');
    const byRef = linker.ids(stage, [STAGE, DEPLOYMENT], (r) => (r.type === DEPLOYMENT ? INLINE_STAGE_SUFFIX : ''));
    const name = knownString(block, 'stage');
    const apiId = attribute(block, 'api_id');
    const api = byRef.length > 0 ? undefined : linker.identity(apiId, [REST_API]);
    let ids: readonly string[];
    if (byRef.length > 0) ids = byRef;
    else if (name === undefined || api === undefined) {
      uncertain ??= name === undefined ? `stage ${describeValue(stage)}` : `api_id ${describeValue(apiId)}`;
      ids = name === undefined ? everyRestStage(linker) : stagesNamed(linker, name);
    } else ids = stagesNamed(linker, name, api);
    targets.push(...ids);
    // `throttle { path = "/pets/GET" ... }`: the limits of one method of this stage.
    const throttles = readBlocks(block, 'throttle');
    if (throttles.state === 'unknown') methodsUnknown ??= unknown(throttles.expr, throttles.source);
    for (const throttle of throttles.state === 'known' ? throttles.blocks : []) {
      const path = knownString(throttle, 'path');
      const limits = blockThrottle(throttle);
      if (path === undefined || limits.state === 'unknown') {
        methodsUnknown ??= limits.state === 'unknown' ? limits : unknown(`throttle path ${describeValue(attribute(throttle, 'path'))}`, throttle.source);
        continue;
      }
      for (const id of ids) methods.push({ stage: id, method: path, throttle: limits.value });
    }
  }
  return { ids: [...new Set(targets)], ...(uncertain !== undefined && { uncertain }), methodThrottles: methodsUnknown ?? byDefault(methods, blocks[0]?.source ?? fallback) };
}

/** Stages named `name` (an aws_api_gateway_stage, or a deployment's inline stage), of the API whose identity is `api`, or of any API. */
function stagesNamed(linker: Linker, name: string, api?: string): string[] {
  const named = (type: string) => (api === undefined ? linker.ofTypeWhere(type, 'stage_name', name)
    : linker.ofTypeWhereOn(type, 'stage_name', name, { attribute: 'rest_api_id', types: [REST_API], identity: api }));
  return [...named(STAGE).map((s) => linker.nodeId(s.address)), ...named(DEPLOYMENT).map((d) => linker.nodeId(d.address, INLINE_STAGE_SUFFIX))];
}

/** An attribute's value for messages: its expression when not known, else that it is not set. */
function describeValue(attribute: TfAttribute | undefined): string {
  return attribute && isUnknown(attribute.value) ? attribute.value.expr : 'not set';
}
