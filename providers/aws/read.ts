import type { CloudContext, Diagnostic } from '../../src/graph/diagnostic';
import { apiGatewayArn, restStagePath, webAclNameAndId } from './arn';
import type { AwsSession, GlobalCalls, RegionCalls } from './calls';
import { classifyAwsError, type AwsFailure } from './classify-error';
import { createLimiter } from './limit';
import { API_GATEWAY_REGIONS, partitionOf } from './regions';
import type { BasePathMappingShape, DistributionShape, DomainNameShape, V2ApiMappingShape, V2DomainNameShape, WebAclShape } from './shapes';
import type { AccountSnapshot, DomainSnapshot, RegionSnapshot, RestApiSnapshot, UsagePlanSnapshot, V2ApiSnapshot } from './snapshot';

/** What to read: regions, and which accounts beside the credentials' own. */
export interface AuditScope {
  /** Region names, or `all`: every region where API Gateway exists (regions the account has not enabled are skipped). */
  readonly regions: readonly string[] | 'all';
  /** Roles to assume, one per account (`--role-arn`); empty: the credentials' own account only. */
  readonly roleArns: readonly string[];
  /** Assume this role name in every active account of the AWS Organization (`--org-role`). */
  readonly orgRole?: string;
  /** Calls in flight at once per account and region. Default 4. */
  readonly concurrencyPerRegion?: number;
}

export interface AuditProgress {
  readonly accounts: number;
  readonly accountsDone: number;
  readonly regions: number;
  readonly regionsDone: number;
  readonly apisFound: number;
}

export interface ReadResult {
  readonly accounts: readonly AccountSnapshot[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An account to read and the session that reads it. */
interface AccountTarget {
  readonly account: string;
  readonly session: AwsSession;
}

/**
 * Reads every API Gateway REST, HTTP and WebSocket API of the accounts and regions in scope, with their WAF web ACLs,
 * and the CloudFront distributions of each account. Only List/Get calls are made. Each call that fails becomes a
 * diagnostic naming the account, region and operation, and the audit goes on with the rest; this never rejects.
 */
export async function readAws(session: AwsSession, scope: AuditScope, onProgress?: (progress: AuditProgress) => void): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const targets = await accountTargets(session, scope, diagnostics);
  const regions = scope.regions === 'all' ? API_GATEWAY_REGIONS : scope.regions;
  const progress = { accounts: targets.length, accountsDone: 0, regions: targets.length * regions.length, regionsDone: 0, apisFound: 0 };
  const report = (): void => onProgress?.({ ...progress });
  report();
  const accounts = await Promise.all(targets.map(async ({ account, session: accountSession }) => {
    const partition = partitionOf(regions[0] ?? 'us-east-1');
    const [regionSnapshots, global] = await Promise.all([
      Promise.all(regions.map(async (region) => {
        const reader = new RegionReader(accountSession.region(region), account, region, scope, diagnostics);
        const snapshot = await reader.read();
        progress.regionsDone += 1;
        progress.apisFound += snapshot ? snapshot.restApis.length + snapshot.v2Apis.length : 0;
        report();
        return snapshot;
      })),
      // CloudFront is global: read once per account, in the aws partition.
      partition === 'aws' ? readGlobal(accountSession.global(), account, diagnostics) : Promise.resolve({ distributions: [], webAcls: new Map<string, WebAclShape>() }),
    ]);
    progress.accountsDone += 1;
    report();
    const snapshot: AccountSnapshot = {
      account, partition,
      regions: regionSnapshots.filter((r): r is RegionSnapshot => r !== undefined),
      distributions: global.distributions, cloudFrontWebAcls: global.webAcls,
    };
    return snapshot;
  }));
  return { accounts, diagnostics };
}

/** The credentials' own account, the roles given, or the organization's accounts with `--org-role`. */
async function accountTargets(session: AwsSession, scope: AuditScope, diagnostics: Diagnostic[]): Promise<AccountTarget[]> {
  const home: CloudContext = { provider: 'aws', operation: 'sts:GetCallerIdentity' };
  let own: string;
  try {
    own = await session.callerAccount();
  } catch (error) {
    diagnostics.push(failureDiagnostic(classifyAwsError(error), home, 'the credentials could not be used; nothing was read'));
    return [];
  }
  const targets = new Map<string, AccountTarget>();
  if (scope.roleArns.length === 0 && scope.orgRole === undefined) targets.set(own, { account: own, session });
  for (const roleArn of scope.roleArns) {
    const account = /^arn:[^:]+:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? roleArn;
    const assumed = await assume(session, roleArn, account, diagnostics);
    if (assumed) targets.set(account, { account, session: assumed });
  }
  if (scope.orgRole !== undefined) {
    let listed: readonly { Id?: string; Status?: string }[] = [];
    try {
      listed = await session.organizationAccounts();
    } catch (error) {
      diagnostics.push(failureDiagnostic(classifyAwsError(error), { provider: 'aws', account: own, operation: 'organizations:ListAccounts' }, 'the accounts of the organization are not known'));
    }
    for (const entry of listed) {
      const account = entry.Id;
      if (account === undefined || targets.has(account)) continue;
      if (entry.Status !== undefined && entry.Status !== 'ACTIVE') {
        diagnostics.push({ severity: 'notice', provider: 'aws', message: `account ${account} is ${entry.Status.toLowerCase()}: skipped`, cloud: { provider: 'aws', account } });
        continue;
      }
      // The credentials' own account (usually the management account) is read with them: the member role is not there.
      if (account === own) {
        targets.set(own, { account: own, session });
        continue;
      }
      const assumed = await assume(session, `arn:aws:iam::${account}:role/${scope.orgRole}`, account, diagnostics);
      if (assumed) targets.set(account, { account, session: assumed });
    }
  }
  return [...targets.values()];
}

async function assume(session: AwsSession, roleArn: string, account: string, diagnostics: Diagnostic[]): Promise<AwsSession | undefined> {
  try {
    return await session.assumeRole(roleArn);
  } catch (error) {
    diagnostics.push(failureDiagnostic(classifyAwsError(error), { provider: 'aws', account, operation: 'sts:AssumeRole', resource: roleArn }, 'this account was not read'));
    return undefined;
  }
}

class RegionReader {
  private readonly calls: RegionCalls;
  private readonly account: string;
  private readonly region: string;
  private readonly partition: string;
  private readonly scope: AuditScope;
  private readonly diagnostics: Diagnostic[];
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(calls: RegionCalls, account: string, region: string, scope: AuditScope, diagnostics: Diagnostic[]) {
    this.calls = calls;
    this.account = account;
    this.region = region;
    this.partition = partitionOf(region);
    this.scope = scope;
    this.diagnostics = diagnostics;
    this.limit = createLimiter(scope.concurrencyPerRegion ?? 4);
  }

  /** `undefined` when the region is skipped (not enabled for the account). */
  async read(): Promise<RegionSnapshot | undefined> {
    // The first call tells whether the region is enabled: an opt-in region the account has not enabled refuses its credentials.
    let restApis;
    try {
      restApis = await this.limit(() => this.calls.getRestApis());
    } catch (error) {
      const failure = classifyAwsError(error);
      if (this.scope.regions === 'all' && failure.kind === 'invalid-credentials') {
        this.diagnostics.push({
          severity: 'notice', provider: 'aws', message: `account ${this.account}: region ${this.region} is not enabled for this account; skipped`,
          cloud: { provider: 'aws', account: this.account, region: this.region },
        });
        return undefined;
      }
      this.fail(failure, 'apigateway:GetRestApis', undefined, 'the REST APIs of this region were not read');
      restApis = undefined;
    }
    const [rest, v2Apis, domains, keys, plans, certificates] = await Promise.all([
      Promise.all((restApis ?? []).flatMap((api) => (api.id === undefined ? [] : [this.readRestApi({ ...api, id: api.id })]))),
      this.readV2Apis(),
      this.readDomains(),
      this.attempt('apigateway:GetApiKeys', undefined, () => this.calls.getApiKeys()),
      this.readUsagePlans(),
      this.attempt('apigateway:GetClientCertificates', undefined, () => this.calls.getClientCertificates()),
    ]);
    return {
      account: this.account, region: this.region, partition: this.partition,
      restApis: rest, domainNames: domains.rest, apiKeys: keys, usagePlans: plans, clientCertificates: certificates, v2Apis, v2DomainNames: domains.v2,
    };
  }

  private async readRestApi(api: RestApiSnapshot['api']): Promise<RestApiSnapshot> {
    const arn = apiGatewayArn(this.partition, this.region, `/restapis/${api.id}`);
    const [resources, stages, authorizers, validators] = await Promise.all([
      this.attempt('apigateway:GetResources', arn, () => this.calls.getResources(api.id)),
      this.attempt('apigateway:GetStages', arn, () => this.calls.getStages(api.id)),
      this.attempt('apigateway:GetAuthorizers', arn, () => this.calls.getAuthorizers(api.id)),
      this.attempt('apigateway:GetRequestValidators', arn, () => this.calls.getRequestValidators(api.id)),
    ]);
    const webAcls = new Map<string, WebAclShape | null>();
    await Promise.all((stages ?? []).map(async (stage) => {
      if (stage.stageName === undefined) return;
      const stageArn = apiGatewayArn(this.partition, this.region, restStagePath(api.id, stage.stageName));
      // `null`: read, and no web ACL is associated; `undefined`: the read failed.
      const found = await this.attempt('wafv2:GetWebACLForResource', stageArn, async () => (await this.calls.getWebAclForResource(stageArn)) ?? null);
      if (found !== undefined) webAcls.set(stage.stageName, found);
    }));
    return { api, resources, stages, authorizers, validators, webAcls };
  }

  private async readV2Apis(): Promise<V2ApiSnapshot[]> {
    const apis = await this.attempt('apigateway:GetApis', undefined, () => this.calls.getApis());
    return Promise.all((apis ?? []).flatMap((api) => {
      const apiId = api.ApiId;
      if (apiId === undefined) return [];
      const arn = apiGatewayArn(this.partition, this.region, `/apis/${apiId}`);
      return [(async (): Promise<V2ApiSnapshot> => {
        const [routes, integrations, stages, authorizers] = await Promise.all([
          this.attempt('apigateway:GetRoutes', arn, () => this.calls.getRoutes(apiId)),
          this.attempt('apigateway:GetIntegrations', arn, () => this.calls.getIntegrations(apiId)),
          this.attempt('apigateway:GetStages (v2)', arn, () => this.calls.getV2Stages(apiId)),
          this.attempt('apigateway:GetAuthorizers (v2)', arn, () => this.calls.getV2Authorizers(apiId)),
        ]);
        return { api: { ...api, ApiId: apiId }, routes, integrations, stages, authorizers };
      })()];
    }));
  }

  /**
   * REST and HTTP APIs share custom domain names, and both list calls return them all. Each domain's mappings are read
   * once: base path mappings for the domains the REST call lists, API mappings for the others.
   */
  private async readDomains(): Promise<{ rest: DomainSnapshot<DomainNameShape, BasePathMappingShape>[]; v2: DomainSnapshot<V2DomainNameShape, V2ApiMappingShape>[] }> {
    const [restDomains, v2Domains] = await Promise.all([
      this.attempt('apigateway:GetDomainNames', undefined, () => this.calls.getDomainNames()),
      this.attempt('apigateway:GetDomainNames (v2)', undefined, () => this.calls.getV2DomainNames()),
    ]);
    const restNames = new Set((restDomains ?? []).flatMap((d) => (d.domainName === undefined ? [] : [d.domainName])));
    const rest = await Promise.all((restDomains ?? []).flatMap((domain) => {
      const name = domain.domainName;
      if (name === undefined) return [];
      const arn = apiGatewayArn(this.partition, this.region, `/domainnames/${name}`);
      return [this.attempt('apigateway:GetBasePathMappings', arn, () => this.calls.getBasePathMappings(name)).then((mappings) => ({ domain, mappings }))];
    }));
    const v2 = await Promise.all((v2Domains ?? []).flatMap((domain) => {
      const name = domain.DomainName;
      if (name === undefined) return [];
      if (restNames.has(name)) return [Promise.resolve({ domain, mappings: [] })];
      const arn = apiGatewayArn(this.partition, this.region, `/domainnames/${name}`);
      return [this.attempt('apigateway:GetApiMappings', arn, () => this.calls.getApiMappings(name)).then((mappings) => ({ domain, mappings }))];
    }));
    return { rest, v2 };
  }

  private async readUsagePlans(): Promise<UsagePlanSnapshot[] | undefined> {
    const plans = await this.attempt('apigateway:GetUsagePlans', undefined, () => this.calls.getUsagePlans());
    if (plans === undefined) return undefined;
    return Promise.all(plans.flatMap((plan) => {
      const id = plan.id;
      if (id === undefined) return [];
      const arn = apiGatewayArn(this.partition, this.region, `/usageplans/${id}`);
      return [this.attempt('apigateway:GetUsagePlanKeys', arn, () => this.calls.getUsagePlanKeys(id)).then((keys) => ({ plan: { ...plan, id }, keys }))];
    }));
  }

  /** Runs one call under the region's concurrency bound; a failure becomes a diagnostic and `undefined`. */
  private async attempt<T>(operation: string, resource: string | undefined, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.limit(call);
    } catch (error) {
      this.fail(classifyAwsError(error), operation, resource, resource === undefined ? 'not read' : undefined);
      return undefined;
    }
  }

  private fail(failure: AwsFailure, operation: string, resource: string | undefined, consequence?: string): void {
    this.diagnostics.push(failureDiagnostic(failure, { provider: 'aws', account: this.account, region: this.region, operation, ...(resource !== undefined && { resource }) }, consequence));
  }
}

/** CloudFront distributions and the WAFv2 web ACLs they name (scope CLOUDFRONT, read through us-east-1). */
async function readGlobal(calls: GlobalCalls, account: string, diagnostics: Diagnostic[]): Promise<{ distributions: readonly DistributionShape[] | undefined; webAcls: Map<string, WebAclShape> }> {
  const webAcls = new Map<string, WebAclShape>();
  const context = (operation: string, resource?: string): CloudContext => ({ provider: 'aws', account, region: 'us-east-1', operation, ...(resource !== undefined && { resource }) });
  let distributions: readonly DistributionShape[];
  try {
    distributions = await calls.listDistributions();
  } catch (error) {
    diagnostics.push(failureDiagnostic(classifyAwsError(error), context('cloudfront:ListDistributions'), 'CloudFront distributions were not read'));
    return { distributions: undefined, webAcls };
  }
  const named = [...new Set(distributions.flatMap((d) => (d.WebACLId?.startsWith('arn:') === true ? [d.WebACLId] : [])))];
  // The ARN carries the name and id GetWebACL needs; ListWebACLs is only asked when an ARN does not parse.
  let summaries: readonly { Name?: string; Id?: string; ARN?: string }[] | undefined;
  for (const arn of named) {
    let ref: { Name?: string; Id?: string } | undefined;
    const parsed = webAclNameAndId(arn);
    if (parsed) ref = { Name: parsed.name, Id: parsed.id };
    else {
      try {
        summaries ??= await calls.listCloudFrontWebAcls();
      } catch (error) {
        diagnostics.push(failureDiagnostic(classifyAwsError(error), context('wafv2:ListWebACLs'), 'web ACLs of CloudFront distributions were not read'));
        summaries = [];
      }
      ref = summaries.find((s) => s.ARN === arn);
    }
    if (!ref) continue;
    try {
      const acl = await calls.getCloudFrontWebAcl(ref);
      if (acl) webAcls.set(arn, acl);
    } catch (error) {
      diagnostics.push(failureDiagnostic(classifyAwsError(error), context('wafv2:GetWebACL', arn), undefined));
    }
  }
  return { distributions, webAcls };
}

export function failureDiagnostic(failure: AwsFailure, cloud: CloudContext, consequence: string | undefined): Diagnostic {
  const where = [cloud.account !== undefined ? `account ${cloud.account}` : undefined, cloud.region, cloud.operation].filter((p) => p !== undefined).join(', ');
  const on = cloud.resource !== undefined ? ` on ${cloud.resource}` : '';
  return {
    // A resource that does not exist any more (deleted between the list and the read) is no reading failure.
    severity: failure.kind === 'not-found' ? 'warning' : 'error',
    provider: 'aws',
    message: `${where}${on}: ${failure.message}${consequence !== undefined ? `; ${consequence}` : ''}`,
    cloud,
  };
}
