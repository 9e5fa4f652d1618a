import policy from '../../../policies/api-management/waf-protection';
import type { ApiFlavor, AttrsByKind, EndpointType } from '../../../src/graph/kinds';
import type { Attr } from '../../../src/graph/attr';
import { g, policyTester, type GraphBuilder } from '../../helpers';

const blocking: Partial<AttrsByKind['edge.waf']> = {
  mode: g.set('prevention'), defaultAction: g.set('allow'), ruleCount: g.set(1), managedRuleGroups: g.set(['AWSManagedRulesCommonRuleSet']), rateBasedRules: g.set(0),
};

function api(b: GraphBuilder, flavor: ApiFlavor = 'rest', endpointType: Attr<EndpointType> = g.byDefault('edge')) {
  const rest = b.node('api', { name: 'orders', flavor, endpointType });
  const stage = b.node('api.stage', { name: 'prod' });
  b.link(rest, 'api-has-stage', stage);
  return { rest, stage };
}

/** A REST stage behind a CDN with this `enabled`, which carries a blocking WAF. */
function behindCdn(enabled: Attr<boolean>) {
  return g.build((b) => {
    const { rest } = api(b, 'rest', g.byDefault('regional'));
    const cdn = b.node('edge.cdn', { name: 'front', enabled });
    b.link(cdn, 'cdn-fronts', rest);
    b.link(b.node('edge.waf', { name: 'edge', ...blocking }), 'waf-protects', cdn);
  });
}

/** A stage whose only WAF (attached to the stage) has these attributes. */
function wafOnStage(attrs: Partial<AttrsByKind['edge.waf']>) {
  return g.build((b) => {
    const { stage } = api(b);
    b.link(b.node('edge.waf', { name: 'acl', ...attrs }), 'waf-protects', stage);
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'blocking WAF on the stage', graph: wafOnStage(blocking) },
    { name: 'WAF with default block and no rules', graph: wafOnStage({ ...blocking, defaultAction: g.set('block'), ruleCount: g.set(0), managedRuleGroups: g.set([]) }) },
    { name: 'WAF with only a rate-based rule', graph: wafOnStage({ ...blocking, ruleCount: g.unknown('dynamic'), managedRuleGroups: g.set([]), rateBasedRules: g.set(1) }) },
    {
      name: 'blocking WAF on the API',
      graph: g.build((b) => {
        const { rest } = api(b);
        b.link(b.node('edge.waf', { name: 'acl', ...blocking }), 'waf-protects', rest);
      }),
    },
    {
      name: 'HTTP API behind CloudFront with a blocking WAF',
      graph: g.build((b) => {
        const { rest } = api(b, 'http', g.byDefault('regional'));
        const cdn = b.node('edge.cdn', { name: 'front', enabled: g.set(true) });
        b.link(cdn, 'cdn-fronts', rest);
        b.link(b.node('edge.waf', { name: 'edge', ...blocking }), 'waf-protects', cdn);
      }),
    },
    {
      name: 'CloudFront in front of the custom domain, WAF on CloudFront',
      graph: g.build((b) => {
        const { stage } = api(b);
        const domain = b.node('api.domain', { name: 'api.example.com' });
        b.link(domain, 'domain-serves', stage);
        const cdn = b.node('edge.cdn', { name: 'front', enabled: g.set(true) });
        b.link(cdn, 'cdn-fronts', domain);
        b.link(b.node('edge.waf', { name: 'edge', ...blocking }), 'waf-protects', cdn);
      }),
    },
    {
      name: 'a detection-only WAF next to a blocking one',
      graph: g.build((b) => {
        const { stage, rest } = api(b);
        b.link(b.node('edge.waf', { name: 'count', ...blocking, mode: g.set('detection') }), 'waf-protects', stage);
        b.link(b.node('edge.waf', { name: 'block', ...blocking }), 'waf-protects', rest);
      }),
    },
    { name: 'a blocking WAF on an enabled CloudFront distribution', graph: behindCdn(g.byDefault(true)) },
    { name: 'private API without WAF', graph: g.build((b) => api(b, 'rest', g.set('private'))) },
    { name: 'private API with an unknown WAF', graph: g.build((b) => {
      const { stage } = api(b, 'rest', g.set('private'));
      b.link(b.node('edge.waf', { name: 'acl' }), 'waf-protects', stage);
    }) },
  ],
  invalid: [
    { name: 'public REST stage without WAF', graph: g.build((b) => api(b)), findings: [{ node: 'prod', message: /prod has no WAF in front of it \(none on the stage/ }] },
    {
      name: 'HTTP API without WAF: tells to use CloudFront',
      graph: g.build((b) => api(b, 'http', g.byDefault('regional'))),
      findings: [{ node: 'prod', message: /HTTP API orders cannot be associated with a web ACL: front it with CloudFront and a WAF/ }],
    },
    {
      name: 'WebSocket API without WAF',
      graph: g.build((b) => api(b, 'websocket', g.byDefault('regional'))),
      findings: [{ node: 'prod', message: /WebSocket API orders cannot be associated/ }],
    },
    {
      name: 'detection-only WAF does not count',
      graph: wafOnStage({ ...blocking, mode: g.set('detection') }),
      findings: [{ node: 'prod', message: /WAF acl is in detection mode.*on prod/ }],
    },
    {
      name: 'WAF with no rules and default allow does not count',
      graph: wafOnStage({ ...blocking, ruleCount: g.set(0), managedRuleGroups: g.set([]), rateBasedRules: g.set(0) }),
      findings: [{ node: 'prod', message: /WAF acl has no rules and allows by default/ }],
    },
    {
      name: 'WAF on a CDN that fronts another API does not protect this one',
      graph: g.build((b) => {
        api(b);
        const other = b.node('api', { name: 'other', endpointType: g.byDefault('edge') });
        const cdn = b.node('edge.cdn', { name: 'front', enabled: g.set(true) });
        b.link(cdn, 'cdn-fronts', other);
        b.link(b.node('edge.waf', { name: 'edge', ...blocking }), 'waf-protects', cdn);
      }),
      findings: [{ node: 'prod', message: /no WAF/ }],
    },
    {
      name: 'a blocking WAF on a disabled CloudFront distribution: it serves nothing',
      graph: behindCdn(g.set(false)),
      findings: [{ node: 'prod', message: /prod has no WAF in front of it \(none on the stage, its API, a custom domain, or an enabled CDN/ }],
    },
    {
      name: 'stage of an HTTP or WebSocket API not in the scan, without WAF: those APIs are never private',
      graph: g.stage({ name: 'lonely' }),
      findings: [{ node: 'lonely', message: /lonely has no WAF/ }],
    },
  ],
  unknown: [
    { name: 'endpoint type unknown and no WAF', graph: g.build((b) => api(b, 'rest', g.unknown('var.endpoint'))) },
    { name: 'WAF mode unknown', graph: wafOnStage({ ...blocking, mode: g.unknown('var.mode') }) },
    {
      name: 'a blocking WAF on a CDN whose enabled is not known statically',
      graph: behindCdn(g.unknown('var.cdn_enabled')),
      message: /WAF edge blocks, but whether CDN front is enabled is not known statically \(var\.cdn_enabled\)/,
    },
    {
      name: 'a WAF Classic ACL on the stage: its rules are not modelled',
      graph: wafOnStage({
        mode: g.unknown('web_acl_id names a WAF Classic web ACL, which is not modelled: its rules are not judged'), defaultAction: g.unknown('classic'),
        ruleCount: g.unknown('classic'), managedRuleGroups: g.unknown('classic'), rateBasedRules: g.unknown('classic'),
      }),
      message: /Cannot tell whether a WAF blocks traffic to stage prod: .*names a WAF Classic web ACL, which is not modelled/,
    },
    { name: 'WAF default action unknown and no rules', graph: wafOnStage({ ...blocking, mode: g.set('prevention'), defaultAction: g.unknown('var.action'), ruleCount: g.set(0), managedRuleGroups: g.set([]) }) },
    { name: 'WAF rules unknown with default allow', graph: wafOnStage({ ...blocking, ruleCount: g.unknown('dynamic'), managedRuleGroups: g.unknown('dynamic'), rateBasedRules: g.set(0) }) },
    {
      name: 'REST stage whose API is not in the scan, without WAF: the API may be private',
      graph: g.stage({ name: 'lonely', apiFlavor: 'rest' }),
      message: /lonely has no blocking WAF in front of it, but its API is not in the scan, so whether it is private/,
    },
    {
      name: 'REST stage whose API is not in the scan, with a detection-only WAF',
      graph: g.build((b) => {
        const stage = b.node('api.stage', { name: 'lonely', apiFlavor: 'rest' });
        b.link(b.node('edge.waf', { name: 'acl', ...blocking, mode: g.set('detection') }), 'waf-protects', stage);
      }),
    },
  ],
});
