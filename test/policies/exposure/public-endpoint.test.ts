import policy from '../../../policies/exposure/public-endpoint';
import type { Attr } from '../../../src/graph/attr';
import type { ApiAttrs, Authorization } from '../../../src/graph/kinds';
import { g, policyTester, type GraphBuilder } from '../../helpers';

interface Shape {
  readonly api?: Partial<ApiAttrs>;
  readonly auth?: Attr<Authorization>[];
  readonly waf?: 'blocking' | 'detection' | 'unknown';
}

/** API `orders` with stage `prod`, one route per `auth` entry, and optionally a WAF on the stage. */
function build(shape: Shape, extra?: (b: GraphBuilder, api: { id: string }) => void) {
  return g.build((b) => {
    const api = b.node('api', { name: 'orders', endpointType: g.byDefault('edge'), defaultEndpointEnabled: g.byDefault(true), ...shape.api });
    const stage = b.node('api.stage', { name: 'prod' });
    b.link(api, 'api-has-stage', stage);
    (shape.auth ?? []).forEach((authorization, i) => b.link(api, 'api-has-operation', b.node('api.operation', { name: `route${i}`, authorization })));
    if (shape.waf) {
      const mode = shape.waf === 'unknown' ? g.unknown('var.mode') : g.set<'prevention' | 'detection'>(shape.waf === 'blocking' ? 'prevention' : 'detection');
      const waf = b.node('edge.waf', { name: 'acl', mode, defaultAction: g.set('block') });
      b.link(waf, 'waf-protects', stage);
    }
    extra?.(b, api);
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'private REST API', graph: build({ api: { endpointType: g.set('private') }, auth: [g.set('none')] }) },
    { name: 'internal APIM/ingress API', graph: build({ api: { endpointType: g.set('internal') } }) },
    { name: 'regional API with default endpoint off and nothing in front', graph: build({ api: { endpointType: g.set('regional'), defaultEndpointEnabled: g.set(false) }, auth: [g.set('none')] }) },
    {
      name: 'default endpoint off and only a disabled CDN in front',
      graph: build({ api: { endpointType: g.set('regional'), defaultEndpointEnabled: g.set(false) }, auth: [g.set('none')] }, (b, api) => {
        b.link(b.node('edge.cdn', { name: 'front', enabled: g.set(false) }), 'cdn-fronts', api);
      }),
    },
  ],
  invalid: [
    {
      name: 'edge API, no auth, no WAF: high',
      graph: build({ auth: [g.set('none'), g.byDefault('none')] }),
      findings: [{ node: 'orders', severity: 'high', message: /orders is reachable from the internet \(edge endpoint, through its default endpoint\) without authentication on any route and without a blocking WAF on any stage$/ }],
    },
    {
      name: 'API key alone is not authentication: high',
      graph: build({ api: { endpointType: g.set('regional') }, auth: [g.set('api-key-only')] }),
      findings: [{ node: 'orders', severity: 'high', message: /regional endpoint.*without authentication/ }],
    },
    {
      name: 'authenticated, no WAF: medium',
      graph: build({ auth: [g.set('none'), g.set('cognito')] }),
      findings: [{ node: 'orders', severity: 'medium', message: /without a blocking WAF on any stage$/ }],
    },
    {
      name: 'WAF but no auth: medium',
      graph: build({ auth: [g.set('none')], waf: 'blocking' }),
      findings: [{ node: 'orders', severity: 'medium', message: /without authentication on any route$/ }],
    },
    {
      name: 'detection-only WAF counts as none: high',
      graph: build({ auth: [g.set('none')], waf: 'detection' }),
      findings: [{ node: 'orders', severity: 'high', message: /without a blocking WAF/ }],
    },
    {
      name: 'authenticated and WAF: informational',
      graph: build({ auth: [g.set('jwt')], waf: 'blocking' }),
      findings: [{ node: 'orders', severity: 'info', message: /orders is reachable from the internet \(edge endpoint, through its default endpoint\)$/ }],
    },
    {
      name: 'default endpoint off but served through a custom domain',
      graph: build({ api: { endpointType: g.set('regional'), defaultEndpointEnabled: g.set(false) }, auth: [g.set('iam')] }, (b, api) => {
        b.link(b.node('api.domain', { name: 'api.example.com' }), 'domain-serves', api);
      }),
      findings: [{ node: 'orders', severity: 'medium', message: /through custom domain api\.example\.com\)/ }],
    },
    {
      name: 'a hostname served by two listeners (Gateway HTTP and HTTPS) is named once',
      graph: build({ api: { endpointType: g.set('regional'), defaultEndpointEnabled: g.set(false) }, auth: [g.set('iam')] }, (b, api) => {
        b.link(b.node('api.domain', { name: 'gw[http]', hostname: g.set('*.example.com') }), 'domain-serves', api);
        b.link(b.node('api.domain', { name: 'gw[https]', hostname: g.set('*.example.com') }), 'domain-serves', api);
      }),
      findings: [{ node: 'orders', severity: 'medium', message: /\(regional endpoint, through custom domain \*\.example\.com\) without/ }],
    },
    {
      name: 'default endpoint unknown but a CDN fronts it',
      graph: build({ api: { defaultEndpointEnabled: g.unknown('var.disable') }, auth: [g.set('lambda')], waf: 'blocking' }, (b, api) => {
        b.link(b.node('edge.cdn', { name: 'front', enabled: g.set(true) }), 'cdn-fronts', api);
      }),
      findings: [{ node: 'orders', severity: 'info', message: /through CDN front\)/ }],
    },
    {
      name: 'a disabled CDN is no way in, and its WAF protects nothing',
      graph: build({ api: { endpointType: g.set('regional') }, auth: [g.set('cognito')] }, (b, api) => {
        const cdn = b.node('edge.cdn', { name: 'front', enabled: g.set(false) });
        b.link(cdn, 'cdn-fronts', api);
        b.link(b.node('edge.waf', { name: 'edge', mode: g.set('prevention'), defaultAction: g.set('block') }), 'waf-protects', cdn);
      }),
      findings: [{ node: 'orders', severity: 'medium', message: /\(regional endpoint, through its default endpoint\) without a blocking WAF on any stage$/ }],
    },
    {
      name: 'a CDN whose enabled is not known is a way in only if it is enabled',
      graph: build({ api: { endpointType: g.set('regional') }, auth: [g.set('cognito')] }, (b, api) => {
        b.link(b.node('edge.cdn', { name: 'front', enabled: g.unknown('var.cdn_enabled') }), 'cdn-fronts', api);
      }),
      findings: [{ node: 'orders', severity: 'medium', message: /through its default endpoint, CDN front if it is enabled\) without a blocking WAF/ }],
    },
    {
      name: 'unknown authorization does not raise the severity',
      graph: build({ auth: [g.unknown('var.auth')] }),
      findings: [{ node: 'orders', severity: 'medium', message: /without a blocking WAF on any stage \(authentication not verifiable statically\)/ }],
    },
    {
      name: 'no routes in the graph: authentication cannot be told',
      graph: build({ waf: 'unknown' }),
      findings: [{ node: 'orders', severity: 'info', message: /\(authentication and WAF not verifiable statically\)/ }],
    },
  ],
  unknown: [
    { name: 'endpoint type from a variable', graph: build({ api: { endpointType: g.unknown('var.type') } }) },
    { name: 'default endpoint unknown and nothing in front', graph: build({ api: { defaultEndpointEnabled: g.unknown('var.disable') } }) },
    {
      name: 'default endpoint off and only a CDN whose enabled is not known in front',
      graph: build({ api: { endpointType: g.set('regional'), defaultEndpointEnabled: g.set(false) }, auth: [g.set('none')] }, (b, api) => {
        b.link(b.node('edge.cdn', { name: 'front', enabled: g.unknown('var.cdn_enabled') }), 'cdn-fronts', api);
      }),
      message: /Cannot tell whether API orders is reachable: only a CDN may serve it, and whether CDN front is enabled is not known statically \(var\.cdn_enabled\)/,
    },
  ],
});
