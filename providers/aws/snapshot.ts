import type {
  ApiKeyShape, BasePathMappingShape, ClientCertificateShape, DistributionShape, DomainNameShape, RequestValidatorShape, RestApiShape,
  RestAuthorizerShape, RestResourceShape, RestStageShape, UsagePlanKeyShape, UsagePlanShape, V2ApiMappingShape, V2ApiShape, V2AuthorizerShape,
  V2DomainNameShape, V2IntegrationShape, V2RouteShape, V2StageShape, WebAclShape,
} from './shapes';

/**
 * What was read of one account, as plain response shapes: the input of the pure adapters. A list that could not be
 * read is `undefined` (its error is a diagnostic); an empty list was read and is empty.
 */
export interface AccountSnapshot {
  readonly account: string;
  readonly partition: string;
  readonly regions: readonly RegionSnapshot[];
  readonly distributions: readonly DistributionShape[] | undefined;
  /** Web ACLs of scope CLOUDFRONT that distributions name, by ARN. */
  readonly cloudFrontWebAcls: ReadonlyMap<string, WebAclShape>;
}

export interface RegionSnapshot {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly restApis: readonly RestApiSnapshot[];
  readonly domainNames: readonly DomainSnapshot<DomainNameShape, BasePathMappingShape>[];
  readonly apiKeys: readonly ApiKeyShape[] | undefined;
  /** Undefined when they could not be listed. */
  readonly usagePlans: readonly UsagePlanSnapshot[] | undefined;
  readonly clientCertificates: readonly ClientCertificateShape[] | undefined;
  readonly v2Apis: readonly V2ApiSnapshot[];
  readonly v2DomainNames: readonly DomainSnapshot<V2DomainNameShape, V2ApiMappingShape>[];
}

export interface RestApiSnapshot {
  readonly api: RestApiShape & { readonly id: string };
  readonly resources: readonly RestResourceShape[] | undefined;
  readonly stages: readonly RestStageShape[] | undefined;
  readonly authorizers: readonly RestAuthorizerShape[] | undefined;
  readonly validators: readonly RequestValidatorShape[] | undefined;
  /** By stage name: the web ACL, `null` when none is associated; a stage whose lookup failed is absent. */
  readonly webAcls: ReadonlyMap<string, WebAclShape | null>;
}

export interface V2ApiSnapshot {
  readonly api: V2ApiShape & { readonly ApiId: string };
  readonly routes: readonly V2RouteShape[] | undefined;
  readonly integrations: readonly V2IntegrationShape[] | undefined;
  readonly stages: readonly V2StageShape[] | undefined;
  readonly authorizers: readonly V2AuthorizerShape[] | undefined;
}

export interface DomainSnapshot<D, M> {
  readonly domain: D;
  readonly mappings: readonly M[] | undefined;
}

export interface UsagePlanSnapshot {
  readonly plan: UsagePlanShape & { readonly id: string };
  readonly keys: readonly UsagePlanKeyShape[] | undefined;
}
