import type { KeyPath } from '../../key-lines';
import { authorizerAuth, lambdaAuthorizerUri } from './authorizer-auth';
import { withSamAuth } from './definition-auth';
import { definesHttpOperation } from './definition-operations';
import { samApiDomain } from './domain';
import type { ExpandContext } from './expand-context';
import type { ApiEvent } from './function-events';
import { alphanumeric, generateResource, getAtt, ref, sameNames, type PropertyOrigin } from './generate';
import { isPlainMap } from './globals';
import type { SamProps } from './sam-props';

interface HttpAuthorizer {
  readonly logicalId: string;
  readonly type: 'JWT' | 'CUSTOM';
}

/**
 * An `AWS::Serverless::HttpApi` (or the implicit `ServerlessHttpApi`) as the API Gateway v2 resources SAM generates:
 * the Api, its stage (`<api>ApiGatewayDefaultStage` named `$default` when StageName is not set), JWT and Lambda
 * authorizers, a route and integration per `HttpApi` event, and a custom domain with its mappings.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-httpapi.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html
 */
export function expandHttpApi(api: SamProps, events: readonly ApiEvent[], ctx: ExpandContext): void {
  const id = api.logicalId;
  const body = api.value(['DefinitionBody']);
  ctx.add(generateResource({
    logicalId: id, type: 'AWS::ApiGatewayV2::Api', source: api.source, generatedFrom: id,
    properties: {
      Name: api.value(['Name']),
      ProtocolType: 'HTTP',
      Body: body === undefined ? undefined : withSamAuth(body, api, 'http'),
      BodyS3Location: body === undefined ? api.value(['DefinitionUri']) : undefined,
      CorsConfiguration: corsConfiguration(api.value(['CorsConfiguration'])),
      DisableExecuteApiEndpoint: api.value(['DisableExecuteApiEndpoint']),
    },
    origins: [
      ...sameNames(api, ['Name', 'CorsConfiguration', 'DisableExecuteApiEndpoint']),
      { to: ['Body'], sam: api, from: ['DefinitionBody'] },
      { to: ['BodyS3Location'], sam: api, from: ['DefinitionUri'] },
    ],
  }));

  const stageName = api.has(['StageName']) ? api.string(['StageName']) : '$default';
  const stage = api.has(['StageName']) ? `${id}${stageName === undefined ? '' : alphanumeric(stageName)}Stage` : `${id}ApiGatewayDefaultStage`;
  const stageSettings = ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables'];
  ctx.add(generateResource({
    logicalId: stage, type: 'AWS::ApiGatewayV2::Stage', source: api.source, generatedFrom: id,
    properties: {
      ApiId: ref(id),
      StageName: api.value(['StageName']) ?? '$default',
      AutoDeploy: true,
      ...Object.fromEntries(stageSettings.map((name) => [name, api.value([name])])),
    },
    origins: sameNames(api, [...stageSettings, 'StageName']),
  }));

  const authorizers = httpAuthorizers(api, ctx);
  const defaultAuth = authorizerAuth(api, ['Auth', 'DefaultAuthorizer'], authorizers, ctx);
  for (const event of events) {
    const fn = event.function;
    const base = event.base;
    const logicalId = `${fn.logicalId}${alphanumeric(event.name)}`;
    const integration = `${logicalId}Integration`;
    const key = routeKey(fn.value([...base, 'Method']), fn.value([...base, 'Path']));
    const ownAuthorizer = fn.has([...base, 'Auth', 'Authorizer']);
    // The document's operation stands (DefaultAuthorizer already added to it when it has no security).
    if (!ownAuthorizer && definesHttpOperation(body, key)) continue;
    const auth = ownAuthorizer ? authorizerAuth(fn, [...base, 'Auth', 'Authorizer'], authorizers, ctx) : defaultAuth;
    ctx.add(generateResource({
      logicalId: integration, type: 'AWS::ApiGatewayV2::Integration', source: event.source, generatedFrom: fn.logicalId,
      properties: {
        ApiId: ref(id), IntegrationType: 'AWS_PROXY', IntegrationUri: getAtt(fn.logicalId, 'Arn'),
        PayloadFormatVersion: fn.value([...base, 'PayloadFormatVersion']) ?? '2.0', TimeoutInMillis: fn.value([...base, 'TimeoutInMillis']),
      },
    }));
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGatewayV2::Route', source: event.source, generatedFrom: fn.logicalId,
      properties: {
        ApiId: ref(id),
        RouteKey: key,
        ...auth?.properties,
        AuthorizationScopes: fn.value([...base, 'Auth', 'AuthorizationScopes']),
        Target: { 'Fn::Sub': `integrations/\${${integration}}` },
      },
      origins: [
        { to: ['RouteKey'], sam: fn, from: [...base, 'Path'] },
        { to: ['AuthorizationScopes'], sam: fn, from: [...base, 'Auth', 'AuthorizationScopes'] },
        ...(auth?.origins ?? []),
      ],
    }));
  }
  samApiDomain(api, 'http', stage, ctx);
}

/**
 * `Method` and `Path` → `GET /orders`; without either, the event is the catch-all `$default` route. `any` is `ANY`.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-httpapi.html
 */
function routeKey(method: unknown, path: unknown): unknown {
  if ((method === undefined || method === null) && (path === undefined || path === null)) return '$default';
  const verb = typeof method === 'string' ? method.toUpperCase() : method ?? 'ANY';
  if (typeof verb !== 'string' || typeof path !== 'string') return { 'Fn::Join': [' ', [verb, path ?? '/']] };
  return `${verb} ${path}`;
}

/** `CorsConfiguration: true` allows every origin, header and method: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html#sam-httpapi-corsconfiguration */
function corsConfiguration(raw: unknown): unknown {
  if (raw === true || raw === 'true') return { AllowOrigins: ['*'], AllowHeaders: ['*'], AllowMethods: ['*'] };
  if (raw === false || raw === 'false') return undefined;
  return raw;
}

/**
 * `Auth.Authorizers`: OAuth 2.0 / JWT (`JwtConfiguration` with `issuer` and `audience`) and Lambda (`FunctionArn`).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapiauth.html
 */
function httpAuthorizers(api: SamProps, ctx: ExpandContext): Map<string, HttpAuthorizer> {
  const found = new Map<string, HttpAuthorizer>();
  for (const name of Object.keys(api.map(['Auth', 'Authorizers']) ?? {})) {
    const at: KeyPath = ['Auth', 'Authorizers', name];
    const definition = api.map(at);
    if (!definition) continue;
    const logicalId = `${api.logicalId}${alphanumeric(name)}Authorizer`;
    const origins: PropertyOrigin[] = [{ to: ['IdentitySource'], sam: api, from: [...at, 'IdentitySource'] }];
    let properties: Record<string, unknown>;
    let type: HttpAuthorizer['type'];
    const jwt = definition['JwtConfiguration'];
    if (jwt !== undefined) {
      type = 'JWT';
      // SAM writes the OpenAPI names (issuer, audience); CloudFormation's are capitalised.
      const issuerKey = isPlainMap(jwt) && jwt['Issuer'] !== undefined ? 'Issuer' : 'issuer';
      const audienceKey = isPlainMap(jwt) && jwt['Audience'] !== undefined ? 'Audience' : 'audience';
      properties = {
        AuthorizerType: 'JWT',
        IdentitySource: [definition['IdentitySource'] ?? '$request.header.Authorization'],
        JwtConfiguration: isPlainMap(jwt) ? { Issuer: jwt[issuerKey], Audience: jwt[audienceKey] } : jwt,
      };
      origins.push(
        { to: ['JwtConfiguration'], sam: api, from: [...at, 'JwtConfiguration'] },
        { to: ['JwtConfiguration', 'Issuer'], sam: api, from: [...at, 'JwtConfiguration', issuerKey] },
        { to: ['JwtConfiguration', 'Audience'], sam: api, from: [...at, 'JwtConfiguration', audienceKey] },
      );
    } else if (definition['FunctionArn'] !== undefined) {
      type = 'CUSTOM';
      const identity = isPlainMap(definition['Identity']) ? definition['Identity'] : {};
      const sources = [
        ...stringsOf(identity['Headers']).map((h) => `$request.header.${h}`),
        ...stringsOf(identity['QueryStrings']).map((q) => `$request.querystring.${q}`),
      ];
      properties = {
        AuthorizerType: 'REQUEST',
        AuthorizerUri: lambdaAuthorizerUri(definition['FunctionArn']),
        IdentitySource: sources.length > 0 ? sources : undefined,
        AuthorizerPayloadFormatVersion: definition['AuthorizerPayloadFormatVersion'],
      };
      origins.push({ to: ['AuthorizerUri'], sam: api, from: [...at, 'FunctionArn'] }, { to: ['IdentitySource'], sam: api, from: [...at, 'Identity'] });
    } else {
      ctx.notice(api.locate(at), `${api.logicalId}: authorizer ${name} has neither JwtConfiguration nor FunctionArn; it is not checked`, 'warning');
      continue;
    }
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGatewayV2::Authorizer', source: api.locateOwn(at), generatedFrom: api.logicalId,
      properties: { ApiId: ref(api.logicalId), Name: name, ...properties }, origins,
    }));
    found.set(name, { logicalId, type });
  }
  return found;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
}
