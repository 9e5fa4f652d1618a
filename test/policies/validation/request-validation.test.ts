import policy from '../../../policies/validation/request-validation';
import type { Attr } from '../../../src/graph/attr';
import type { ApiFlavor, RequestValidation } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

function op(method: Attr<string>, validation: Attr<RequestValidation>, requiredParameters?: Attr<readonly string[]>, flavor: ApiFlavor = 'rest', name = 'op') {
  return g.build((b) => {
    const api = b.node('api', { name: 'orders', flavor });
    const operation = b.node('api.operation', {
      name, method, path: g.set('/orders'), requestValidation: validation, ...(requiredParameters && { requiredParameters }),
    });
    b.link(api, 'api-has-operation', operation);
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'POST with a full validator', graph: op(g.set('POST'), g.set('full')) },
    { name: 'PUT with a body validator', graph: op(g.set('PUT'), g.set('body')) },
    { name: 'GET without known parameters', graph: op(g.set('GET'), g.byDefault('none')) },
    { name: 'GET with only optional parameters', graph: op(g.set('GET'), g.byDefault('none'), g.set([])) },
    { name: 'GET with required parameters and a params validator', graph: op(g.set('GET'), g.set('params'), g.set(['query:q'])) },
    { name: 'OPTIONS preflight', graph: op(g.set('OPTIONS'), g.byDefault('none')) },
    { name: 'HTTP API routes cannot validate', graph: op(g.set('POST'), g.byDefault('none'), undefined, 'http') },
    { name: 'WebSocket routes', graph: op(g.set('$default'), g.byDefault('none'), undefined, 'websocket') },
    { name: 'GET with unknown validation but no parameters', graph: op(g.set('GET'), g.unknown('var.validator')) },
  ],
  invalid: [
    { name: 'POST without validator', graph: op(g.set('POST'), g.byDefault('none'), undefined, 'rest', 'create'), findings: [{ node: 'create', message: /\(POST \/orders\) does not validate its request body \(no request validator\)/ }] },
    { name: 'ANY with a params-only validator', graph: op(g.set('ANY'), g.set('params')), findings: [{ node: 'op', message: /does not validate its request body \(its validator checks parameters only\)/ }] },
    { name: 'lower-case patch', graph: op(g.set('patch'), g.set('none')), findings: [{ node: 'op', message: /request body/ }] },
    {
      name: 'GET with a required query string and no validator',
      graph: op(g.set('GET'), g.byDefault('none'), g.set(['query:q', 'header:X-Tenant'])),
      findings: [{ node: 'op', message: /does not validate its required parameters \(query:q, header:X-Tenant\)/ }],
    },
    {
      name: 'POST with required parameters and a body-only validator',
      graph: op(g.set('POST'), g.set('body'), g.set(['header:X-Tenant'])),
      findings: [{ node: 'op', message: /required parameters \(header:X-Tenant\) \(its validator checks the body only\)/ }],
    },
  ],
  unknown: [
    { name: 'method unknown', graph: op(g.unknown('var.method'), g.byDefault('none')) },
    { name: 'POST with unknown validator', graph: op(g.set('POST'), g.unknown('var.validator_id')) },
    { name: 'GET with parameters that cannot be resolved', graph: op(g.set('GET'), g.byDefault('none'), g.unknown('$ref')) },
  ],
});
