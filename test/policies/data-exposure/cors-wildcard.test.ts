import policy from '../../../policies/data-exposure/cors-wildcard';
import type { Attr } from '../../../src/graph/attr';
import type { Authorization, CorsConfig } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

const cors = (allowOrigins: string[], allowCredentials = false) => g.set<CorsConfig | null>({ allowOrigins, allowCredentials });

/** An API with the given CORS and one operation per authorization. */
function apiWith(corsAttr: Attr<CorsConfig | null>, ...authorizations: Attr<Authorization>[]) {
  return g.build((b) => {
    const api = b.node('api', { name: 'orders', flavor: 'http', cors: corsAttr });
    for (const authorization of authorizations) b.link(api, 'api-has-operation', b.node('api.operation', { authorization }));
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'no CORS at the gateway', graph: g.api({ cors: g.byDefault(null) }) },
    { name: 'named origin with credentials', graph: apiWith(cors(['https://app.example.com'], true), g.set('jwt')) },
    { name: 'subdomain pattern is not any origin', graph: apiWith(cors(['https://*.example.com'], true), g.set('jwt')) },
    { name: 'any origin on a public API without credentials', graph: apiWith(cors(['*']), g.set('none'), g.byDefault('none')) },
    { name: 'any origin on an API with no operations in the scan', graph: apiWith(cors(['*'])) },
  ],
  invalid: [
    {
      name: 'any origin with credentials is high',
      graph: apiWith(cors(['*'], true), g.set('none')),
      findings: [{ node: 'orders', message: /^`orders` allows any origin \(`\*`\) with credentials$/, severity: 'high' }],
    },
    {
      name: 'https://* pattern with credentials (origin reflected) is high',
      graph: apiWith(cors(['https://app.example.com', 'https://*'], true)),
      findings: [{ node: 'orders', message: /any origin \(`https:\/\/\*`\) with credentials/, severity: 'high' }],
    },
    {
      name: 'null origin with credentials is high',
      graph: apiWith(cors(['null'], true)),
      findings: [{ node: 'orders', message: /`null`/, severity: 'high' }],
    },
    {
      name: 'any origin on an authenticated API is medium',
      graph: apiWith(cors(['*']), g.set('jwt'), g.set('none')),
      findings: [{ node: 'orders', message: /allows any origin \(`\*`\) although 1 of its 2 operations requires credentials/, severity: 'medium' }],
    },
    {
      name: 'any origin on an API-key API is medium',
      graph: apiWith(cors(['*']), g.set('api-key-only')),
      findings: [{ node: 'orders', message: /1 of its 1 operations/, severity: 'medium' }],
    },
    {
      name: 'authenticated operations decide even when others are unknown',
      graph: apiWith(cors(['*']), g.set('iam'), g.unknown('var.auth')),
      findings: [{ node: 'orders', message: /1 of its 2 operations/, severity: 'medium' }],
    },
    {
      name: 'several authenticated operations',
      graph: apiWith(cors(['*']), g.set('iam'), g.set('jwt')),
      findings: [{ node: 'orders', message: /2 of its 2 operations require credentials$/, severity: 'medium' }],
    },
  ],
  unknown: [
    { name: 'cors from a variable', graph: g.api({ cors: g.unknown('var.cors') }) },
    { name: 'any origin, operation authorization unknown', graph: apiWith(cors(['*']), g.unknown('var.auth'), g.set('none')) },
  ],
});
