import { unknown, type Attr } from '../../../src/graph/attr';
import type { ApiAttrs, ApiFlavor, Authorization, AuthorizerAttrs, BackendAttrs, BackendType, CorsConfig, OperationAttrs, StageAttrs, Throttle } from '../../../src/graph/kinds';
import type { CloudSource } from '../../../src/graph/source';
import { apiGatewayArn, v2ApiPath } from '../arn';
import type { V2ApiShape, V2IntegrationShape, V2RouteShape, V2StageShape } from '../shapes';
import type { V2ApiSnapshot } from '../snapshot';
import { cloudSource, edge, liveId, liveNode, reader, type LiveFragment, type LiveScope } from './live-node';
import { httpTls, LOG_LEVELS } from './rest-apis';
import { throttleOf } from '../../aws-shared/throttle';

const FLAVORS: Readonly<Record<string, ApiFlavor>> = { HTTP: 'http', WEBSOCKET: 'websocket' };
// https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html#apis-apiid-routes-routeid-model-authorizationtype
const AUTHORIZATIONS: Readonly<Record<string, Authorization>> = { NONE: 'none', AWS_IAM: 'iam', JWT: 'jwt', CUSTOM: 'lambda' };
const INTEGRATION_TYPES: Readonly<Record<string, BackendType>> = { HTTP: 'http', HTTP_PROXY: 'http', AWS_PROXY: 'lambda', AWS: 'aws-service', MOCK: 'mock' };

/** An HTTP or WebSocket API with its routes, integrations, authorizers and stages. */
export function adaptHttpApi(snapshot: V2ApiSnapshot, scope: LiveScope, out: LiveFragment): void {
  const { api } = snapshot;
  const apiArn = apiGatewayArn(scope.partition, scope.region, v2ApiPath(api.ApiId));
  const apiId = liveId(apiArn);
  const name = api.Name ?? api.ApiId;
  const source = cloudSource(apiArn, scope);
  const read = reader(source);
  const flavor = FLAVORS[(api.ProtocolType ?? 'HTTP').toUpperCase()] ?? 'http';
  const attrs: ApiAttrs = {
    flavor,
    // HTTP and WebSocket APIs only have regional endpoints.
    endpointType: read('regional'),
    defaultEndpointEnabled: read(api.DisableExecuteApiEndpoint !== true),
    // API Gateway v2 has no resource policies.
    resourcePolicy: read(null),
    // ImportInfo is returned for an API imported from an OpenAPI document; without it, nothing says how it was made.
    hasSpec: api.ImportInfo !== undefined ? read(true) : unknown('a deployed API does not record whether it was imported from a specification', source),
    cors: read(flavor === 'http' ? cors(api) : null),
    policyOverrides: read([]),
    // GetRoutes lists every route of the API; if it failed, its error is a diagnostic.
    operationsComplete: snapshot.routes !== undefined ? read(true) : unknown('the routes of the API could not be read', source),
  };
  out.nodes.push(liveNode('api', apiArn, name, flavor === 'websocket' ? 'AWS::ApiGatewayV2::Api (WEBSOCKET)' : 'AWS::ApiGatewayV2::Api', attrs, scope, api));

  const stages = snapshot.stages ?? [];
  for (const route of snapshot.routes ?? []) {
    const arn = `${apiArn}/routes/${route.RouteId ?? '?'}`;
    const node = liveNode('api.operation', arn, name, 'AWS::ApiGatewayV2::Route', routeAttrs(route, stages, cloudSource(arn, scope)), scope, route);
    out.nodes.push(node);
    out.edges.push(edge(apiId, 'api-has-operation', node.id));
    if (route.AuthorizerId !== undefined && route.AuthorizerId !== '') out.edges.push(edge(node.id, 'operation-uses-authorizer', liveId(`${apiArn}/authorizers/${route.AuthorizerId}`)));
    const integration = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
    if (integration !== undefined) out.edges.push(edge(node.id, 'operation-calls-backend', liveId(`${apiArn}/integrations/${integration}`)));
  }
  for (const integration of snapshot.integrations ?? []) {
    const arn = `${apiArn}/integrations/${integration.IntegrationId ?? '?'}`;
    out.nodes.push(liveNode('api.backend', arn, name, 'AWS::ApiGatewayV2::Integration', integrationAttrs(integration, cloudSource(arn, scope)), scope, integration));
  }
  for (const authorizer of snapshot.authorizers ?? []) {
    const arn = `${apiArn}/authorizers/${authorizer.AuthorizerId ?? '?'}`;
    const authorizerSource = cloudSource(arn, scope);
    const readAuthorizer = reader(authorizerSource);
    const isJwt = authorizer.AuthorizerType === 'JWT';
    const attrs: AuthorizerAttrs = {
      type: isJwt ? readAuthorizer('jwt') : authorizer.AuthorizerType === 'REQUEST' ? readAuthorizer('lambda') : unknown(`unrecognised authorizer type ${authorizer.AuthorizerType ?? ''}`, authorizerSource),
      issuer: readAuthorizer(isJwt ? authorizer.JwtConfiguration?.Issuer ?? null : null),
      audience: readAuthorizer(isJwt ? authorizer.JwtConfiguration?.Audience ?? [] : []),
      identitySource: readAuthorizer((authorizer.IdentitySource ?? []).join(',')),
    };
    const node = liveNode('api.authorizer', arn, authorizer.Name ?? name, 'AWS::ApiGatewayV2::Authorizer', attrs, scope, authorizer);
    out.nodes.push(node);
    out.edges.push(edge(apiId, 'api-has-authorizer', node.id));
  }
  for (const stage of stages) {
    if (stage.StageName === undefined) continue;
    const arn = `${apiArn}/stages/${stage.StageName}`;
    const node = liveNode('api.stage', arn, `${name}/${stage.StageName}`, 'AWS::ApiGatewayV2::Stage', stageAttrs(stage, flavor, cloudSource(arn, scope)), scope, stage);
    out.nodes.push(node);
    out.edges.push(edge(apiId, 'api-has-stage', node.id));
  }
}

function cors(api: V2ApiShape): CorsConfig | null {
  const config = api.CorsConfiguration;
  return config ? { allowOrigins: config.AllowOrigins ?? [], allowCredentials: config.AllowCredentials === true } : null;
}

/** `GET /pets/{id}` → GET and `/pets/{id}`; `$default`, `$connect` and WebSocket keys are both method and path. */
function routeAttrs(route: V2RouteShape, stages: readonly V2StageShape[], source: CloudSource): OperationAttrs {
  const read = reader(source);
  const key = (route.RouteKey ?? '').trim();
  const match = /^(\S+)\s+(\S+)$/.exec(key);
  const authorization = AUTHORIZATIONS[route.AuthorizationType ?? 'NONE'];
  return {
    method: read(match ? (match[1] ?? '').toUpperCase() : key),
    path: read(match ? match[2] ?? '' : key),
    authorization: authorization !== undefined ? read(authorization) : unknown(`unrecognised authorization type ${route.AuthorizationType ?? ''}`, source),
    apiKeyRequired: read(route.ApiKeyRequired === true),
    // HTTP APIs do not validate requests; WebSocket request models are not request validation of the REST kind.
    requestValidation: read('none'),
    throttling: read(routeThrottle(stages, key)),
  };
}

function routeThrottle(stages: readonly V2StageShape[], routeKey: string): Throttle | null {
  for (const stage of stages) {
    const settings = stage.RouteSettings?.[routeKey];
    if (settings) return throttleOf(settings.ThrottlingRateLimit, settings.ThrottlingBurstLimit);
  }
  return null;
}

function integrationAttrs(integration: V2IntegrationShape, source: CloudSource): BackendAttrs {
  const read = reader(source);
  const uri = integration.IntegrationUri ?? '';
  let type = INTEGRATION_TYPES[integration.IntegrationType ?? ''];
  // AWS_PROXY with a subtype (SQS-SendMessage, ...) calls an AWS service, not a function.
  if (integration.IntegrationSubtype !== undefined) type = 'aws-service';
  const isVpcLink = integration.ConnectionType === 'VPC_LINK';
  // Private integrations name a load balancer listener or Cloud Map service: TLS only with TlsConfig.ServerNameToVerify.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
  const usesTls: Attr<boolean> = isVpcLink && uri.startsWith('arn:') ? read(integration.TlsConfig?.ServerNameToVerify !== undefined) : httpTls(type, uri, source);
  return {
    type: type !== undefined ? read(type) : unknown(`unrecognised integration type ${integration.IntegrationType ?? ''}`, source),
    url: read(uri),
    usesTls,
    // HTTP APIs always verify backend certificates.
    verifiesCertificate: read(true),
    connection: read(isVpcLink ? 'vpc-link' : 'internet'),
  };
}

/**
 * HTTP API stages have no execution logs, data trace, X-Ray tracing or cache; LoggingLevel and DataTraceEnabled
 * apply to WebSocket stages only: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
function stageAttrs(stage: V2StageShape, flavor: ApiFlavor, source: CloudSource): StageAttrs {
  const read = reader(source);
  const defaults = stage.DefaultRouteSettings ?? {};
  const isWebSocket = flavor === 'websocket';
  return {
    stageName: read(stage.StageName ?? ''),
    accessLogging: read(stage.AccessLogSettings?.DestinationArn !== undefined && stage.AccessLogSettings.DestinationArn !== ''),
    executionLogging: read(isWebSocket ? LOG_LEVELS[(defaults.LoggingLevel ?? 'OFF').toUpperCase()] ?? 'off' : 'off'),
    dataTrace: read(isWebSocket && defaults.DataTraceEnabled === true),
    tracing: read(false),
    cacheEnabled: read(false),
    cacheEncrypted: read(false),
    throttling: read(throttleOf(defaults.ThrottlingRateLimit, defaults.ThrottlingBurstLimit)),
    quota: read(null),
    clientCertificate: read(isWebSocket && stage.ClientCertificateId !== undefined && stage.ClientCertificateId !== ''),
    // Without a deployment (auto-deploy off and never deployed), the stage serves nothing.
    deployed: read(stage.DeploymentId !== undefined && stage.DeploymentId !== ''),
  };
}
