import policy from '../../../policies/exposure/default-endpoint-bypass';
import type { Attr } from '../../../src/graph/attr';
import { g, policyTester, type GraphBuilder } from '../../helpers';

type Front = 'domain-on-api' | 'domain-on-stage' | 'cdn-on-api' | 'cdn-on-domain' | 'none';

/** API `orders` (stage `prod`) with this front, whose CDN (if any) is `cdnEnabled`. */
function build(defaultEndpointEnabled: Attr<boolean>, front: Front, cdnEnabled: Attr<boolean> = g.set(true)) {
  return g.build((b: GraphBuilder) => {
    const api = b.node('api', { name: 'orders', defaultEndpointEnabled });
    const stage = b.node('api.stage', { name: 'prod' });
    b.link(api, 'api-has-stage', stage);
    switch (front) {
      case 'domain-on-api':
        b.link(b.node('api.domain', { name: 'api.example.com' }), 'domain-serves', api);
        break;
      case 'domain-on-stage':
        b.link(b.node('api.domain', { name: 'api.example.com' }), 'domain-serves', stage);
        break;
      case 'cdn-on-api':
        b.link(b.node('edge.cdn', { name: 'front', enabled: cdnEnabled }), 'cdn-fronts', api);
        break;
      case 'cdn-on-domain': {
        const domain = b.node('api.domain', { name: 'api.example.com' });
        b.link(domain, 'domain-serves', stage);
        b.link(b.node('edge.cdn', { name: 'front', enabled: cdnEnabled }), 'cdn-fronts', domain);
        break;
      }
      case 'none':
        break;
    }
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'no front: nothing to bypass', graph: build(g.byDefault(true), 'none') },
    { name: 'no front and default endpoint unknown', graph: build(g.unknown('var.disable'), 'none') },
    { name: 'custom domain with default endpoint disabled', graph: build(g.set(false), 'domain-on-api') },
    { name: 'CDN with default endpoint disabled', graph: build(g.set(false), 'cdn-on-api') },
    { name: 'a disabled CDN serves nothing: nothing to bypass', graph: build(g.byDefault(true), 'cdn-on-api', g.set(false)) },
    {
      name: 'a CDN fronting another API does not concern this one',
      graph: g.build((b) => {
        b.node('api', { name: 'orders', defaultEndpointEnabled: g.byDefault(true) });
        b.link(b.node('edge.cdn', { name: 'front' }), 'cdn-fronts', b.node('api', { name: 'other', defaultEndpointEnabled: g.set(false) }));
      }),
    },
  ],
  invalid: [
    {
      name: 'custom domain on the API, default endpoint enabled by default',
      graph: build(g.byDefault(true), 'domain-on-api'),
      findings: [{ node: 'orders', message: /orders is served through custom domain api\.example\.com but its default endpoint stays enabled/ }],
    },
    {
      name: 'custom domain mapped to a stage, default endpoint explicitly enabled',
      graph: build(g.set(true), 'domain-on-stage'),
      findings: [{ node: 'orders', message: /custom domain api\.example\.com.*bypass/ }],
    },
    { name: 'CDN on the API', graph: build(g.byDefault(true), 'cdn-on-api'), findings: [{ node: 'orders', message: /through CDN front but/ }] },
    {
      name: 'a disabled CDN in front of a custom domain: the domain is still bypassed',
      graph: build(g.byDefault(true), 'cdn-on-domain', g.set(false)),
      findings: [{ node: 'orders', message: /through custom domain api\.example\.com but/ }],
    },
    {
      name: 'a custom domain decides when the CDN in front may be disabled',
      graph: build(g.byDefault(true), 'cdn-on-domain', g.unknown('var.cdn_enabled')),
      findings: [{ node: 'orders', message: /through custom domain api\.example\.com but/ }],
    },
    {
      name: 'CDN in front of a custom domain names both',
      graph: build(g.byDefault(true), 'cdn-on-domain'),
      findings: [{ node: 'orders', message: /through custom domain api\.example\.com, CDN front but/ }],
    },
    {
      name: 'the message names the domain by its hostname',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', defaultEndpointEnabled: g.byDefault(true) });
        b.link(b.node('api.domain', { name: 'orders_domain', hostname: g.set('orders.example.com') }), 'domain-serves', api);
      }),
      findings: [{ node: 'orders', message: /through custom domain orders\.example\.com but/ }],
    },
  ],
  unknown: [
    { name: 'front present, default endpoint unknown', graph: build(g.unknown('var.disable'), 'cdn-on-api') },
    {
      name: 'only a CDN whose enabled is not known, default endpoint enabled',
      graph: build(g.byDefault(true), 'cdn-on-api', g.unknown('var.cdn_enabled')),
      message: /orders keeps its default endpoint enabled beside CDN front, but whether CDN front is enabled is not known statically \(var\.cdn_enabled\)/,
    },
  ],
});
