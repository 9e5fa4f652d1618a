import { readFileSync } from 'node:fs';
import { adaptAccount } from '../../providers/aws/adapt';
import type { RestApiShape, WebAclShape } from '../../providers/aws/shapes';
import type { AccountSnapshot, RegionSnapshot, RestApiSnapshot } from '../../providers/aws/snapshot';
import type { LoadResult } from '../../src/graph/adapter';

/**
 * Live AWS fixtures (`policies/<area>/__fixtures__/<slug>/aws/*.json`): what `gatewarden audit aws` read of one
 * account, as the recorded response shapes the pure adapters consume (providers/aws/snapshot.ts), in JSON:
 *
 * ```json
 * { "recordedAt": "2025-06-01T00:00:00Z", "account": "111111111111",
 *   "regions": [{ "region": "eu-west-1",
 *     "restApis": [{ "api": {...GetRestApis item}, "resources": [...GetResources embed=methods], "stages": [...], "authorizers": [...],
 *                    "validators": [...], "webAcls": { "<stage>": {...GetWebACLForResource WebACL} | null } }],
 *     "v2Apis": [{ "api": {...GetApis item}, "routes": [...], "integrations": [...], "stages": [...], "authorizers": [...] }],
 *     "domainNames": [{ "domain": {...}, "mappings": [...] }], "v2DomainNames": [...], "apiKeys": [...], "usagePlans": [{ "plan": {...}, "keys": [...] }] }],
 *   "distributions": [...ListDistributions items], "cloudFrontWebAcls": { "<web ACL ARN>": {...GetWebACL WebACL} } }
 * ```
 * Lists left out were read and are empty. `recordedAt` is when the responses were taken: the scan time policies judge
 * ages by, so that a fixture means the same thing whenever the tests run. Dates (`createdDate`, ...) are ISO strings,
 * as the SDK's Date objects print.
 */
export interface AwsRecording {
  readonly recordedAt: Date;
  readonly account: AccountSnapshot;
}

const DATE_FIELDS = new Set(['createdDate', 'lastUpdatedDate', 'expirationDate']);

export function readAwsRecording(file: string): AwsRecording {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value));
  const root = record(json, file);
  const recordedAt = typeof root['recordedAt'] === 'string' ? new Date(root['recordedAt']) : undefined;
  if (recordedAt === undefined || Number.isNaN(recordedAt.getTime())) throw new Error(`${file}: "recordedAt" must be an ISO date`);
  const account = typeof root['account'] === 'string' ? root['account'] : '111111111111';
  const partition = typeof root['partition'] === 'string' ? root['partition'] : 'aws';
  const regions = list(root['regions'], `${file} regions`).map((r): RegionSnapshot => {
    const region = record(r, `${file} region`);
    const name = region['region'];
    if (typeof name !== 'string') throw new Error(`${file}: every region needs a "region" name`);
    return {
      account, partition, region: name,
      restApis: list(region['restApis'], `${file} restApis`).map((a) => restApi(a, file)),
      v2Apis: list(region['v2Apis'], `${file} v2Apis`) as RegionSnapshot['v2Apis'],
      domainNames: list(region['domainNames'], `${file} domainNames`) as RegionSnapshot['domainNames'],
      v2DomainNames: list(region['v2DomainNames'], `${file} v2DomainNames`) as RegionSnapshot['v2DomainNames'],
      apiKeys: list(region['apiKeys'], `${file} apiKeys`) as RegionSnapshot['apiKeys'],
      usagePlans: list(region['usagePlans'], `${file} usagePlans`) as RegionSnapshot['usagePlans'],
      clientCertificates: list(region['clientCertificates'], `${file} clientCertificates`) as RegionSnapshot['clientCertificates'],
    };
  });
  const acls = root['cloudFrontWebAcls'] === undefined ? {} : record(root['cloudFrontWebAcls'], `${file} cloudFrontWebAcls`);
  return {
    recordedAt,
    account: {
      account, partition, regions,
      distributions: list(root['distributions'], `${file} distributions`) as AccountSnapshot['distributions'],
      cloudFrontWebAcls: new Map(Object.entries(acls) as [string, WebAclShape][]),
    },
  };
}

/** A recording through the live adapters, as `audit aws` would load it. */
export function loadAwsRecording(file: string): { readonly loaded: LoadResult; readonly recordedAt: Date } {
  const { account, recordedAt } = readAwsRecording(file);
  const fragment = adaptAccount(account);
  return { loaded: { nodes: fragment.nodes, edges: fragment.edges, diagnostics: fragment.diagnostics }, recordedAt };
}

function restApi(value: unknown, file: string): RestApiSnapshot {
  const entry = record(value, `${file} restApi`);
  const api = record(entry['api'], `${file} restApi.api`);
  const id = api['id'];
  if (typeof id !== 'string') throw new Error(`${file}: every REST API needs an "id"`);
  const webAcls = entry['webAcls'] === undefined ? {} : record(entry['webAcls'], `${file} webAcls`);
  return {
    api: { ...(api as RestApiShape), id },
    resources: list(entry['resources'], `${file} resources`) as RestApiSnapshot['resources'],
    stages: list(entry['stages'], `${file} stages`) as RestApiSnapshot['stages'],
    authorizers: list(entry['authorizers'], `${file} authorizers`) as RestApiSnapshot['authorizers'],
    validators: list(entry['validators'], `${file} validators`) as RestApiSnapshot['validators'],
    webAcls: new Map(Object.entries(webAcls) as [string, WebAclShape | null][]),
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: expected an object`);
  return value as Record<string, unknown>;
}

/** A list left out was read and is empty. */
function list(value: unknown, what: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list`);
  return value;
}
