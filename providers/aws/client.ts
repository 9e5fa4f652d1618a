import {
  APIGatewayClient, GetApiKeysCommand, GetAuthorizersCommand, GetBasePathMappingsCommand, GetClientCertificatesCommand, GetDomainNamesCommand,
  GetRequestValidatorsCommand, GetResourcesCommand, GetRestApisCommand, GetStagesCommand, GetUsagePlanKeysCommand, GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client, GetApiMappingsCommand, GetApisCommand, GetAuthorizersCommand as GetV2AuthorizersCommand, GetDomainNamesCommand as GetV2DomainNamesCommand,
  GetIntegrationsCommand, GetRoutesCommand, GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetWebACLCommand, GetWebACLForResourceCommand, ListWebACLsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { AwsSession, GlobalCalls, RegionCalls } from './calls';
import type { UsagePlanKeyShape } from './shapes';

/** How the SDK clients are built: the only place that knows the AWS SDK (STYLE.md rule 8). */
export interface AwsClientOptions {
  /** A profile of the shared config files; else the SDK's default chain (environment, profiles, SSO, web identity, instance role). */
  readonly profile?: string;
  /** Send every call to this URL instead of AWS (a local emulator, a VPC endpoint). */
  readonly endpointUrl?: string;
  /** Attempts per call, retries included, with adaptive retry (backoff plus client-side rate limiting on throttling). Default 5. */
  readonly maxAttempts?: number;
  /** A call that gets no response in this time fails as a timeout. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Region of the STS and Organizations calls. Default us-east-1. */
  readonly homeRegion?: string;
}

interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** The session of the default credential chain (or `--profile`). Nothing is called until a method is. */
export function createAwsSession(options: AwsClientOptions): AwsSession {
  return new SdkSession(options, undefined);
}

/** Web ACLs of scope CLOUDFRONT are read through the us-east-1 endpoint: https://docs.aws.amazon.com/waf/latest/APIReference/API_ListWebACLs.html */
const CLOUDFRONT_WAF_REGION = 'us-east-1';
const REST_PAGE = 500;
const V2_PAGE = '500';
const SESSION_NAME = 'gatewarden-audit';

class SdkSession implements AwsSession {
  private readonly options: AwsClientOptions;
  private readonly credentials: StaticCredentials | undefined;
  private readonly regions = new Map<string, RegionCalls>();
  private globalCalls: GlobalCalls | undefined;

  constructor(options: AwsClientOptions, credentials: StaticCredentials | undefined) {
    this.options = options;
    this.credentials = credentials;
  }

  /** Settings every client shares: region, credentials or profile, endpoint, retries, timeout. */
  private config(region: string): {
    region: string; maxAttempts: number; retryMode: string; requestHandler: { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: boolean };
    endpoint?: string; credentials?: StaticCredentials; profile?: string;
  } {
    const { endpointUrl, profile } = this.options;
    return {
      region,
      maxAttempts: this.options.maxAttempts ?? 5,
      retryMode: 'adaptive',
      // Without throwOnRequestTimeout the handler only warns and waits on: a stuck endpoint would hang the audit.
      requestHandler: { requestTimeout: this.options.requestTimeoutMs ?? 30_000, connectionTimeout: this.options.requestTimeoutMs ?? 30_000, throwOnRequestTimeout: true },
      ...(endpointUrl !== undefined && { endpoint: endpointUrl }),
      ...(this.credentials ? { credentials: this.credentials } : profile !== undefined && { profile }),
    };
  }

  private get home(): string {
    return this.options.homeRegion ?? 'us-east-1';
  }

  async callerAccount(): Promise<string> {
    const sts = new STSClient(this.config(this.home));
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (identity.Account === undefined) throw new Error('STS GetCallerIdentity returned no account');
    return identity.Account;
  }

  async assumeRole(roleArn: string): Promise<AwsSession> {
    const sts = new STSClient(this.config(this.home));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: SESSION_NAME }));
    const c = assumed.Credentials;
    if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined) throw new Error(`STS AssumeRole returned no credentials for ${roleArn}`);
    return new SdkSession(this.options, {
      accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken !== undefined && { sessionToken: c.SessionToken }), ...(c.Expiration !== undefined && { expiration: c.Expiration }),
    });
  }

  async organizationAccounts(): Promise<readonly { Id?: string; Name?: string; Status?: string }[]> {
    const organizations = new OrganizationsClient(this.config(this.home));
    return pages(async (token) => {
      const page = await organizations.send(new ListAccountsCommand({ ...(token !== undefined && { NextToken: token }) }));
      return { items: page.Accounts ?? [], next: page.NextToken };
    });
  }

  region(region: string): RegionCalls {
    let calls = this.regions.get(region);
    if (!calls) {
      calls = regionCalls(this.config(region));
      this.regions.set(region, calls);
    }
    return calls;
  }

  global(): GlobalCalls {
    this.globalCalls ??= globalCalls(this.config(CLOUDFRONT_WAF_REGION));
    return this.globalCalls;
  }
}

type ClientConfig = ReturnType<SdkSession['config']>;

function regionCalls(config: ClientConfig): RegionCalls {
  const v1 = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  const waf = new WAFV2Client(config);
  // REST lists page with `position`; HTTP/WebSocket lists with `NextToken` (GetApis has no SDK paginator).
  const rest = <T>(call: (position: string | undefined) => Promise<{ items?: T[] | undefined; position?: string | undefined }>): Promise<T[]> =>
    pages(async (token) => {
      const page = await call(token);
      return { items: page.items ?? [], next: page.position };
    });
  const http = <T>(call: (token: string | undefined) => Promise<{ Items?: T[] | undefined; NextToken?: string | undefined }>): Promise<T[]> =>
    pages(async (token) => {
      const page = await call(token);
      return { items: page.Items ?? [], next: page.NextToken };
    });
  const at = (position: string | undefined) => ({ limit: REST_PAGE, ...(position !== undefined && { position }) });
  const next = (token: string | undefined) => ({ MaxResults: V2_PAGE, ...(token !== undefined && { NextToken: token }) });
  return {
    getRestApis: () => rest((p) => v1.send(new GetRestApisCommand(at(p)))),
    getResources: (restApiId) => rest((p) => v1.send(new GetResourcesCommand({ restApiId, embed: ['methods'], ...at(p) }))),
    getStages: async (restApiId) => (await v1.send(new GetStagesCommand({ restApiId }))).item ?? [],
    getAuthorizers: (restApiId) => rest((p) => v1.send(new GetAuthorizersCommand({ restApiId, ...at(p) }))),
    getRequestValidators: (restApiId) => rest((p) => v1.send(new GetRequestValidatorsCommand({ restApiId, ...at(p) }))),
    getDomainNames: () => rest((p) => v1.send(new GetDomainNamesCommand(at(p)))),
    getBasePathMappings: (domainName) => rest((p) => v1.send(new GetBasePathMappingsCommand({ domainName, ...at(p) }))),
    getApiKeys: () => rest((p) => v1.send(new GetApiKeysCommand({ includeValues: false, ...at(p) }))),
    getUsagePlans: () => rest((p) => v1.send(new GetUsagePlansCommand(at(p)))),
    // The response carries each key's value: it is dropped here and never leaves this file.
    getUsagePlanKeys: async (usagePlanId) => (await rest((p) => v1.send(new GetUsagePlanKeysCommand({ usagePlanId, ...at(p) })))).map(withoutValue),
    getClientCertificates: () => rest((p) => v1.send(new GetClientCertificatesCommand(at(p)))),
    getApis: () => http((t) => v2.send(new GetApisCommand(next(t)))),
    getRoutes: (ApiId) => http((t) => v2.send(new GetRoutesCommand({ ApiId, ...next(t) }))),
    getIntegrations: (ApiId) => http((t) => v2.send(new GetIntegrationsCommand({ ApiId, ...next(t) }))),
    getV2Stages: (ApiId) => http((t) => v2.send(new GetV2StagesCommand({ ApiId, ...next(t) }))),
    getV2Authorizers: (ApiId) => http((t) => v2.send(new GetV2AuthorizersCommand({ ApiId, ...next(t) }))),
    getV2DomainNames: () => http((t) => v2.send(new GetV2DomainNamesCommand(next(t)))),
    getApiMappings: (DomainName) => http((t) => v2.send(new GetApiMappingsCommand({ DomainName, ...next(t) }))),
    getWebAclForResource: async (ResourceArn) => (await waf.send(new GetWebACLForResourceCommand({ ResourceArn }))).WebACL,
  };
}

function globalCalls(config: ClientConfig): GlobalCalls {
  const cloudfront = new CloudFrontClient(config);
  const waf = new WAFV2Client(config);
  return {
    listDistributions: () => pages(async (marker) => {
      const list = (await cloudfront.send(new ListDistributionsCommand({ MaxItems: 100, ...(marker !== undefined && { Marker: marker }) }))).DistributionList;
      return { items: list?.Items ?? [], next: list?.IsTruncated === true ? list.NextMarker : undefined };
    }),
    listCloudFrontWebAcls: () => pages(async (marker) => {
      const page = await waf.send(new ListWebACLsCommand({ Scope: 'CLOUDFRONT', Limit: 100, ...(marker !== undefined && { NextMarker: marker }) }));
      const items = page.WebACLs ?? [];
      // WAF returns a NextMarker even on the last page; an empty page ends the list.
      return { items, next: items.length > 0 ? page.NextMarker : undefined };
    }),
    getCloudFrontWebAcl: async ({ Name, Id }) => (await waf.send(new GetWebACLCommand({ Name, Id, Scope: 'CLOUDFRONT' }))).WebACL,
  };
}

/** Follows a list's continuation token until it ends; a token seen twice ends it too, so a looping service cannot hang the audit. */
async function pages<T>(fetch: (token: string | undefined) => Promise<{ items: readonly T[]; next: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next !== undefined && page.next !== '' && !seen.has(page.next) ? page.next : undefined;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return all;
}

function withoutValue(key: { id?: string | undefined; type?: string | undefined; name?: string | undefined }): UsagePlanKeyShape {
  return { ...(key.id !== undefined && { id: key.id }), ...(key.type !== undefined && { type: key.type }), ...(key.name !== undefined && { name: key.name }) };
}
