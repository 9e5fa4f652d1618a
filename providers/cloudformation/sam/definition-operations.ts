import { isPlainMap } from './globals';

/**
 * Whether an inline `DefinitionBody` already has the operation of an HTTP API route key (`POST /orders`, `ANY /x`,
 * `$default`). SAM leaves such an operation as the document writes it (its `security`, and its integration when it
 * has one) unless the event names an authorizer of its own:
 * https://github.com/aws/serverless-application-model/blob/develop/tests/translator/output/http_api_existing_openapi.json
 */
export function definesHttpOperation(body: unknown, routeKey: unknown): boolean {
  if (!isPlainMap(body) || !isPlainMap(body['paths']) || typeof routeKey !== 'string') return false;
  const [verb, path] = routeKey === '$default' ? ['ANY', '$default'] : routeKey.split(' ', 2);
  if (verb === undefined || path === undefined) return false;
  const key = verb === 'ANY' ? 'x-amazon-apigateway-any-method' : verb.toLowerCase();
  const paths = body['paths'];
  // The default route is `/$default` in API Gateway's exports and `$default` in SAM's.
  const candidates = path === '$default' ? ['$default', '/$default'] : [path];
  return candidates.some((candidate) => {
    const item = paths[candidate];
    return isPlainMap(item) && Object.keys(item).some((method) => method.toLowerCase() === key && isPlainMap(item[method]));
  });
}
