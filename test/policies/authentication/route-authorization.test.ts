import policy from '../../../policies/authentication/route-authorization';
import type { ApiFlavor, OperationAttrs } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

/** An API of the given flavor with one operation. */
function apiWith(flavor: ApiFlavor, operation: Partial<OperationAttrs> & { name?: string }) {
  return g.build((b) => {
    const api = b.node('api', { name: 'api', flavor });
    b.link(api, 'api-has-operation', b.node('api.operation', operation));
  });
}

const get = { method: g.set('GET'), path: g.set('/orders') };

policyTester.run(policy, {
  valid: [
    { name: 'IAM', graph: g.operation({ ...get, authorization: g.set('iam') }) },
    { name: 'Cognito user pool', graph: g.operation({ ...get, authorization: g.set('cognito') }) },
    { name: 'Lambda authorizer', graph: g.operation({ ...get, authorization: g.set('lambda') }) },
    { name: 'JWT on an HTTP API route', graph: apiWith('http', { ...get, authorization: g.set('jwt') }) },
    { name: 'APIM OAuth', graph: apiWith('apim', { ...get, authorization: g.set('oauth') }) },
    { name: 'mutual TLS', graph: g.operation({ ...get, authorization: g.set('mtls') }) },
    { name: 'IAM plus an API key', graph: g.operation({ ...get, authorization: g.set('iam'), apiKeyRequired: g.set(true) }) },
    { name: 'OPTIONS preflight without authorization', graph: g.operation({ method: g.set('OPTIONS'), path: g.set('/orders'), authorization: g.set('none') }) },
    { name: 'lower-case options preflight', graph: g.operation({ method: g.set('options'), authorization: g.byDefault('none') }) },
    { name: 'WebSocket $disconnect without authorization', graph: apiWith('websocket', { method: g.set('$disconnect'), authorization: g.set('none') }) },
    { name: 'WebSocket message route without authorization', graph: apiWith('websocket', { method: g.set('sendmessage'), authorization: g.set('none') }) },
    { name: 'WebSocket $default route with unknown authorization', graph: apiWith('websocket', { method: g.set('$default'), authorization: g.unknown('var.auth') }) },
    { name: 'WebSocket $connect with a Lambda authorizer', graph: apiWith('websocket', { method: g.set('$connect'), authorization: g.set('lambda') }) },
    { name: '$disconnect of a WebSocket API outside the scan', graph: g.operation({ method: g.set('$disconnect'), authorization: g.set('none') }) },
    { name: 'known authorization with an unknown method', graph: g.operation({ method: g.unknown('var.method'), authorization: g.set('iam') }) },
  ],
  invalid: [
    {
      name: 'authorization none',
      graph: g.operation({ name: 'get_orders', ...get, authorization: g.set('none'), apiKeyRequired: g.byDefault(false) }),
      findings: [{ node: 'get_orders', message: /^`get_orders` \(GET \/orders\) requires no authorization: anyone who reaches the endpoint can call it$/, severity: 'high' }],
    },
    {
      name: 'authorization none with an API key: identification, not authentication',
      graph: g.operation({ name: 'keyed', ...get, authorization: g.set('none'), apiKeyRequired: g.set(true) }),
      findings: [{ node: 'keyed', message: /relies on an API key alone: a key identifies the calling application but does not authenticate it/, severity: 'medium' }],
    },
    {
      name: 'authorization none with api key requirement unknown',
      graph: g.operation({ name: 'maybe_keyed', ...get, authorization: g.set('none'), apiKeyRequired: g.unknown('var.key') }),
      findings: [{ node: 'maybe_keyed', message: /requires no authorization/ }],
    },
    {
      name: 'api-key-only',
      graph: apiWith('rest', { name: 'key_only', ...get, authorization: g.set('api-key-only') }),
      findings: [{ node: 'key_only', message: /protected by an API key only/, severity: 'medium' }],
    },
    {
      name: 'APIM subscription key',
      graph: apiWith('apim', { name: 'sub_key', ...get, authorization: g.set('subscription-key') }),
      findings: [{ node: 'sub_key', message: /protected by a subscription key only/, severity: 'medium' }],
    },
    {
      name: 'HTTP API route with authorization none (default)',
      graph: apiWith('http', { name: 'route', method: g.set('POST'), path: g.set('/orders'), authorization: g.byDefault('none') }),
      findings: [{ node: 'route', message: /^`route` \(POST \/orders\) requires no authorization/ }],
    },
    {
      name: 'WebSocket $connect without authorization',
      graph: apiWith('websocket', { name: 'connect', method: g.set('$connect'), path: g.set('$connect'), authorization: g.set('none') }),
      findings: [{ node: 'connect', message: /^`connect` \(\$connect\) requires no authorization/ }],
    },
    {
      name: 'ANY method on a REST proxy resource',
      graph: g.operation({ name: 'proxy', method: g.set('ANY'), path: g.set('/{proxy+}'), authorization: g.set('none') }),
      findings: [{ node: 'proxy', message: /\(ANY \/\{proxy\+\}\) requires no authorization/ }],
    },
    {
      name: 'an API with a restrictive resource policy is still flagged',
      graph: g.build((b) => {
        const api = b.node('api', {
          name: 'private_api',
          resourcePolicy: g.set({ statements: [{ effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], resources: ['*'], hasCondition: true }] }),
        });
        b.link(api, 'api-has-operation', b.node('api.operation', { name: 'open', ...get, authorization: g.set('none') }));
        b.link(api, 'api-has-operation', b.node('api.operation', { name: 'closed', ...get, authorization: g.set('iam') }));
      }),
      findings: [{ node: 'open', message: /requires no authorization/ }],
    },
  ],
  unknown: [
    { name: 'authorization from a variable', graph: g.operation({ ...get, authorization: g.unknown('var.authorization') }) },
    { name: 'no authorization but method unknown (could be OPTIONS)', graph: g.operation({ method: g.unknown('var.method'), authorization: g.set('none') }) },
    { name: 'WebSocket route key unknown', graph: apiWith('websocket', { method: g.unknown('var.route_key'), authorization: g.set('none') }) },
  ],
});
