import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local AWS that speaks the wire protocols the SDK clients of the live audit use: restJson1 (API Gateway v1 and v2),
 * awsJson1_1 (WAFv2, Organizations, by `x-amz-target`), restXml (CloudFront) and the query protocol (STS). It serves a
 * scenario (JSON, in the services' wire shapes) and records every request, so tests can assert what was called.
 * Account and region come from the SigV4 credential scope of each request: the access key names the account.
 */
export interface Scenario {
  /** Access key id → account id, for the base credentials. */
  readonly credentials: Readonly<Record<string, string>>;
  readonly accounts: Readonly<Record<string, AccountData>>;
  /** Roles STS lets these credentials assume, by ARN; `deny` refuses it. The role's account is in its ARN. */
  readonly roles?: Readonly<Record<string, { readonly deny?: boolean }>>;
  /** Organizations ListAccounts answer (wire shape: `{Id, Name, Status}`). */
  readonly organization?: { readonly accounts: readonly Readonly<Record<string, unknown>>[] };
  readonly faults?: readonly Fault[];
  /** Largest page any list returns, whatever the client asks, so that pagination is exercised. */
  readonly pageSize?: number;
}

export interface AccountData {
  /** Opt-in regions the account has not enabled: they refuse its credentials. */
  readonly disabledRegions?: readonly string[];
  readonly regions: Readonly<Record<string, RegionData>>;
  /** CloudFront DistributionSummary objects (PascalCase). */
  readonly distributions?: readonly Json[];
  /** WAFv2 web ACLs of scope CLOUDFRONT (PascalCase, with `Rules`). */
  readonly cloudFrontWebAcls?: readonly Json[];
}

export interface RegionData {
  /** REST APIs (camelCase wire shape) with `resources` (with `resourceMethods`), `stages`, `authorizers`, `requestValidators`. */
  readonly restApis?: readonly Json[];
  /** REST domain names with `basePathMappings`. */
  readonly domainNames?: readonly Json[];
  readonly apiKeys?: readonly Json[];
  /** Usage plans with `keys`. */
  readonly usagePlans?: readonly Json[];
  readonly clientCertificates?: readonly Json[];
  /** HTTP / WebSocket APIs (camelCase wire shape) with `routes`, `integrations`, `stages`, `authorizers`. */
  readonly apis?: readonly Json[];
  /** v2 domain names with `apiMappings`. */
  readonly v2DomainNames?: readonly Json[];
  /** Regional WAFv2 web ACLs (PascalCase). */
  readonly webAcls?: readonly Json[];
  /** Resource ARN → web ACL ARN. */
  readonly webAclAssociations?: Readonly<Record<string, string>>;
}

export interface Fault {
  /** e.g. `apigateway:GetStages`, `wafv2:GetWebACLForResource`, `cloudfront:ListDistributions`, `sts:AssumeRole`. */
  readonly operation: string;
  readonly account?: string;
  readonly region?: string;
  /** A substring of the request path or JSON body (an API id, a stage ARN). */
  readonly match?: string;
  readonly kind: 'throttle' | 'denied' | 'expired' | 'slow';
  /** How many matching requests get the fault; absent: all of them. */
  readonly times?: number;
  /** For `slow`: the delay before answering. */
  readonly delayMs?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly target?: string;
  /** `sts:AssumeRole`, `apigateway:GetResources`... */
  readonly operation: string;
  readonly account?: string;
  readonly region?: string;
  readonly status: number;
}

export interface RunningEmulator {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

type Json = Readonly<Record<string, unknown>>;
type Protocol = 'rest-json' | 'aws-json' | 'rest-xml' | 'query';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Call {
  readonly method: string;
  readonly path: string;
  readonly params: URLSearchParams;
  readonly body: string;
  readonly target: string | undefined;
  readonly service: string;
  readonly region: string;
  readonly accessKey: string | undefined;
}

const ASSUMED_KEY_PREFIX = 'ASIAEMU';

export async function startEmulator(scenario: Scenario): Promise<RunningEmulator> {
  const requests: RecordedRequest[] = [];
  const faultsUsed = new Map<Fault, number>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
    const targetHeader = req.headers['x-amz-target'];
    const call: Call = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      params: url.searchParams,
      body: Buffer.concat(chunks).toString('utf8'),
      target: typeof targetHeader === 'string' ? targetHeader : undefined,
      service: scope?.[3] ?? 'unknown',
      region: scope?.[2] ?? 'us-east-1',
      accessKey: scope?.[1],
    };
    const protocol = protocolOf(call);
    const operation = operationOf(call);
    const account = accountOf(call.accessKey);
    let reply: Reply;
    if (account === undefined) {
      reply = error(protocol, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    } else if (scenario.accounts[account]?.disabledRegions?.includes(call.region) === true && call.service !== 'sts') {
      reply = error(protocol, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    } else {
      const fault = findFault(operation, account, call);
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5000));
      reply = fault && fault.kind !== 'slow' ? faultReply(protocol, fault) : answer(call, operation, account, protocol);
    }
    requests.push({
      method: call.method, path: call.path, query: url.search, ...(call.target !== undefined && { target: call.target }), operation,
      ...(account !== undefined && { account }), region: call.region, status: reply.status,
    });
    if (res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': protocol === 'rest-xml' || protocol === 'query' ? 'text/xml' : 'application/json', ...reply.headers });
    res.end(reply.body);
  }

  function accountOf(accessKey: string | undefined): string | undefined {
    if (accessKey === undefined) return undefined;
    if (accessKey.startsWith(ASSUMED_KEY_PREFIX)) return accessKey.slice(ASSUMED_KEY_PREFIX.length);
    return scenario.credentials[accessKey];
  }

  function findFault(operation: string, account: string, call: Call): Fault | undefined {
    for (const fault of scenario.faults ?? []) {
      if (fault.operation !== operation) continue;
      if (fault.account !== undefined && fault.account !== account) continue;
      if (fault.region !== undefined && fault.region !== call.region) continue;
      if (fault.match !== undefined && !call.path.includes(fault.match) && !call.body.includes(fault.match)) continue;
      const used = faultsUsed.get(fault) ?? 0;
      if (fault.times !== undefined && used >= fault.times) continue;
      faultsUsed.set(fault, used + 1);
      return fault;
    }
    return undefined;
  }

  function answer(call: Call, operation: string, account: string, protocol: Protocol): Reply {
    const data = scenario.accounts[account];
    const region: RegionData = data?.regions[call.region] ?? {};
    const page = (items: readonly unknown[], requested: number | undefined, offset: number) => {
      const size = Math.min(requested ?? 500, scenario.pageSize ?? 500);
      const slice = items.slice(offset, offset + size);
      return { slice, next: offset + size < items.length ? String(offset + size) : undefined };
    };
    const restList = (items: readonly unknown[]): Reply => {
      const limit = call.params.get('limit');
      const { slice, next } = page(items, limit === null ? undefined : Number(limit), Number(call.params.get('position') ?? 0));
      return json({ item: slice.map(withoutChildren), ...(next !== undefined && { position: next }) });
    };
    const v2List = (items: readonly unknown[]): Reply => {
      const max = call.params.get('maxResults');
      const { slice, next } = page(items, max === null ? undefined : Number(max), Number(call.params.get('nextToken') ?? 0));
      return json({ items: slice.map(withoutChildren), ...(next !== undefined && { nextToken: next }) });
    };
    const segments = call.path.split('/').filter((s) => s !== '');
    const byId = (list: readonly Json[] | undefined, key: string, id: string | undefined): Json | undefined => list?.find((x) => x[key] === id);
    const notFound = (): Reply => error(protocol, 404, 'NotFoundException', `Invalid identifier specified: ${call.path}`);
    const children = (parent: Json | undefined, key: string): Reply => (parent ? restList(asList(parent[key])) : notFound());
    const v2Children = (parent: Json | undefined, key: string): Reply => (parent ? v2List(asList(parent[key])) : notFound());
    switch (operation) {
      case 'sts:GetCallerIdentity':
        return xml(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:user/auditor</Arn><UserId>AIDAEMULATOR</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>emulator</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
      case 'sts:AssumeRole': {
        const roleArn = new URLSearchParams(call.body).get('RoleArn') ?? '';
        const role = scenario.roles?.[roleArn];
        const target = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
        if (!role || role.deny === true || target === undefined) return error('query', 403, 'AccessDenied', `User: arn:aws:iam::${account}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
        const expiration = new Date(Date.now() + 3600_000).toISOString();
        return xml(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${ASSUMED_KEY_PREFIX}${target}</AccessKeyId><SecretAccessKey>emulator-secret</SecretAccessKey><SessionToken>emulator-token</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>${roleArn}/gatewarden-audit</Arn><AssumedRoleId>AROAEMULATOR:gatewarden-audit</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>emulator</RequestId></ResponseMetadata></AssumeRoleResponse>`);
      }
      case 'organizations:ListAccounts': {
        const input = parseJson(call.body);
        const { slice, next } = page(scenario.organization?.accounts ?? [], undefined, Number(input['NextToken'] ?? 0));
        return json({ Accounts: slice, ...(next !== undefined && { NextToken: next }) });
      }
      case 'wafv2:GetWebACLForResource': {
        const given = parseJson(call.body)['ResourceArn'];
        const arn = typeof given === 'string' ? given : '';
        const aclArn = region.webAclAssociations?.[arn];
        const acl = aclArn === undefined ? undefined : region.webAcls?.find((a) => a['ARN'] === aclArn);
        return json(acl ? { WebACL: acl } : {});
      }
      case 'wafv2:ListWebACLs': {
        const input = parseJson(call.body);
        const acls = input['Scope'] === 'CLOUDFRONT' ? data?.cloudFrontWebAcls ?? [] : region.webAcls ?? [];
        const { slice, next } = page(acls, Number(input['Limit'] ?? 100), Number(input['NextMarker'] ?? 0));
        return json({ WebACLs: slice.map((a) => ({ Name: (a as Json)['Name'], Id: (a as Json)['Id'], ARN: (a as Json)['ARN'] })), NextMarker: next ?? String(acls.length) });
      }
      case 'wafv2:GetWebACL': {
        const input = parseJson(call.body);
        const acls = input['Scope'] === 'CLOUDFRONT' ? data?.cloudFrontWebAcls ?? [] : region.webAcls ?? [];
        const acl = acls.find((a) => a['Id'] === input['Id'] && a['Name'] === input['Name']);
        return acl ? json({ WebACL: acl, LockToken: 'emulator' }) : error('aws-json', 400, 'WAFNonexistentItemException', 'The referenced item does not exist.');
      }
      case 'cloudfront:ListDistributions': {
        const all = data?.distributions ?? [];
        const marker = call.params.get('Marker');
        const offset = marker === null || marker === '' ? 0 : Number(marker);
        const { slice, next } = page(all, Number(call.params.get('MaxItems') ?? 100), offset);
        const list = { Marker: marker ?? '', ...(next !== undefined && { NextMarker: next }), MaxItems: slice.length, IsTruncated: next !== undefined, Quantity: slice.length, Items: slice };
        return xml(`<?xml version="1.0" encoding="UTF-8"?><DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">${toXml(list, 'DistributionList')}</DistributionList>`);
      }
      case 'apigateway:GetRestApis':
        return restList(region.restApis ?? []);
      case 'apigateway:GetResources': {
        const api = byId(region.restApis, 'id', segments[1]);
        if (!api) return notFound();
        // Methods come inline only when asked for with embed=methods.
        const embed = call.params.getAll('embed').join(',').split(',').includes('methods');
        const resources = asList(api['resources']).map((r) => (embed ? r : withoutKey(r, 'resourceMethods')));
        return restList(resources);
      }
      case 'apigateway:GetStages': {
        const api = byId(region.restApis, 'id', segments[1]);
        return api ? json({ item: asList(api['stages']) }) : notFound();
      }
      case 'apigateway:GetAuthorizers':
        return children(byId(region.restApis, 'id', segments[1]), 'authorizers');
      case 'apigateway:GetRequestValidators':
        return children(byId(region.restApis, 'id', segments[1]), 'requestValidators');
      case 'apigateway:GetDomainNames':
        return restList(region.domainNames ?? []);
      case 'apigateway:GetBasePathMappings':
        return children(byId(region.domainNames, 'domainName', segments[1]), 'basePathMappings');
      case 'apigateway:GetApiKeys':
        // includeValues=false: the values are never sent.
        return restList((region.apiKeys ?? []).map((k) => (call.params.get('includeValues') === 'true' ? k : withoutKey(k, 'value'))));
      case 'apigateway:GetUsagePlans':
        return restList(region.usagePlans ?? []);
      case 'apigateway:GetUsagePlanKeys':
        return children(byId(region.usagePlans, 'id', segments[1]), 'keys');
      case 'apigateway:GetClientCertificates':
        return restList(region.clientCertificates ?? []);
      case 'apigateway:GetApis':
        return v2List(region.apis ?? []);
      case 'apigateway:GetRoutes':
        return v2Children(byId(region.apis, 'apiId', segments[2]), 'routes');
      case 'apigateway:GetIntegrations':
        return v2Children(byId(region.apis, 'apiId', segments[2]), 'integrations');
      case 'apigateway:GetStages (v2)':
        return v2Children(byId(region.apis, 'apiId', segments[2]), 'stages');
      case 'apigateway:GetAuthorizers (v2)':
        return v2Children(byId(region.apis, 'apiId', segments[2]), 'authorizers');
      case 'apigateway:GetDomainNames (v2)':
        return v2List(region.v2DomainNames ?? []);
      case 'apigateway:GetApiMappings':
        return v2Children(byId(region.v2DomainNames, 'domainName', segments[2]), 'apiMappings');
      default:
        return error(protocol, 400, 'UnsupportedOperation', `the emulator does not implement ${call.method} ${call.path} ${call.target ?? ''}`.trim());
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    }),
  };
}

function protocolOf(call: Call): Protocol {
  if (call.service === 'sts') return 'query';
  if (call.target !== undefined) return 'aws-json';
  if (call.path.startsWith('/2020-05-31/')) return 'rest-xml';
  return 'rest-json';
}

/** The API operation a request is, from its method and path, `x-amz-target` or query `Action`. Writes keep their HTTP verb so a test sees them. */
export function operationOf(call: Pick<Call, 'method' | 'path' | 'target' | 'service' | 'body'>): string {
  if (call.service === 'sts') return `sts:${new URLSearchParams(call.body).get('Action') ?? 'Unknown'}`;
  if (call.target !== undefined) {
    const [prefix, name] = call.target.split('.');
    return `${prefix?.startsWith('AWSWAF') === true ? 'wafv2' : prefix?.startsWith('AWSOrganizations') === true ? 'organizations' : prefix ?? '?'}:${name ?? '?'}`;
  }
  if (call.method !== 'GET') return `${call.service}:${call.method} ${call.path}`;
  if (call.path === '/2020-05-31/distribution') return 'cloudfront:ListDistributions';
  const routes: readonly [RegExp, string][] = [
    [/^\/restapis$/, 'GetRestApis'],
    [/^\/restapis\/[^/]+\/resources$/, 'GetResources'],
    [/^\/restapis\/[^/]+\/stages$/, 'GetStages'],
    [/^\/restapis\/[^/]+\/authorizers$/, 'GetAuthorizers'],
    [/^\/restapis\/[^/]+\/requestvalidators$/, 'GetRequestValidators'],
    [/^\/domainnames$/, 'GetDomainNames'],
    [/^\/domainnames\/[^/]+\/basepathmappings$/, 'GetBasePathMappings'],
    [/^\/apikeys$/, 'GetApiKeys'],
    [/^\/usageplans$/, 'GetUsagePlans'],
    [/^\/usageplans\/[^/]+\/keys$/, 'GetUsagePlanKeys'],
    [/^\/clientcertificates$/, 'GetClientCertificates'],
    [/^\/v2\/apis$/, 'GetApis'],
    [/^\/v2\/apis\/[^/]+\/routes$/, 'GetRoutes'],
    [/^\/v2\/apis\/[^/]+\/integrations$/, 'GetIntegrations'],
    [/^\/v2\/apis\/[^/]+\/stages$/, 'GetStages (v2)'],
    [/^\/v2\/apis\/[^/]+\/authorizers$/, 'GetAuthorizers (v2)'],
    [/^\/v2\/domainnames$/, 'GetDomainNames (v2)'],
    [/^\/v2\/domainnames\/[^/]+\/apimappings$/, 'GetApiMappings'],
  ];
  const found = routes.find(([pattern]) => pattern.test(call.path));
  return `${call.service === 'cloudfront' ? 'cloudfront' : 'apigateway'}:${found?.[1] ?? `GET ${call.path}`}`;
}

function faultReply(protocol: Protocol, fault: Fault): Reply {
  switch (fault.kind) {
    case 'throttle':
      return protocol === 'rest-json'
        ? error(protocol, 429, 'TooManyRequestsException', 'Too Many Requests')
        : error(protocol, 400, protocol === 'rest-xml' || protocol === 'query' ? 'Throttling' : 'ThrottlingException', 'Rate exceeded');
    case 'denied':
      return error(protocol, protocol === 'aws-json' ? 400 : 403, protocol === 'rest-xml' || protocol === 'query' ? 'AccessDenied' : 'AccessDeniedException',
        `User: arn:aws:iam::000000000000:user/auditor is not authorized to perform: ${fault.operation}`);
    case 'expired':
      return error(protocol, 403, protocol === 'rest-xml' || protocol === 'query' ? 'ExpiredToken' : 'ExpiredTokenException', 'The security token included in the request is expired');
    case 'slow':
      return error(protocol, 500, 'InternalFailure', 'unreachable');
  }
}

function error(protocol: Protocol, status: number, code: string, message: string): Reply {
  switch (protocol) {
    case 'rest-json':
      return { status, headers: { 'x-amzn-errortype': code }, body: JSON.stringify({ message }) };
    case 'aws-json':
      return { status, body: JSON.stringify({ __type: code, message }) };
    case 'rest-xml':
    case 'query':
      return { status, body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>emulator</RequestId></ErrorResponse>` };
  }
}

function json(value: unknown): Reply {
  return { status: 200, body: JSON.stringify(value) };
}

function xml(body: string): Reply {
  return { status: 200, body };
}

/** Child collections the emulator serves through their own calls never appear in the parent's list. */
const CHILD_KEYS = ['resources', 'stages', 'authorizers', 'requestValidators', 'basePathMappings', 'keys', 'routes', 'integrations', 'apiMappings'];

function withoutChildren(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => !CHILD_KEYS.includes(key)));
}

function withoutKey(item: Json, key: string): Json {
  return Object.fromEntries(Object.entries(item).filter(([k]) => k !== key));
}

function asList(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function parseJson(body: string): Json {
  try {
    const value: unknown = JSON.parse(body === '' ? '{}' : body);
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  } catch {
    // A body that is not JSON is answered as an empty request.
    return {};
  }
}

/** CloudFront wraps each list in `{Quantity, Items}`, with one element name per list type. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  DistributionList: 'DistributionSummary', Aliases: 'CNAME', Origins: 'Origin', CacheBehaviors: 'CacheBehavior', OriginSslProtocols: 'SslProtocol',
  AllowedMethods: 'Method', CachedMethods: 'Method', CustomHeaders: 'OriginCustomHeader',
};

function toXml(value: unknown, parent: string): string {
  if (Array.isArray(value)) {
    const name = ITEM_NAMES[parent] ?? 'member';
    return value.map((v) => `<${name}>${toXml(v, name)}</${name}>`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([key, v]) => `<${key}>${toXml(v, key === 'Items' ? parent : key)}</${key}>`).join('');
  }
  return escapeXml(String(value));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
