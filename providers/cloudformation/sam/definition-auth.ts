import { isPlainMap } from './globals';
import type { SamProps } from './sam-props';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']);

/**
 * SAM writes the API's `Auth` into an inline `DefinitionBody` too: each authorizer becomes a security scheme with
 * `x-amazon-apigateway-authorizer`, and the `DefaultAuthorizer` (with the API key when `ApiKeyRequired`) guards every
 * operation that has no `security` of its own. A body that is not a mapping (AWS::Include, a computed value) is
 * left as it is; the adapter says it cannot read it.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis.html
 */
export function withSamAuth(body: unknown, api: SamProps, flavor: 'rest' | 'http'): unknown {
  if (!isPlainMap(body) || !isPlainMap(body['paths'])) return body;
  const auth = api.map(['Auth']);
  if (!auth) return body;
  const schemes: Record<string, unknown> = {};
  for (const name of Object.keys(api.map(['Auth', 'Authorizers']) ?? {})) {
    const definition = api.map(['Auth', 'Authorizers', name]);
    if (definition) schemes[name] = scheme(definition, flavor);
  }
  const defaultName = api.string(['Auth', 'DefaultAuthorizer']);
  if (defaultName === 'AWS_IAM') schemes['AWS_IAM'] = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
  const apiKey = flavor === 'rest' && api.boolean(['Auth', 'ApiKeyRequired']) === true;
  if (apiKey) schemes['api_key'] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  const requirement: Record<string, unknown[]> = {};
  if (defaultName !== undefined && defaultName !== 'NONE' && Object.prototype.hasOwnProperty.call(schemes, defaultName)) requirement[defaultName] = [];
  if (apiKey) requirement['api_key'] = [];
  const preflightToo = api.boolean(['Auth', 'AddDefaultAuthorizerToCorsPreflight']) !== false;

  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(body['paths'])) {
    paths[path] = Object.keys(requirement).length === 0 ? item : guardPathItem(item, requirement, preflightToo);
  }
  const isOpenApi3 = typeof body['openapi'] === 'string';
  const components = isPlainMap(body['components']) ? body['components'] : {};
  return isOpenApi3
    ? { ...body, paths, components: { ...components, securitySchemes: { ...(isPlainMap(components['securitySchemes']) ? components['securitySchemes'] : {}), ...schemes } } }
    : { ...body, paths, securityDefinitions: { ...(isPlainMap(body['securityDefinitions']) ? body['securityDefinitions'] : {}), ...schemes } };
}

/**
 * Adds the default requirement to each operation of a path item. A path item chosen by `Fn::If` gets it in both
 * branches, as SAM does before CloudFormation picks one:
 * https://github.com/aws/serverless-application-model/blob/develop/samtranslator/open_api/base_editor.py (get_conditional_contents)
 */
function guardPathItem(item: unknown, requirement: Readonly<Record<string, unknown[]>>, preflightToo: boolean): unknown {
  const choice = conditionalBranches(item);
  if (choice) return { 'Fn::If': [choice[0], guardPathItem(choice[1], requirement, preflightToo), guardPathItem(choice[2], requirement, preflightToo)] };
  if (!isPlainMap(item)) return item;
  const operations: Record<string, unknown> = {};
  for (const [method, operation] of Object.entries(item)) {
    const guarded = METHODS.has(method.toLowerCase()) && isPlainMap(operation) && operation['security'] === undefined && (method.toLowerCase() !== 'options' || preflightToo);
    operations[method] = guarded && isPlainMap(operation) ? { ...operation, security: [requirement] } : operation;
  }
  return operations;
}

/** The condition and both branches of a `Fn::If`, or `undefined` for anything else. */
function conditionalBranches(value: unknown): readonly [unknown, unknown, unknown] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const args: unknown = (value as Readonly<Record<string, unknown>>)['Fn::If'];
  return keys.length === 1 && Array.isArray(args) && args.length === 3 ? [args[0], args[1], args[2]] : undefined;
}

function scheme(definition: Readonly<Record<string, unknown>>, flavor: 'rest' | 'http'): Record<string, unknown> {
  const identity = isPlainMap(definition['Identity']) ? definition['Identity'] : {};
  const header = typeof identity['Header'] === 'string' ? identity['Header'] : 'Authorization';
  if (isPlainMap(definition['JwtConfiguration'])) {
    const jwt = definition['JwtConfiguration'];
    return {
      type: 'oauth2',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: { issuer: jwt['issuer'] ?? jwt['Issuer'], audience: jwt['audience'] ?? jwt['Audience'] },
        identitySource: definition['IdentitySource'] ?? '$request.header.Authorization',
      },
    };
  }
  if (definition['UserPoolArn'] !== undefined) {
    const pools = definition['UserPoolArn'];
    return {
      type: 'apiKey', name: header, in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: Array.isArray(pools) ? pools : [pools] },
    };
  }
  const payload = typeof definition['FunctionPayloadType'] === 'string' ? definition['FunctionPayloadType'].toLowerCase() : undefined;
  return {
    type: 'apiKey', name: header, in: 'header', 'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': { type: flavor === 'http' || payload === 'request' ? 'request' : 'token' },
  };
}
