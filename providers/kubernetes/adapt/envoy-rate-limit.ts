import { set, unknown, type Attr } from '../../../src/graph/attr';
import type { Throttle } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { dig, list, str, type K8sObject } from '../manifest';

/** Which requests a rate-limit rule counts: every client, only some, or not known statically. */
type Reach = { readonly kind: 'all' } | { readonly kind: 'some' | 'unknown'; readonly why: string };

const ALL: Reach = { kind: 'all' };

/** Seconds per Envoy Gateway `limit.unit` (Month and Year as 30 and 365 days). */
const SECONDS: Readonly<Record<string, number>> = { Second: 1, Minute: 60, Hour: 3600, Day: 86400, Month: 2592000, Year: 31536000 };

/**
 * The throttling of an Envoy Gateway BackendTrafficPolicy's `rateLimit` (local and global rules,
 * https://gateway.envoyproxy.io/docs/api/extension_types/#ratelimitrule). Only an enforced rule that counts every client
 * throttles the route: a rule whose `clientSelectors` pick one header value, one CIDR or one path leaves every other
 * client unlimited, and a rule in `shadowMode` rejects nothing. Selectors whose reach cannot be judged make it unknown.
 */
export function envoyRateLimit(policy: K8sObject): Attr<Throttle | null> {
  const at = policy.locate(['spec', 'rateLimit']);
  const rules = (['local', 'global'] as const).flatMap((scope) => list(dig(policy.body, 'spec', 'rateLimit', scope, 'rules'))
    .map((rule, i) => ({ rule, source: policy.locate(['spec', 'rateLimit', scope, 'rules', i]) })));
  const enforced = rules.filter(({ rule }) => dig(rule, 'shadowMode') !== true).map((r) => ({ ...r, reach: reachOf(r.rule) }));
  const everyone = enforced.flatMap((r) => (r.reach.kind === 'all' ? [{ ...r, rate: rateOf(r.rule) }] : []));
  const strictest = everyone.filter((r) => r.rate !== undefined).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))[0];
  if (strictest?.rate !== undefined) return set({ rateLimit: strictest.rate }, strictest.source);
  const unreadable = everyone[0];
  if (unreadable) return unknown(`the limit of a rate-limit rule of ${policy.name} is not a number of requests per unit`, unreadable.source);
  const unsure = enforced.find((r) => r.reach.kind === 'unknown');
  if (unsure && unsure.reach.kind !== 'all') return unknown(`rate limits of ${policy.name} count only some requests: ${unsure.reach.why}`, unsure.source);
  return set(null, firstPartial(enforced) ?? at);
}

function firstPartial(rules: readonly { reach: Reach; source: FileSource }[]): FileSource | undefined {
  return rules.find((r) => r.reach.kind === 'some')?.source;
}

function rateOf(rule: unknown): number | undefined {
  const requests = Number(dig(rule, 'limit', 'requests'));
  const per = SECONDS[str(dig(rule, 'limit', 'unit')) ?? 'Second'];
  return Number.isFinite(requests) && per !== undefined ? requests / per : undefined;
}

/** All `clientSelectors` must hold for a rule to count a request; none means every request of the route. */
function reachOf(rule: unknown): Reach {
  return narrowest(list(dig(rule, 'clientSelectors')).map(selectorReach));
}

/** Of conditions that must all hold, one that picks only some requests decides; then one that cannot be judged. */
function narrowest(reaches: readonly Reach[]): Reach {
  return reaches.find((r) => r.kind === 'some') ?? reaches.find((r) => r.kind === 'unknown') ?? ALL;
}

/** https://gateway.envoyproxy.io/docs/api/extension_types/#ratelimitselectcondition */
function selectorReach(selector: unknown): Reach {
  const reaches: Reach[] = [];
  for (const [key, value] of Object.entries(typeof selector === 'object' && selector !== null ? selector : {})) {
    switch (key) {
      case 'headers':
        reaches.push(...list(value).map(headerReach));
        break;
      case 'methods':
        if (list(value).length > 0) reaches.push({ kind: 'some', why: `methods ${list(value).map((m) => str(dig(m, 'value')) ?? '?').join(', ')}` });
        break;
      case 'path':
        reaches.push(pathReach(value));
        break;
      case 'sourceCIDR':
        reaches.push(cidrReach(value));
        break;
      default:
        reaches.push({ kind: 'unknown', why: `client selector ${key} is not read` });
    }
  }
  return narrowest(reaches);
}

/**
 * A `Distinct` header gives each value its own bucket, but Envoy counts only requests that carry the header (its
 * `request_headers` action adds no descriptor otherwise): whether every request carries it (a header set by the gateway
 * after authentication, say) is not known statically. An `Exact` or `RegularExpression` value, inverted or not, leaves
 * some clients out.
 */
function headerReach(header: unknown): Reach {
  const name = str(dig(header, 'name')) ?? '?';
  const type = str(dig(header, 'type')) ?? 'Exact';
  if (type === 'Distinct') return { kind: 'unknown', why: `only requests carrying header ${name} are counted` };
  const value = str(dig(header, 'value')) ?? '';
  return { kind: 'some', why: `header ${name} ${dig(header, 'invert') === true ? 'not ' : ''}matching ${value}` };
}

/** Path defaults to the `PathPrefix` `/`, which every request matches. */
function pathReach(path: unknown): Reach {
  const type = str(dig(path, 'type')) ?? 'PathPrefix';
  const value = str(dig(path, 'value')) ?? '/';
  if (type === 'PathPrefix' && value === '/' && dig(path, 'invert') !== true) return ALL;
  return { kind: 'some', why: `path ${value}` };
}

/** `0.0.0.0/0` (or `::/0`) takes every client address, shared (`Exact`) or one bucket per address (`Distinct`). */
function cidrReach(cidr: unknown): Reach {
  const value = (str(dig(cidr, 'value')) ?? '').trim();
  return value === '0.0.0.0/0' || value === '::/0' ? ALL : { kind: 'some', why: `source ${value}` };
}
