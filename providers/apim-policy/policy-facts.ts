import { findChildren, type PolicyElement, type PolicyValue } from './policy-document';

/**
 * What individual policies say, in neutral terms. Values computed at request time (`@(...)`) are `unknown`; named
 * value references (`{{issuer}}`) are resolved by the caller when it knows them, else kept as written: a reference to
 * a named value still configures the setting. Policy reference: https://learn.microsoft.com/en-us/azure/api-management/api-management-policies
 */

export type Known<T> = { readonly state: 'known'; readonly value: T } | { readonly state: 'unknown'; readonly expr: string };

/** Resolves `{{name}}` references to named values; returns `undefined` for names it does not know. */
export type NamedValueResolver = (name: string) => string | undefined;

const NAMED_VALUE = /\{\{\s*([^{}]+?)\s*\}\}/g;

function readValue(value: PolicyValue | undefined, resolve: NamedValueResolver = () => undefined): Known<string> | undefined {
  if (!value) return undefined;
  if (value.hasExpression) return { state: 'unknown', expr: value.text };
  return { state: 'known', value: value.text.replace(NAMED_VALUE, (whole, name: string) => resolve(name) ?? whole) };
}

function readNumber(value: PolicyValue | undefined, resolve?: NamedValueResolver): Known<number> | undefined {
  const read = readValue(value, resolve);
  if (!read || read.state === 'unknown') return read;
  const n = Number(read.value.trim());
  return read.value.trim() !== '' && Number.isFinite(n) ? { state: 'known', value: n } : { state: 'unknown', expr: read.value };
}

function texts(parent: PolicyElement | undefined, childName: string, resolve?: NamedValueResolver): Known<string>[] {
  if (!parent) return [];
  return findChildren(parent, childName).flatMap((child) => {
    const value = readValue(child.text, resolve);
    return value ? [value] : [];
  });
}

/** All known, or the first unknown. */
function allKnown(values: readonly Known<string>[]): Known<string[]> {
  const open = values.find((v): v is Extract<Known<string>, { state: 'unknown' }> => v.state === 'unknown');
  return open ?? { state: 'known', value: values.flatMap((v) => (v.state === 'known' ? [v.value] : [])) };
}

export interface TokenValidation {
  readonly policy: 'validate-jwt' | 'validate-azure-ad-token';
  /** Accepted issuers, OpenID configuration URLs or the Entra tenant; empty when none is pinned. */
  readonly issuers: Known<string[]>;
  readonly audiences: Known<string[]>;
  /** Where the token is read from. */
  readonly identitySource: string;
}

/**
 * `validate-jwt` checks the issuers in `<issuers>`, else the issuer its `<openid-config>` metadata names;
 * `validate-azure-ad-token` only accepts tokens of `tenant-id` and checks `<audiences>` and `<client-application-ids>`:
 * https://learn.microsoft.com/en-us/azure/api-management/validate-jwt-policy https://learn.microsoft.com/en-us/azure/api-management/validate-azure-ad-token-policy
 */
export function tokenValidation(element: PolicyElement, resolve?: NamedValueResolver): TokenValidation | undefined {
  const source = identitySource(element);
  if (element.name === 'validate-jwt') {
    const issuers = texts(findChildren(element, 'issuers')[0], 'issuer', resolve);
    const configs = findChildren(element, 'openid-config').flatMap((c) => {
      const url = readValue(c.attributes['url'], resolve);
      return url ? [url] : [];
    });
    const audiences = texts(findChildren(element, 'audiences')[0], 'audience', resolve);
    const claimedIssuers = requiredClaim(element, 'iss', resolve);
    return {
      policy: 'validate-jwt',
      issuers: allKnown(issuers.length > 0 ? issuers : claimedIssuers.length > 0 ? claimedIssuers : configs),
      audiences: allKnown(audiences.length > 0 ? audiences : requiredClaim(element, 'aud', resolve)),
      identitySource: source,
    };
  }
  if (element.name === 'validate-azure-ad-token') {
    const tenant = readValue(element.attributes['tenant-id'], resolve);
    return {
      policy: 'validate-azure-ad-token',
      issuers: tenant ? allKnown([tenant]) : { state: 'known', value: [] },
      audiences: allKnown([
        ...texts(findChildren(element, 'audiences')[0], 'audience', resolve),
        ...texts(findChildren(element, 'client-application-ids')[0], 'application-id', resolve),
      ]),
      identitySource: source,
    };
  }
  return undefined;
}

/** `<required-claims><claim name="aud"><value>…</value></claim>` pins the claim as `<audiences>` would. */
function requiredClaim(element: PolicyElement, claim: string, resolve?: NamedValueResolver): Known<string>[] {
  const claims = findChildren(element, 'required-claims').flatMap((r) => findChildren(r, 'claim'));
  return claims.filter((c) => c.attributes['name']?.text.trim() === claim).flatMap((c) => texts(c, 'value', resolve));
}

function identitySource(element: PolicyElement): string {
  const header = element.attributes['header-name']?.text;
  const query = element.attributes['query-parameter-name']?.text;
  if (element.attributes['token-value']) return `expression ${element.attributes['token-value'].text}`;
  if (query !== undefined) return `query ${query}`;
  return `header ${header ?? 'Authorization'}`;
}

export interface RateLimit {
  readonly calls: Known<number>;
  /** Seconds. */
  readonly renewalPeriod: Known<number>;
  /** `rate-limit-by-key`: one counter per key (IP, subscription, user...), not one for all callers. */
  readonly byKey: boolean;
}

/** `rate-limit` / `rate-limit-by-key` calls per `renewal-period` seconds: https://learn.microsoft.com/en-us/azure/api-management/rate-limit-policy */
export function rateLimit(element: PolicyElement, resolve?: NamedValueResolver): RateLimit | undefined {
  if (element.name !== 'rate-limit' && element.name !== 'rate-limit-by-key') return undefined;
  return {
    calls: readNumber(element.attributes['calls'], resolve) ?? { state: 'unknown', expr: 'calls is not set' },
    renewalPeriod: readNumber(element.attributes['renewal-period'], resolve) ?? { state: 'unknown', expr: 'renewal-period is not set' },
    byKey: element.name === 'rate-limit-by-key',
  };
}

/** The policies that limit language model tokens per key, by rate and/or by quota. */
export const TOKEN_LIMIT_POLICIES: readonly string[] = ['llm-token-limit', 'azure-openai-token-limit'];

export interface TokenLimit {
  /** `tokens-per-minute`: a rate (429 past it). */
  readonly tokensPerMinute?: Known<number>;
  /** `token-quota` per `token-quota-period` (`Hourly` ... `Yearly`): a quota (403 past it). */
  readonly quota?: { readonly limit: Known<number>; readonly period: Known<string> };
}

/**
 * `llm-token-limit` / `azure-openai-token-limit`: tokens per minute, a token quota per period, or both:
 * https://learn.microsoft.com/en-us/azure/api-management/llm-token-limit-policy
 */
export function tokenLimit(element: PolicyElement, resolve?: NamedValueResolver): TokenLimit | undefined {
  if (!TOKEN_LIMIT_POLICIES.includes(element.name)) return undefined;
  const tokensPerMinute = readNumber(element.attributes['tokens-per-minute'], resolve);
  const quotaLimit = readNumber(element.attributes['token-quota'], resolve);
  const period = readValue(element.attributes['token-quota-period'], resolve) ?? { state: 'unknown', expr: 'token-quota-period is not set' };
  return { ...(tokensPerMinute && { tokensPerMinute }), ...(quotaLimit && { quota: { limit: quotaLimit, period } }) };
}

export interface QuotaLimit {
  /** Calls, else bandwidth in kilobytes. */
  readonly limit: Known<number>;
  readonly unit: 'calls' | 'kilobytes';
  readonly renewalPeriod: Known<number>;
}

/** `quota` / `quota-by-key`: `calls` and/or `bandwidth` per `renewal-period` seconds: https://learn.microsoft.com/en-us/azure/api-management/quota-policy */
export function quota(element: PolicyElement, resolve?: NamedValueResolver): QuotaLimit | undefined {
  if (element.name !== 'quota' && element.name !== 'quota-by-key') return undefined;
  const calls = readNumber(element.attributes['calls'], resolve);
  const bandwidth = readNumber(element.attributes['bandwidth'], resolve);
  return {
    limit: calls ?? bandwidth ?? { state: 'unknown', expr: 'neither calls nor bandwidth is set' },
    unit: calls || !bandwidth ? 'calls' : 'kilobytes',
    renewalPeriod: readNumber(element.attributes['renewal-period'], resolve) ?? { state: 'unknown', expr: 'renewal-period is not set' },
  };
}

export interface CorsPolicy {
  readonly allowOrigins: Known<string[]>;
  readonly allowCredentials: Known<boolean>;
}

/** `cors`: `allow-credentials` defaults to false: https://learn.microsoft.com/en-us/azure/api-management/cors-policy */
export function cors(element: PolicyElement, resolve?: NamedValueResolver): CorsPolicy | undefined {
  if (element.name !== 'cors') return undefined;
  const credentials = readValue(element.attributes['allow-credentials'], resolve);
  return {
    allowOrigins: allKnown(texts(findChildren(element, 'allowed-origins')[0], 'origin', resolve).map(originOrWritten)),
    allowCredentials: !credentials
      ? { state: 'known', value: false }
      : credentials.state === 'unknown'
        ? credentials
        : { state: 'known', value: credentials.value.trim().toLowerCase() === 'true' },
  };
}

/**
 * An origin computed in part (`https://${var.app_host}`, `https://@(...)`) but written with its scheme is one site,
 * never the wildcard: kept as written. One computed whole may be anything.
 */
function originOrWritten(origin: Known<string>): Known<string> {
  return origin.state === 'unknown' && /^https?:\/\/[^\s/]/i.test(origin.expr) && !origin.expr.includes('*') ? { state: 'known', value: origin.expr } : origin;
}

export type BackendTarget =
  | { readonly kind: 'url'; readonly url: Known<string> }
  | { readonly kind: 'backend-id'; readonly id: Known<string> };

/** `set-backend-service` names a URL (`base-url`) or a backend entity (`backend-id`): https://learn.microsoft.com/en-us/azure/api-management/set-backend-service-policy */
export function backendService(element: PolicyElement, resolve?: NamedValueResolver): BackendTarget | undefined {
  if (element.name !== 'set-backend-service') return undefined;
  const url = readValue(element.attributes['base-url'], resolve);
  if (url) return { kind: 'url', url };
  const id = readValue(element.attributes['backend-id'], resolve);
  return id ? { kind: 'backend-id', id } : undefined;
}

/** The request validation `validate-content` (body) and `validate-parameters` / `validate-headers` (parameters) give. */
export function validationKind(element: PolicyElement): 'body' | 'params' | undefined {
  if (element.name === 'validate-content') return 'body';
  if (element.name === 'validate-parameters' || element.name === 'validate-headers') return 'params';
  return undefined;
}

export interface IpFilter {
  readonly action: Known<'allow' | 'forbid'>;
  readonly addresses: readonly string[];
}

/** `ip-filter action="allow|forbid"` with `<address>` and `<address-range from to>`: https://learn.microsoft.com/en-us/azure/api-management/ip-filter-policy */
export function ipFilter(element: PolicyElement, resolve?: NamedValueResolver): IpFilter | undefined {
  if (element.name !== 'ip-filter') return undefined;
  const action = readValue(element.attributes['action'], resolve);
  const value = action?.state === 'known' ? action.value.trim().toLowerCase() : undefined;
  return {
    action: value === 'allow' || value === 'forbid' ? { state: 'known', value } : { state: 'unknown', expr: action?.state === 'unknown' ? action.expr : `action ${value ?? 'is not set'}` },
    addresses: [
      ...findChildren(element, 'address').map((a) => a.text.text),
      ...findChildren(element, 'address-range').map((r) => `${r.attributes['from']?.text ?? '?'}-${r.attributes['to']?.text ?? '?'}`),
    ],
  };
}
