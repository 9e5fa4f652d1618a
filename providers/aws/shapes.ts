/**
 * The parts of AWS API responses the live adapters read, in the shapes the AWS SDK for JavaScript v3 returns
 * (camelCase members for API Gateway REST, PascalCase for the other services). Only `client.ts` imports the SDK; its
 * outputs are assignable to these, and tests feed recorded responses straight into `adapt/*`.
 */

// API Gateway REST (v1): https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html
export interface RestApiShape {
  readonly id?: string;
  readonly name?: string;
  readonly createdDate?: Date;
  readonly endpointConfiguration?: { readonly types?: readonly string[] };
  /** The resource policy, a JSON document as a string (often with its quotes escaped once more). */
  readonly policy?: string;
  readonly disableExecuteApiEndpoint?: boolean;
  readonly apiKeySource?: string;
}

export interface RestIntegrationShape {
  readonly type?: string;
  readonly uri?: string;
  readonly connectionType?: string;
  readonly tlsConfig?: { readonly insecureSkipVerification?: boolean };
}

export interface RestMethodShape {
  readonly httpMethod?: string;
  readonly authorizationType?: string;
  readonly authorizerId?: string;
  readonly apiKeyRequired?: boolean;
  readonly requestValidatorId?: string;
  readonly requestParameters?: Readonly<Record<string, boolean>>;
  readonly methodIntegration?: RestIntegrationShape;
}

export interface RestResourceShape {
  readonly id?: string;
  readonly path?: string;
  /** Present with `embed=methods`: every method with its integration, so no call per method is needed. */
  readonly resourceMethods?: Readonly<Record<string, RestMethodShape>>;
}

export interface MethodSettingShape {
  readonly loggingLevel?: string;
  readonly dataTraceEnabled?: boolean;
  readonly throttlingBurstLimit?: number;
  readonly throttlingRateLimit?: number;
  readonly cachingEnabled?: boolean;
  readonly cacheDataEncrypted?: boolean;
}

export interface RestStageShape {
  readonly stageName?: string;
  readonly deploymentId?: string;
  readonly clientCertificateId?: string;
  readonly cacheClusterEnabled?: boolean;
  readonly tracingEnabled?: boolean;
  readonly webAclArn?: string;
  readonly accessLogSettings?: { readonly destinationArn?: string; readonly format?: string };
  /** Keyed `*\/*` for the whole stage, else `<resource path>/<METHOD>` with `/` in the path escaped as `~1`. */
  readonly methodSettings?: Readonly<Record<string, MethodSettingShape>>;
}

export interface RestAuthorizerShape {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly providerARNs?: readonly string[];
  readonly identitySource?: string;
}

export interface RequestValidatorShape {
  readonly id?: string;
  readonly name?: string;
  readonly validateRequestBody?: boolean;
  readonly validateRequestParameters?: boolean;
}

export interface DomainNameShape {
  readonly domainName?: string;
  readonly domainNameArn?: string;
  readonly securityPolicy?: string;
  readonly endpointConfiguration?: { readonly types?: readonly string[] };
  readonly mutualTlsAuthentication?: { readonly truststoreUri?: string };
  readonly regionalDomainName?: string;
  readonly distributionDomainName?: string;
}

export interface BasePathMappingShape {
  readonly basePath?: string;
  readonly restApiId?: string;
  readonly stage?: string;
}

/** Listed without values (`includeValues: false`). */
export interface ApiKeyShape {
  readonly id?: string;
  readonly name?: string;
  readonly enabled?: boolean;
  readonly createdDate?: Date;
  readonly lastUpdatedDate?: Date;
  readonly stageKeys?: readonly string[];
}

export interface UsagePlanShape {
  readonly id?: string;
  readonly name?: string;
  readonly apiStages?: readonly {
    readonly apiId?: string;
    readonly stage?: string;
    /** Per method (`/pets/GET`). */
    readonly throttle?: Readonly<Record<string, { readonly burstLimit?: number; readonly rateLimit?: number }>>;
  }[];
  readonly throttle?: { readonly burstLimit?: number; readonly rateLimit?: number };
  readonly quota?: { readonly limit?: number; readonly period?: string };
}

/** A key of a usage plan; client.ts drops the key's value the API returns with it. */
export interface UsagePlanKeyShape {
  readonly id?: string;
  readonly type?: string;
  readonly name?: string;
}

export interface ClientCertificateShape {
  readonly clientCertificateId?: string;
  readonly expirationDate?: Date;
}

// API Gateway HTTP and WebSocket (v2): https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/resources.html
export interface V2ApiShape {
  readonly ApiId?: string;
  readonly Name?: string;
  readonly ProtocolType?: string;
  readonly ApiEndpoint?: string;
  readonly DisableExecuteApiEndpoint?: boolean;
  readonly CorsConfiguration?: { readonly AllowOrigins?: readonly string[]; readonly AllowCredentials?: boolean };
  readonly ImportInfo?: readonly string[];
}

export interface V2RouteShape {
  readonly RouteId?: string;
  readonly RouteKey?: string;
  readonly AuthorizationType?: string;
  readonly AuthorizerId?: string;
  readonly ApiKeyRequired?: boolean;
  /** `integrations/<IntegrationId>`. */
  readonly Target?: string;
}

export interface V2IntegrationShape {
  readonly IntegrationId?: string;
  readonly IntegrationType?: string;
  readonly IntegrationSubtype?: string;
  readonly IntegrationUri?: string;
  readonly ConnectionType?: string;
  readonly TlsConfig?: { readonly ServerNameToVerify?: string };
}

export interface V2RouteSettingsShape {
  readonly LoggingLevel?: string;
  readonly DataTraceEnabled?: boolean;
  readonly ThrottlingBurstLimit?: number;
  readonly ThrottlingRateLimit?: number;
}

export interface V2StageShape {
  readonly StageName?: string;
  readonly DeploymentId?: string;
  readonly AutoDeploy?: boolean;
  readonly ClientCertificateId?: string;
  readonly AccessLogSettings?: { readonly DestinationArn?: string };
  readonly DefaultRouteSettings?: V2RouteSettingsShape;
  readonly RouteSettings?: Readonly<Record<string, V2RouteSettingsShape>>;
}

export interface V2AuthorizerShape {
  readonly AuthorizerId?: string;
  readonly Name?: string;
  readonly AuthorizerType?: string;
  readonly IdentitySource?: readonly string[];
  readonly JwtConfiguration?: { readonly Issuer?: string; readonly Audience?: readonly string[] };
}

export interface V2DomainNameShape {
  readonly DomainName?: string;
  readonly DomainNameArn?: string;
  readonly DomainNameConfigurations?: readonly { readonly SecurityPolicy?: string; readonly EndpointType?: string; readonly ApiGatewayDomainName?: string }[];
  readonly MutualTlsAuthentication?: { readonly TruststoreUri?: string };
}

export interface V2ApiMappingShape {
  readonly ApiId?: string;
  readonly ApiMappingKey?: string;
  readonly Stage?: string;
}

// WAFv2: https://docs.aws.amazon.com/waf/latest/APIReference/API_WebACL.html
export interface WebAclShape {
  readonly Name?: string;
  readonly Id?: string;
  readonly ARN?: string;
  readonly DefaultAction?: { readonly Allow?: unknown; readonly Block?: unknown };
  readonly Rules?: readonly unknown[];
}

export interface WebAclSummaryShape {
  readonly Name?: string;
  readonly Id?: string;
  readonly ARN?: string;
}

// CloudFront: https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionSummary.html
export interface CacheBehaviorShape {
  readonly ViewerProtocolPolicy?: string;
}

export interface OriginShape {
  readonly Id?: string;
  readonly DomainName?: string;
  readonly CustomOriginConfig?: { readonly OriginProtocolPolicy?: string };
}

export interface DistributionShape {
  readonly Id?: string;
  readonly ARN?: string;
  readonly DomainName?: string;
  readonly Enabled?: boolean;
  readonly Aliases?: { readonly Items?: readonly string[] };
  readonly Origins?: { readonly Items?: readonly OriginShape[] };
  readonly DefaultCacheBehavior?: CacheBehaviorShape;
  readonly CacheBehaviors?: { readonly Items?: readonly CacheBehaviorShape[] };
  readonly ViewerCertificate?: { readonly CloudFrontDefaultCertificate?: boolean; readonly MinimumProtocolVersion?: string };
  /** A WAFv2 web ACL ARN, or the id of a WAF Classic web ACL. */
  readonly WebACLId?: string;
}

export interface OrganizationAccountShape {
  readonly Id?: string;
  readonly Name?: string;
  readonly Status?: string;
}
