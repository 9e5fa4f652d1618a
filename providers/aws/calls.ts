import type {
  ApiKeyShape, BasePathMappingShape, ClientCertificateShape, DistributionShape, DomainNameShape, OrganizationAccountShape, RequestValidatorShape,
  RestApiShape, RestAuthorizerShape, RestResourceShape, RestStageShape, UsagePlanKeyShape, UsagePlanShape, V2ApiMappingShape, V2ApiShape,
  V2AuthorizerShape, V2DomainNameShape, V2IntegrationShape, V2RouteShape, V2StageShape, WebAclShape, WebAclSummaryShape,
} from './shapes';

/**
 * The read-only calls the live audit makes, each returning every page. `client.ts` implements them with the AWS SDK;
 * `read.ts` only sees this interface, so the SDK stays in one file and the reader can be given other clients.
 * Every method may reject with the SDK's error: `classify-error.ts` turns it into a diagnostic.
 */
export interface AwsSession {
  /** The account of these credentials (STS GetCallerIdentity). */
  callerAccount(): Promise<string>;
  /** A session with the credentials of `roleArn` (STS AssumeRole). */
  assumeRole(roleArn: string): Promise<AwsSession>;
  /** Accounts of the AWS Organization these credentials manage (Organizations ListAccounts). */
  organizationAccounts(): Promise<readonly OrganizationAccountShape[]>;
  region(region: string): RegionCalls;
  /** CloudFront, and the WAFv2 web ACLs of scope CLOUDFRONT, which live in us-east-1. */
  global(): GlobalCalls;
}

export interface RegionCalls {
  getRestApis(): Promise<readonly RestApiShape[]>;
  /** With `embed=methods`: methods and their integrations come inline, one call per page of resources. */
  getResources(restApiId: string): Promise<readonly RestResourceShape[]>;
  getStages(restApiId: string): Promise<readonly RestStageShape[]>;
  getAuthorizers(restApiId: string): Promise<readonly RestAuthorizerShape[]>;
  getRequestValidators(restApiId: string): Promise<readonly RequestValidatorShape[]>;
  getDomainNames(): Promise<readonly DomainNameShape[]>;
  getBasePathMappings(domainName: string): Promise<readonly BasePathMappingShape[]>;
  /** Without key values (`includeValues: false`). */
  getApiKeys(): Promise<readonly ApiKeyShape[]>;
  getUsagePlans(): Promise<readonly UsagePlanShape[]>;
  /** Without key values. */
  getUsagePlanKeys(usagePlanId: string): Promise<readonly UsagePlanKeyShape[]>;
  getClientCertificates(): Promise<readonly ClientCertificateShape[]>;
  getApis(): Promise<readonly V2ApiShape[]>;
  getRoutes(apiId: string): Promise<readonly V2RouteShape[]>;
  getIntegrations(apiId: string): Promise<readonly V2IntegrationShape[]>;
  getV2Stages(apiId: string): Promise<readonly V2StageShape[]>;
  getV2Authorizers(apiId: string): Promise<readonly V2AuthorizerShape[]>;
  getV2DomainNames(): Promise<readonly V2DomainNameShape[]>;
  getApiMappings(domainName: string): Promise<readonly V2ApiMappingShape[]>;
  /** The regional web ACL associated with a resource (a REST stage); `undefined` when none is. */
  getWebAclForResource(resourceArn: string): Promise<WebAclShape | undefined>;
}

export interface GlobalCalls {
  listDistributions(): Promise<readonly DistributionShape[]>;
  listCloudFrontWebAcls(): Promise<readonly WebAclSummaryShape[]>;
  getCloudFrontWebAcl(summary: WebAclSummaryShape): Promise<WebAclShape | undefined>;
}
