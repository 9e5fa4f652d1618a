import type { Attr } from './attr';
import type { SourceRef } from './source';
import type { TlsVersion } from './tls';

/** Which adapter produced a node. */
export type ProviderId = 'terraform' | 'terraform-plan' | 'cloudformation' | 'kubernetes' | 'aws' | 'azure';

/** Where the API runs, whatever described it. */
export type Platform = 'aws' | 'azure' | 'kubernetes';

/** The provider-neutral node kinds (DESIGN.md "graph vocabulary"). */
export type NodeKind =
  | 'api'
  | 'api.operation'
  | 'api.stage'
  | 'api.authorizer'
  | 'api.domain'
  | 'api.backend'
  | 'api.usage-plan'
  | 'api.key'
  | 'edge.waf'
  | 'edge.cdn';

export const NODE_KINDS: readonly NodeKind[] = [
  'api', 'api.operation', 'api.stage', 'api.authorizer', 'api.domain', 'api.backend', 'api.usage-plan', 'api.key', 'edge.waf', 'edge.cdn',
];

/** `ingress`: a Kubernetes Ingress; `gateway-route`: a Gateway API HTTPRoute / GRPCRoute; `load-balancer`: a Service of type LoadBalancer. */
export type ApiFlavor = 'rest' | 'http' | 'websocket' | 'apim' | 'ingress' | 'gateway-route' | 'load-balancer';
export type EndpointType = 'edge' | 'regional' | 'private' | 'internal' | 'external';

/**
 * How a request to an operation is authenticated. `api-key-only` and `subscription-key` identify, they do not authenticate.
 * `basic`: user name and password checked by the proxy (ingress-nginx `auth-type: basic`, Traefik BasicAuth);
 * `external`: every request is sent to an authentication service first (ingress-nginx `auth-url`, Traefik ForwardAuth, Envoy ext_authz).
 */
export type Authorization = 'none' | 'iam' | 'jwt' | 'cognito' | 'lambda' | 'api-key-only' | 'subscription-key' | 'oauth' | 'mtls' | 'basic' | 'external';

export type AuthorizerType = 'jwt' | 'cognito' | 'lambda' | 'iam' | 'oauth';

export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  /** `*` stands for anyone (`Principal: "*"` or `{"AWS": "*"}`). */
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly hasCondition: boolean;
  /** The source addresses a statement's only condition names (`IpAddress` / `NotIpAddress` on `aws:SourceIp`). */
  readonly sourceIp?: { readonly negated: boolean; readonly ranges: readonly string[] };
}

/** An IAM-style resource policy attached to an API. */
export interface ResourcePolicy { readonly statements: readonly PolicyStatement[] }

export interface CorsConfig {
  readonly allowOrigins: readonly string[];
  readonly allowCredentials: boolean;
}

export interface Throttle {
  readonly rateLimit?: number;
  readonly burstLimit?: number;
  /** Language model tokens per minute (an AI gateway's token limit), which limits callers as a rate does. */
  readonly tokensPerMinute?: number;
}
export interface Quota { readonly limit: number; readonly period: string }

export type LogLevel = 'off' | 'error' | 'info';
export type RequestValidation = 'none' | 'body' | 'params' | 'full';
export type BackendType = 'http' | 'lambda' | 'aws-service' | 'mock' | 'service';

export interface ApiAttrs {
  readonly flavor: ApiFlavor;
  readonly endpointType: Attr<EndpointType>;
  /** The platform's own endpoint (execute-api, azure-api.net) accepts traffic. */
  readonly defaultEndpointEnabled: Attr<boolean>;
  /** `null`: no resource policy attached. */
  readonly resourcePolicy: Attr<ResourcePolicy | null>;
  /** An OpenAPI / spec body describes the API. */
  readonly hasSpec: Attr<boolean>;
  /** `null`: CORS not configured at the gateway. */
  readonly cors: Attr<CorsConfig | null>;
  /**
   * Policies of this API (or its operations, or the products that hold it) that replace, instead of extend, what
   * enclosing scopes enforce (APIM sections without `<base />`); empty where policies do not inherit (API Gateway).
   */
  readonly policyOverrides: Attr<readonly PolicyOverride[]>;
  /**
   * Client address ranges (CIDR) allowed to connect; `null` when not restricted. Optional: absent where the source has
   * no such setting on the API itself (security groups and firewalls are not read).
   */
  readonly allowedSourceRanges?: Attr<readonly string[] | null>;
  /**
   * Raw proxy configuration injected into the gateway through the API's own definition (ingress-nginx
   * `configuration-snippet`, `server-snippet`): the names of the settings that carry it; empty when none.
   * Optional: absent where the platform has no such mechanism.
   */
  readonly configSnippets?: Attr<readonly ConfigSnippet[]>;
  /**
   * Every operation of the API is in the graph, so that "no operation uses this authorizer" is a fact. Optional:
   * absent where operations may be declared out of sight (another Terraform module or stack, an imported spec);
   * live audits set it when the API's routes were read in full.
   */
  readonly operationsComplete?: Attr<boolean>;
  /**
   * Whether calls to the API must present a key, whatever its routes (API Management's `subscription_required`).
   * Optional: absent where keys are required route by route.
   */
  readonly keyRequired?: Attr<boolean>;
}

/** Raw proxy configuration carried by an API definition. */
export interface ConfigSnippet {
  /** The setting that carries it, e.g. `nginx.ingress.kubernetes.io/server-snippet`. */
  readonly setting: string;
  readonly source?: SourceRef;
}

/** A scope's own policy section that drops the policies inherited from enclosing scopes. */
export interface PolicyOverride {
  /** Where the override is declared, e.g. `API orders`, `operation get-order`, `product gold`. */
  readonly scope: string;
  /** e.g. `inbound`. */
  readonly section: string;
  /** The inherited policies that no longer run, e.g. `validate-jwt (service)`. */
  readonly dropped: readonly string[];
  readonly source?: SourceRef;
}

export interface OperationAttrs {
  /** Upper-case HTTP method, `ANY`, or a WebSocket route key such as `$connect`. */
  readonly method: Attr<string>;
  readonly path: Attr<string>;
  readonly authorization: Attr<Authorization>;
  readonly apiKeyRequired: Attr<boolean>;
  readonly requestValidation: Attr<RequestValidation>;
  /**
   * Query-string and header parameters the operation declares required (`query:page`, `header:X-Tenant`), which only a
   * parameter validator enforces. Optional: absent when the source cannot say (path parameters are always present).
   */
  readonly requiredParameters?: Attr<readonly string[]>;
  /** Per-operation throttle (method settings, route settings); `null` when none is set here. */
  readonly throttling: Attr<Throttle | null>;
}

export interface StageAttrs {
  readonly stageName: Attr<string>;
  readonly accessLogging: Attr<boolean>;
  readonly executionLogging: Attr<LogLevel>;
  /** Full request/response bodies written to logs. */
  readonly dataTrace: Attr<boolean>;
  readonly tracing: Attr<boolean>;
  readonly cacheEnabled: Attr<boolean>;
  readonly cacheEncrypted: Attr<boolean>;
  /** Stage-wide throttle (method settings for all methods, default route settings); `null` when only the account default applies. */
  readonly throttling: Attr<Throttle | null>;
  /** Stage-wide usage quota set on the gateway itself (usage plans and products are `api.usage-plan` nodes); `null` when none. */
  readonly quota: Attr<Quota | null>;
  /** The stage presents a client certificate to its backends. */
  readonly clientCertificate: Attr<boolean>;
  /**
   * Largest request body accepted, in bytes; `null` when unlimited. Optional: absent where the platform enforces a
   * fixed limit nobody can raise (API Gateway's 10 MB payload limit).
   */
  readonly maxBodyBytes?: Attr<number | null>;
  /**
   * A deployment is live on the stage (it serves requests). Optional: absent where code declares deployments apart and
   * the source cannot say; live audits fill it (an HTTP API stage without auto-deploy may have no deployment yet).
   */
  readonly deployed?: Attr<boolean>;
  /**
   * The flavor of the API the stage belongs to when the stage's own type tells it (`aws_api_gateway_stage` and
   * `AWS::ApiGateway::Stage` belong to REST APIs), so that policies can judge a stage whose API is not in the scan.
   */
  readonly apiFlavor?: ApiFlavor;
}

export interface AuthorizerAttrs {
  readonly type: Attr<AuthorizerType>;
  /** `null`: no issuer is checked. */
  readonly issuer: Attr<string | null>;
  /** Empty: no audience is checked. */
  readonly audience: Attr<readonly string[]>;
  readonly identitySource: Attr<string>;
}

export interface DomainAttrs {
  readonly hostname: Attr<string>;
  readonly minTlsVersion: Attr<TlsVersion>;
  /** The native policy name, e.g. `TLS_1_0`, `TLSv1.2_2021`, for messages. */
  readonly securityPolicy: Attr<string>;
  /** Weak cipher suites the endpoint still accepts (3DES, RC4); empty when none. */
  readonly weakCiphers: Attr<readonly string[]>;
  /** Plain HTTP is served (not redirected) on this endpoint. */
  readonly allowsPlainHttp: Attr<boolean>;
  readonly mutualTls: Attr<boolean>;
  readonly endpointType: Attr<EndpointType>;
}

export interface BackendAttrs {
  readonly type: Attr<BackendType>;
  readonly url: Attr<string>;
  /** The connection to the backend is TLS-protected. */
  readonly usesTls: Attr<boolean>;
  /** The backend's certificate is verified. */
  readonly verifiesCertificate: Attr<boolean>;
  readonly connection: Attr<'internet' | 'vpc-link' | 'private'>;
  /**
   * The oldest TLS version the gateway still offers when it connects to this backend. Absent where the platform has
   * no such setting and does not publish it (AWS API Gateway): there is nothing to check and nothing the user could change.
   */
  readonly minTlsVersion?: Attr<TlsVersion>;
}

/** A usage plan's throttle for one method of one stage (`api_stages.throttle`, `ApiStages[].Throttle`). */
export interface MethodThrottle {
  /** The node id of the stage. */
  readonly stage: string;
  /** `/resource/path/METHOD`, as API Gateway writes it (`/pets/GET`; `//GET` for the root resource). */
  readonly method: string;
  readonly throttle: Throttle | null;
}

export interface UsagePlanAttrs {
  /** The throttle of every method the plan covers. */
  readonly throttling: Attr<Throttle | null>;
  /** Throttles for single methods of a stage, which replace the plan's throttle for them. Optional: API Gateway only. */
  readonly methodThrottles?: Attr<readonly MethodThrottle[]>;
  readonly quota: Attr<Quota | null>;
  /**
   * Whether the plan takes only calls that present one of its keys: always on API Gateway (a usage plan limits keyed
   * requests only); an API Management product's `subscription_required` (an open product takes anonymous calls too).
   */
  readonly keyRequired: Attr<boolean>;
  /**
   * Whether the plan applies to the stages it covers: unknown when it may not exist (its `count` is not known), or
   * when which stages it covers is not known (it is then linked to every stage it could cover).
   */
  readonly applies: Attr<boolean>;
}

export type KeyValueSource = 'literal' | 'placeholder' | 'generated' | 'secret-store' | 'expression';

export interface ApiKeyAttrs {
  readonly enabled: Attr<boolean>;
  /**
   * Where the key value comes from: a literal in code, a placeholder in code that the real value replaces elsewhere
   * (`VALUE_REPLACED_IN_PORTAL`), generated by the platform, a secret store, or another expression.
   */
  readonly valueSource: Attr<KeyValueSource>;
  /** A safe preview of a literal value (first characters + fingerprint), never the value itself. */
  readonly valuePreview: Attr<string | null>;
  /** When the key was created (ISO 8601); `null` when the platform records no date. */
  readonly createdAt: Attr<string | null>;
  /**
   * When a client last presented the key (ISO 8601); `null`: never used. Optional: absent where no platform records
   * it (API Gateway keeps usage per plan and day only, not per key; APIM subscriptions have no last-use date), so
   * that policies do not report a "cannot verify" nobody could ever resolve.
   */
  readonly lastUsedAt?: Attr<string | null>;
  /**
   * What the key is bound to, for keys that clients present. `usage-plans`: the plans that list it, declared apart
   * (its `key-in-plan` edges; none means it is bound to nothing: API Gateway keys). Bound on the key itself (APIM
   * subscriptions): `product`, one product; `api`, one API; `service`, every API of the service (all-access).
   * Absent for secrets the gateway itself holds (APIM named values), which no client presents.
   */
  readonly scope?: Attr<'usage-plans' | 'product' | 'api' | 'service'>;
}

export interface WafAttrs {
  readonly defaultAction: Attr<'allow' | 'block'>;
  readonly managedRuleGroups: Attr<readonly string[]>;
  readonly rateBasedRules: Attr<number>;
  readonly ruleCount: Attr<number>;
  readonly mode: Attr<'prevention' | 'detection'>;
}

export interface CdnAttrs {
  /** Protocol from the CDN to its origins. */
  readonly originProtocol: Attr<'http-only' | 'https-only' | 'match-viewer'>;
  readonly enabled: Attr<boolean>;
  /**
   * Whether clients on the internet reach it: an Application Gateway with a public frontend IP does, one with private
   * frontend IPs only does not. Absent: always (CloudFront, Front Door).
   */
  readonly internetFacing?: Attr<boolean>;
}

export interface AttrsByKind {
  readonly 'api': ApiAttrs;
  readonly 'api.operation': OperationAttrs;
  readonly 'api.stage': StageAttrs;
  readonly 'api.authorizer': AuthorizerAttrs;
  readonly 'api.domain': DomainAttrs;
  readonly 'api.backend': BackendAttrs;
  readonly 'api.usage-plan': UsagePlanAttrs;
  readonly 'api.key': ApiKeyAttrs;
  readonly 'edge.waf': WafAttrs;
  readonly 'edge.cdn': CdnAttrs;
}

export interface GraphNode<K extends NodeKind = NodeKind> {
  /** Stable and readable: `terraform:aws_api_gateway_rest_api.payments`, `aws:arn:aws:apigateway:...`. */
  readonly id: string;
  readonly kind: K;
  /** Human name for messages: the resource name or the API's name. */
  readonly name: string;
  readonly provider: ProviderId;
  readonly platform: Platform;
  /** Where the node is declared (resource's first line, or the cloud resource). */
  readonly source: SourceRef;
  /** The native resource type, e.g. `aws_api_gateway_domain_name`, `AWS::ApiGateway::Stage`. */
  readonly native: { readonly type: string };
  readonly attrs: AttrsByKind[K];
  /** Original attributes, for debugging and custom policies. */
  readonly raw?: unknown;
}

export type AnyNode = { [K in NodeKind]: GraphNode<K> }[NodeKind];

/**
 * Named relations (DESIGN.md). Direction is always from the first word to the second:
 * `api-has-stage` api → stage, `waf-protects` waf → stage|api|cdn|domain, `cdn-fronts` cdn → api|domain|stage,
 * `domain-serves` domain → api|stage|cdn, `usage-plan-covers` plan → stage|api, `key-in-plan` key → plan.
 */
export type EdgeRel =
  | 'api-has-stage'
  | 'api-has-operation'
  | 'api-has-authorizer'
  | 'operation-uses-authorizer'
  | 'operation-calls-backend'
  | 'domain-serves'
  | 'waf-protects'
  | 'cdn-fronts'
  | 'usage-plan-covers'
  | 'key-in-plan';

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly rel: EdgeRel;
}
