import type { KeyPath } from '../../key-lines';
import { lambdaAuthorizerUri } from './authorizer-auth';
import { samApiDomain } from './domain';
import type { ExpandContext } from './expand-context';
import type { ApiEvent } from './function-events';
import { alphanumeric, generateResource, ref, sameNames, type PropertyOrigin } from './generate';
import { isPlainMap } from './globals';
import { samResourcePolicy } from './resource-policy';
import { restRoutes, type RestAuthorizer } from './rest-routes';
import type { SamProps } from './sam-props';
import { samUsagePlan } from './usage-plan';
import { withSamAuth } from './definition-auth';

/**
 * An `AWS::Serverless::Api` (or the implicit `ServerlessRestApi`) as the REST API resources SAM generates: the
 * RestApi, its Deployment and Stage, authorizers, the methods of the functions' `Api` events (and CORS preflights),
 * a custom domain with its base path mappings, and a usage plan with its key.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-api.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html
 */
export function expandRestApi(api: SamProps, events: readonly ApiEvent[], ctx: ExpandContext): void {
  const id = api.logicalId;
  const authorizers = restAuthorizers(api, ctx);
  const policy = api.map(['Auth', 'ResourcePolicy']);
  const body = api.value(['DefinitionBody']);
  ctx.add(generateResource({
    logicalId: id, type: 'AWS::ApiGateway::RestApi', source: api.source, generatedFrom: id,
    properties: {
      Name: api.value(['Name']),
      Body: body === undefined ? undefined : withSamAuth(body, api, 'rest'),
      // DefinitionUri is an S3 location, or a local file that `sam package` uploads (read by the adapters, see
      // local-documents.ts; SAM adds no Auth to it).
      BodyS3Location: body === undefined ? api.value(['DefinitionUri']) : undefined,
      EndpointConfiguration: endpointConfiguration(api.value(['EndpointConfiguration'])),
      DisableExecuteApiEndpoint: api.value(['DisableExecuteApiEndpoint']),
      Policy: policy ? samResourcePolicy(policy) : undefined,
    },
    origins: [
      ...sameNames(api, ['Name', 'DisableExecuteApiEndpoint']),
      { to: ['Body'], sam: api, from: ['DefinitionBody'] },
      { to: ['BodyS3Location'], sam: api, from: ['DefinitionUri'] },
      { to: ['EndpointConfiguration'], sam: api, from: ['EndpointConfiguration'] },
      { to: ['EndpointConfiguration', 'Types'], sam: api, from: isPlainMap(api.value(['EndpointConfiguration'])) ? ['EndpointConfiguration', 'Type'] : ['EndpointConfiguration'] },
      { to: ['Policy'], sam: api, from: ['Auth', 'ResourcePolicy'] },
    ],
  }));

  // SAM also deploys a stage named `Stage` unless OpenApiVersion is set (kept for backwards compatibility):
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html#sam-api-openapiversion
  const deployment = `${id}Deployment`;
  ctx.add(generateResource({
    logicalId: deployment, type: 'AWS::ApiGateway::Deployment', source: api.source, generatedFrom: id,
    properties: { RestApiId: ref(id), StageName: api.has(['OpenApiVersion']) ? undefined : 'Stage' },
  }));

  const stageName = api.string(['StageName']);
  const stage = `${id}${stageName === undefined ? '' : alphanumeric(stageName)}Stage`;
  if (!api.has(['StageName'])) ctx.notice(api.source, `${id}: StageName is required on AWS::Serverless::Api; its stage is checked without a name`, 'warning');
  const stageSettings = ['MethodSettings', 'AccessLogSetting', 'TracingEnabled', 'CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'StageName'];
  ctx.add(generateResource({
    logicalId: stage, type: 'AWS::ApiGateway::Stage', source: api.source, generatedFrom: id,
    properties: {
      RestApiId: ref(id),
      DeploymentId: ref(deployment),
      ...Object.fromEntries(stageSettings.map((name) => [name, api.value([name])])),
    },
    origins: sameNames(api, stageSettings),
  }));

  restRoutes(api, events, authorizers, ctx);
  samApiDomain(api, 'rest', stage, ctx);
  samUsagePlan(api, stage, ctx);
}

/** `EndpointConfiguration: REGIONAL` or `{ Type: REGIONAL, VpcEndpointIds: [...] }` → the RestApi's `{ Types: [...] }`. */
function endpointConfiguration(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (isPlainMap(raw)) return { Types: raw['Type'] === undefined ? undefined : [raw['Type']], VpcEndpointIds: raw['VpcEndpointIds'] };
  return { Types: [raw] };
}

/**
 * `Auth.Authorizers`: Cognito user pools (`UserPoolArn`) and Lambda authorizers (`FunctionArn`, token or request).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html
 */
function restAuthorizers(api: SamProps, ctx: ExpandContext): Map<string, RestAuthorizer> {
  const found = new Map<string, RestAuthorizer>();
  for (const name of Object.keys(api.map(['Auth', 'Authorizers']) ?? {})) {
    const at: KeyPath = ['Auth', 'Authorizers', name];
    const definition = api.map(at);
    if (!definition) continue;
    const logicalId = `${api.logicalId}${alphanumeric(name)}Authorizer`;
    const identity = isPlainMap(definition['Identity']) ? definition['Identity'] : {};
    const origins: PropertyOrigin[] = [{ to: ['IdentitySource'], sam: api, from: [...at, 'Identity'] }];
    let properties: Record<string, unknown>;
    let type: RestAuthorizer['type'];
    if (definition['UserPoolArn'] !== undefined) {
      type = 'COGNITO_USER_POOLS';
      const pools = definition['UserPoolArn'];
      properties = { Type: type, ProviderARNs: Array.isArray(pools) ? pools : [pools], IdentitySource: headerSource(identity['Header']) };
      origins.push({ to: ['ProviderARNs'], sam: api, from: [...at, 'UserPoolArn'] });
    } else if (definition['FunctionArn'] !== undefined) {
      const isRequest = api.string([...at, 'FunctionPayloadType'])?.toUpperCase() === 'REQUEST';
      type = 'CUSTOM';
      properties = {
        Type: isRequest ? 'REQUEST' : 'TOKEN',
        AuthorizerUri: lambdaAuthorizerUri(definition['FunctionArn']),
        IdentitySource: isRequest ? requestSources(identity) : headerSource(identity['Header']),
      };
      origins.push({ to: ['Type'], sam: api, from: [...at, 'FunctionPayloadType'] }, { to: ['AuthorizerUri'], sam: api, from: [...at, 'FunctionArn'] });
    } else {
      ctx.notice(api.locate(at), `${api.logicalId}: authorizer ${name} has neither UserPoolArn nor FunctionArn; it is not checked`, 'warning');
      continue;
    }
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGateway::Authorizer', source: api.locateOwn(at), generatedFrom: api.logicalId,
      properties: { RestApiId: ref(api.logicalId), Name: name, ...properties }, origins,
    }));
    found.set(name, { logicalId, type });
  }
  return found;
}

/** Token and Cognito authorizers read one header, `Authorization` unless `Identity.Header` says otherwise. */
function headerSource(header: unknown): unknown {
  if (header === undefined || header === null) return 'method.request.header.Authorization';
  return typeof header === 'string' ? `method.request.header.${header}` : { 'Fn::Sub': ['method.request.header.${Header}', { Header: header }] };
}

/** Request authorizers: `Identity.Headers`, `QueryStrings`, `StageVariables` and `Context`, comma-separated. */
function requestSources(identity: Readonly<Record<string, unknown>>): string | undefined {
  const sources: string[] = [];
  const add = (key: string, prefix: string): void => {
    const list = identity[key];
    if (Array.isArray(list)) for (const item of list as unknown[]) if (typeof item === 'string') sources.push(`${prefix}${item}`);
  };
  add('Headers', 'method.request.header.');
  add('QueryStrings', 'method.request.querystring.');
  add('StageVariables', 'stageVariables.');
  add('Context', 'context.');
  return sources.length > 0 ? sources.join(', ') : undefined;
}
