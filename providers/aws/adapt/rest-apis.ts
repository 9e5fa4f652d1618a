import { unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, Authorization, AuthorizerAttrs, AuthorizerType, BackendAttrs, BackendType, EndpointType, LogLevel, OperationAttrs, RequestValidation,
  StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import type { CloudSource } from '../../../src/graph/source';
import { apiGatewayArn, restApiPath, restStagePath } from '../arn';
import type { MethodSettingShape, RequestValidatorShape, RestIntegrationShape, RestMethodShape, RestStageShape } from '../shapes';
import type { RestApiSnapshot } from '../snapshot';
import { cloudSource, edge, liveId, liveNode, reader, type LiveFragment, type LiveScope } from './live-node';
import { readRestApiPolicy } from './policy-document';
import { unreadWebAclNode } from './waf';
import { throttleOf } from '../../aws-shared/throttle';
import { urlScheme } from '../../url-scheme';

const ENDPOINT_TYPES: Readonly<Record<string, EndpointType>> = { EDGE: 'edge', REGIONAL: 'regional', PRIVATE: 'private' };
// https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html#apigw-Type-Method-authorizationType
const AUTHORIZATIONS: Readonly<Record<string, Authorization>> = { NONE: 'none', AWS_IAM: 'iam', CUSTOM: 'lambda', COGNITO_USER_POOLS: 'cognito' };
// https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html#apigw-Type-Integration-type
const INTEGRATION_TYPES: Readonly<Record<string, BackendType>> = { HTTP: 'http', HTTP_PROXY: 'http', AWS_PROXY: 'lambda', AWS: 'aws-service', MOCK: 'mock' };
const AUTHORIZER_TYPES: Readonly<Record<string, AuthorizerType>> = { TOKEN: 'lambda', REQUEST: 'lambda', COGNITO_USER_POOLS: 'cognito' };
export const LOG_LEVELS: Readonly<Record<string, LogLevel>> = { OFF: 'off', ERROR: 'error', INFO: 'info' };

/** A REST API with its methods (from GetResources with `embed=methods`), integrations, authorizers and stages. */
export function adaptRestApi(snapshot: RestApiSnapshot, scope: LiveScope, out: LiveFragment): void {
  const { api } = snapshot;
  const apiArn = apiGatewayArn(scope.partition, scope.region, restApiPath(api.id));
  const apiId = liveId(apiArn);
  const name = api.name ?? api.id;
  const source = cloudSource(apiArn, scope);
  const read = reader(source);
  const type = api.endpointConfiguration?.types?.[0];
  const policy = api.policy === undefined || api.policy.trim() === '' ? null : readRestApiPolicy(api.policy);
  const attrs: ApiAttrs = {
    flavor: 'rest',
    endpointType: read((type !== undefined ? ENDPOINT_TYPES[type.toUpperCase()] : undefined) ?? 'edge'),
    defaultEndpointEnabled: read(api.disableExecuteApiEndpoint !== true),
    resourcePolicy: policy === undefined ? unknown('the resource policy is not a policy document we can read', source) : read(policy),
    hasSpec: unknown('a deployed API does not record whether it was imported from a specification', source),
    // REST APIs answer CORS through OPTIONS methods, not a gateway setting.
    cors: read(null),
    policyOverrides: read([]),
    // GetResources with embed=methods lists every method of the API; if it failed, its error is a diagnostic.
    operationsComplete: snapshot.resources !== undefined ? read(true) : unknown('the methods of the API could not be read', source),
  };
  out.nodes.push(liveNode('api', apiArn, name, 'AWS::ApiGateway::RestApi', attrs, scope, api));

  const validators = new Map((snapshot.validators ?? []).map((v) => [v.id ?? '', v]));
  const stages = snapshot.stages ?? [];
  for (const resource of snapshot.resources ?? []) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      const methodArn = `${apiArn}/resources/${resource.id ?? '?'}/methods/${verb.toUpperCase()}`;
      const methodSource = cloudSource(methodArn, scope);
      const path = resource.path ?? '/';
      const operation = liveNode('api.operation', methodArn, name, 'AWS::ApiGateway::Method', operationAttrs(method, verb, path, validators, stages, methodSource), scope, method);
      out.nodes.push(operation);
      out.edges.push(edge(apiId, 'api-has-operation', operation.id));
      if (method.authorizerId !== undefined && (method.authorizationType === 'CUSTOM' || method.authorizationType === 'COGNITO_USER_POOLS')) {
        out.edges.push(edge(operation.id, 'operation-uses-authorizer', liveId(`${apiArn}/authorizers/${method.authorizerId}`)));
      }
      if (method.methodIntegration) {
        const integrationArn = `${methodArn}/integration`;
        const backend = liveNode('api.backend', integrationArn, name, 'AWS::ApiGateway::Integration', integrationAttrs(method.methodIntegration, cloudSource(integrationArn, scope)), scope, method.methodIntegration);
        out.nodes.push(backend);
        out.edges.push(edge(operation.id, 'operation-calls-backend', backend.id));
      }
    }
  }

  for (const authorizer of snapshot.authorizers ?? []) {
    const arn = `${apiArn}/authorizers/${authorizer.id ?? '?'}`;
    const read = reader(cloudSource(arn, scope));
    const kind = AUTHORIZER_TYPES[authorizer.type ?? ''];
    const attrs: AuthorizerAttrs = {
      type: kind !== undefined ? read(kind) : unknown(`unrecognised authorizer type ${authorizer.type ?? '(none)'}`, cloudSource(arn, scope)),
      // Cognito authorizers accept tokens of the user pools they name; Lambda authorizers check what their code checks.
      issuer: read(kind === 'cognito' ? (authorizer.providerARNs ?? []).join(',') : null),
      // Neither Lambda nor Cognito authorizers of REST APIs check a token audience.
      audience: read([]),
      identitySource: read(authorizer.identitySource ?? 'method.request.header.Authorization'),
    };
    const node = liveNode('api.authorizer', arn, authorizer.name ?? authorizer.id ?? name, 'AWS::ApiGateway::Authorizer', attrs, scope, authorizer);
    out.nodes.push(node);
    out.edges.push(edge(apiId, 'api-has-authorizer', node.id));
  }

  for (const stage of stages) {
    if (stage.stageName === undefined) continue;
    const arn = apiGatewayArn(scope.partition, scope.region, restStagePath(api.id, stage.stageName));
    const node = liveNode('api.stage', arn, `${name}/${stage.stageName}`, 'AWS::ApiGateway::Stage', stageAttrs(stage, cloudSource(arn, scope)), scope, stage);
    out.nodes.push(node);
    out.edges.push(edge(apiId, 'api-has-stage', node.id));
    const acl = snapshot.webAcls.get(stage.stageName);
    if (acl?.ARN !== undefined) out.edges.push(edge(liveId(acl.ARN), 'waf-protects', node.id));
    // The stage names whatever ACL is attached, a WAF Classic one too, which GetWebACLForResource (WAFv2) does not return.
    else if (stage.webAclArn !== undefined && stage.webAclArn !== '') {
      const unread = unreadWebAclNode(stage.webAclArn, scope);
      out.nodes.push(unread);
      out.edges.push(edge(unread.id, 'waf-protects', node.id));
    }
  }
}

function operationAttrs(
  method: RestMethodShape, verb: string, path: string, validators: ReadonlyMap<string, RequestValidatorShape>, stages: readonly RestStageShape[], source: CloudSource,
): OperationAttrs {
  const read = reader(source);
  const authorization = AUTHORIZATIONS[method.authorizationType ?? 'NONE'];
  return {
    method: read(verb.toUpperCase()),
    path: read(path),
    authorization: authorization !== undefined ? read(authorization) : unknown(`unrecognised authorization type ${method.authorizationType ?? ''}`, source),
    apiKeyRequired: read(method.apiKeyRequired === true),
    requestValidation: read(validation(method.requestValidatorId === undefined ? undefined : validators.get(method.requestValidatorId))),
    requiredParameters: read(requiredParameters(method.requestParameters ?? {})),
    throttling: read(methodThrottle(stages, path, verb.toUpperCase())),
  };
}

function validation(validator: RequestValidatorShape | undefined): RequestValidation {
  if (!validator) return 'none';
  const body = validator.validateRequestBody === true;
  const params = validator.validateRequestParameters === true;
  return body ? (params ? 'full' : 'body') : params ? 'params' : 'none';
}

/** `{ "method.request.querystring.page": true }`: `true` marks a required parameter. */
function requiredParameters(parameters: Readonly<Record<string, boolean>>): string[] {
  const required: string[] = [];
  for (const [key, flag] of Object.entries(parameters)) {
    const match = /^method\.request\.(querystring|header)\.(.+)$/.exec(key);
    if (match && flag) required.push(`${match[1] === 'querystring' ? 'query' : 'header'}:${match[2] ?? ''}`);
  }
  return required;
}

/**
 * Method settings are keyed `*\/*` for the whole stage, else `<resource path>/<METHOD>`, the path without its leading
 * slash and with `/` escaped as `~1`: https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html#apigw-Type-Stage-methodSettings
 */
export function splitSettingKey(key: string): { readonly path: string; readonly verb: string } {
  const cut = key.lastIndexOf('/');
  const rawPath = cut < 0 ? '*' : key.slice(0, cut);
  const verb = (cut < 0 ? key : key.slice(cut + 1)).toUpperCase();
  if (rawPath === '*') return { path: '*', verb };
  return { path: `/${rawPath.replaceAll('~1', '/').replace(/^\/+/, '')}`, verb };
}

/** The first stage's setting for this method: a method has one throttle per stage, and the graph keeps one. */
function methodThrottle(stages: readonly RestStageShape[], path: string, verb: string): Throttle | null {
  for (const stage of stages) {
    for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
      const target = splitSettingKey(key);
      if (target.path === path && (target.verb === '*' || target.verb === verb)) return throttleOf(setting.throttlingRateLimit, setting.throttlingBurstLimit);
    }
  }
  return null;
}

function integrationAttrs(integration: RestIntegrationShape, source: CloudSource): BackendAttrs {
  const read = reader(source);
  const uri = integration.uri ?? '';
  let type = INTEGRATION_TYPES[integration.type ?? ''];
  // An AWS integration that invokes a function through the Lambda API is a Lambda backend.
  if (type === 'aws-service' && uri.includes(':lambda:path/')) type = 'lambda';
  return {
    type: type !== undefined ? read(type) : unknown(`unrecognised integration type ${integration.type ?? ''}`, source),
    url: read(uri),
    usesTls: httpTls(type, uri, source),
    // insecureSkipVerification turns off the check of an HTTP backend's certificate.
    verifiesCertificate: read(integration.tlsConfig?.insecureSkipVerification !== true),
    connection: read(integration.connectionType === 'VPC_LINK' ? 'vpc-link' : 'internet'),
  };
}

/** TLS to an HTTP backend from its URI's scheme; other types call AWS over HTTPS. */
export function httpTls(type: BackendType | undefined, uri: string, source: CloudSource): Attr<boolean> {
  if (type === undefined) return unknown('unrecognised integration type', source);
  if (type !== 'http') return reader(source)(true);
  const scheme = urlScheme(uri);
  if (scheme === 'https' || scheme === 'http') return reader(source)(scheme === 'https');
  // A stage variable in the URI (`${stageVariables.host}`) decides at request time.
  return unknown(`no scheme in ${uri}`, source);
}

function stageAttrs(stage: RestStageShape, source: CloudSource): StageAttrs {
  const read = reader(source);
  const all: MethodSettingShape = stage.methodSettings?.['*/*'] ?? {};
  const perMethod = Object.entries(stage.methodSettings ?? {}).filter(([key]) => key !== '*/*').map(([, setting]) => setting);
  return {
    stageName: read(stage.stageName ?? ''),
    accessLogging: read(stage.accessLogSettings?.destinationArn !== undefined && stage.accessLogSettings.destinationArn !== ''),
    executionLogging: read(LOG_LEVELS[(all.loggingLevel ?? 'OFF').toUpperCase()] ?? 'off'),
    // A method's own settings that log request and response bodies, or cache them unencrypted, do so for that
    // method's traffic whatever the stage-wide settings say.
    dataTrace: read(all.dataTraceEnabled === true || perMethod.some((setting) => setting.dataTraceEnabled === true)),
    tracing: read(stage.tracingEnabled === true),
    cacheEnabled: read(stage.cacheClusterEnabled === true),
    cacheEncrypted: read(all.cacheDataEncrypted === true && !perMethod.some((setting) => setting.cachingEnabled === true && setting.cacheDataEncrypted !== true)),
    throttling: read(throttleOf(all.throttlingRateLimit, all.throttlingBurstLimit)),
    // API Gateway stages have no quota of their own; usage plans carry quotas.
    quota: read(null),
    clientCertificate: read(stage.clientCertificateId !== undefined && stage.clientCertificateId !== ''),
    deployed: read(stage.deploymentId !== undefined && stage.deploymentId !== ''),
  };
}
