import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { CdnAttrs, DomainAttrs, EndpointType, WafAttrs } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TlsVersion } from '../../../src/graph/tls';
import type { TfAttribute, TfBody, TfResource } from '../model';
import { azureNode, serviceHostNames } from './azurerm-api-management';
import { API, SERVICE, type ApimEstate } from './azurerm-apim-estate';
import { asBool, asString, attribute, knownString, readAttr, readBlocks } from './read-attr';
import { edge, emptyResult, type AdaptResult } from './terraform-node';

// https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway
const APP_GATEWAY = 'azurerm_application_gateway';
const APPGW_WAF_POLICY = 'azurerm_web_application_firewall_policy';
// https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_frontdoor_origin (and _profile, _route, ...)
const FD_PROFILE = 'azurerm_cdn_frontdoor_profile';
const FD_ORIGIN_GROUP = 'azurerm_cdn_frontdoor_origin_group';
const FD_ORIGIN = 'azurerm_cdn_frontdoor_origin';
const FD_ENDPOINT = 'azurerm_cdn_frontdoor_endpoint';
const FD_ROUTE = 'azurerm_cdn_frontdoor_route';
const FD_SECURITY_POLICY = 'azurerm_cdn_frontdoor_security_policy';
const FD_FIREWALL_POLICY = 'azurerm_cdn_frontdoor_firewall_policy';

/** The listener / endpoint side of a front: the TLS endpoint clients connect to. */
const LISTENER_SUFFIX = '#listener';
const INLINE_WAF_SUFFIX = '#waf';

/**
 * What sits in front of API Management: Application Gateway (with a WAF policy or an inline `waf_configuration`)
 * and Front Door Standard/Premium (with a security policy naming a firewall policy). Each is an `edge.cdn` that
 * `cdn-fronts` the APIs of the service its backends or origins point at, plus an `api.domain` for its own listener.
 */
export function adaptAzureFronts(estate: ApimEstate): AdaptResult {
  const result = emptyResult();
  for (const policy of estate.linker.ofType(APPGW_WAF_POLICY)) result.nodes.push(azureNode(estate.linker, policy, 'edge.waf', appGatewayWafAttrs(policy)));
  for (const policy of estate.linker.ofType(FD_FIREWALL_POLICY)) result.nodes.push(azureNode(estate.linker, policy, 'edge.waf', frontDoorWafAttrs(policy)));
  for (const gateway of estate.linker.ofType(APP_GATEWAY)) adaptAppGateway(estate, gateway, result);
  for (const profile of estate.linker.ofType(FD_PROFILE)) adaptFrontDoor(estate, profile, result);
  return result;
}

function adaptAppGateway(estate: ApimEstate, gateway: TfResource, result: AdaptResult): void {
  const body = gateway.body;
  const settings = blocksOf(body, 'backend_http_settings');
  const internetFacing = hasPublicFrontend(body, gateway.source);
  const cdn = azureNode(estate.linker, gateway, 'edge.cdn', {
    originProtocol: weakestProtocol(routed(body, 'backend_http_settings').map((s) => readAttr(s, 'protocol', asString)), gateway.source),
    enabled: byDefault(true, gateway.source),
    internetFacing,
  });
  const listener = azureNode(estate.linker, gateway, 'api.domain', appGatewayListener(gateway, frontendType(internetFacing)), LISTENER_SUFFIX);
  result.nodes.push(cdn, listener);
  result.edges.push(edge(listener.id, 'domain-serves', cdn.id));
  const hosts = [
    ...blocksOf(body, 'backend_address_pool').flatMap((pool) => [attribute(pool, 'fqdns')]),
    ...settings.map((s) => attribute(s, 'host_name')),
  ];
  for (const api of frontedApis(estate, hosts)) result.edges.push(edge(cdn.id, 'cdn-fronts', api));
  for (const waf of estate.linker.ids(attribute(body, 'firewall_policy_id'), [APPGW_WAF_POLICY])) result.edges.push(edge(waf, 'waf-protects', cdn.id));
  const inline = blocksOf(body, 'waf_configuration')[0];
  if (inline) {
    const mode = readAttr(inline, 'firewall_mode', (v) => WAF_MODES[asString(v)?.toLowerCase() ?? '']);
    const enabled = readAttr(inline, 'enabled', asBool);
    const waf = azureNode(estate.linker, gateway, 'edge.waf', {
      defaultAction: byDefault('allow', inline.source),
      managedRuleGroups: readAttr(inline, 'rule_set_type', (v) => [asString(v) ?? 'OWASP'], { value: ['OWASP'], source: inline.source }),
      rateBasedRules: byDefault(0, inline.source),
      ruleCount: byDefault(0, inline.source),
      mode: enabled.state !== 'unknown' && !enabled.value ? set('detection', enabled.source ?? inline.source) : mode,
    }, INLINE_WAF_SUFFIX);
    result.nodes.push(waf);
    result.edges.push(edge(waf.id, 'waf-protects', cdn.id));
  }
}

const WAF_MODES: Readonly<Record<string, 'prevention' | 'detection'>> = { prevention: 'prevention', detection: 'detection' };

/** The listener's endpoint type: external with a public frontend IP, internal with private ones only. */
function frontendType(internetFacing: Attr<boolean>): Attr<EndpointType> {
  return internetFacing.state === 'unknown' ? internetFacing : { ...internetFacing, value: internetFacing.value ? 'external' : 'internal' };
}

/** A `frontend_ip_configuration` with a `public_ip_address_id` takes requests from the internet; private IPs only do not. */
function hasPublicFrontend(body: TfBody, fallback: FileSource): Attr<boolean> {
  const frontends = readBlocks(body, 'frontend_ip_configuration');
  if (frontends.state === 'unknown') return unknown(frontends.expr, frontends.source);
  const publicOne = frontends.blocks.find((f) => attribute(f, 'public_ip_address_id'));
  return publicOne ? set(true, publicOne.source) : byDefault(frontends.blocks.length === 0, fallback);
}

/**
 * Predefined SSL policies and their oldest protocol: https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-ssl-policy-overview
 * Without `ssl_policy` the default depends on the API version the provider uses (20150501, TLS 1.0, before 2023-02-01; 20220101 after).
 */
const APPGW_POLICIES: Readonly<Record<string, TlsVersion>> = {
  AppGwSslPolicy20150501: '1.0', AppGwSslPolicy20170401: '1.1', AppGwSslPolicy20170401S: '1.2', AppGwSslPolicy20220101: '1.2', AppGwSslPolicy20220101S: '1.2',
};
const MIN_PROTOCOLS: Readonly<Record<string, TlsVersion>> = { TLSv1_0: '1.0', TLSv1_1: '1.1', TLSv1_2: '1.2', TLSv1_3: '1.3' };

/**
 * The `http_listener` / `backend_http_settings` blocks that routing rules use (`request_routing_rule`, and for
 * backend settings the `url_path_map`s rules point at): one nothing names takes or sends no request. All of them when
 * the rules, or a name they give, are not known statically; a block whose own name is not known may be the one named.
 */
function routed(body: TfBody, block: 'http_listener' | 'backend_http_settings'): readonly TfBody[] {
  const all = blocksOf(body, block);
  const rules = readBlocks(body, 'request_routing_rule');
  const maps = block === 'backend_http_settings' ? readBlocks(body, 'url_path_map') : undefined;
  if (rules.state === 'unknown' || maps?.state === 'unknown') return all;
  const namers: [TfBody, string][] = block === 'http_listener'
    ? rules.blocks.map((rule) => [rule, 'http_listener_name'])
    : [
      ...rules.blocks.map((rule): [TfBody, string] => [rule, 'backend_http_settings_name']),
      ...(maps?.blocks ?? []).flatMap((map): [TfBody, string][] => [[map, 'default_backend_http_settings_name'], ...blocksOf(map, 'path_rule').map((rule): [TfBody, string] => [rule, 'backend_http_settings_name'])]),
    ];
  const named = new Set<string>();
  for (const [namer, attr] of namers) {
    if (!attribute(namer, attr)) continue;
    const name = knownString(namer, attr);
    if (name === undefined) return all;
    named.add(name);
  }
  return all.filter((b) => {
    const name = knownString(b, 'name');
    return name === undefined || named.has(name);
  });
}

function appGatewayListener(gateway: TfResource, endpointType: Attr<EndpointType>): DomainAttrs {
  const body = gateway.body;
  const listeners = routed(body, 'http_listener');
  const policy = blocksOf(body, 'ssl_policy')[0];
  let securityPolicy: Attr<string> = unknown('ssl_policy is not set: the default depends on the Application Gateway API version', gateway.source);
  let minTls: Attr<TlsVersion> = securityPolicy;
  if (policy) {
    const name = readAttr(policy, 'policy_name', asString);
    const min = readAttr(policy, 'min_protocol_version', asString);
    securityPolicy = name.state === 'set' ? name : min;
    const source = name.state === 'set' ? name : min;
    minTls = source.state === 'unknown' ? source : (() => {
      const version = (name.state === 'set' ? APPGW_POLICIES : MIN_PROTOCOLS)[source.value];
      return version === undefined ? unknown(`unrecognised SSL policy ${source.value}`, source.source) : set(version, source.source);
    })();
  }
  const redirected = new Set(blocksOf(body, 'request_routing_rule').filter((r) => attribute(r, 'redirect_configuration_name')).map((r) => knownString(r, 'http_listener_name')));
  const plain = listeners.find((l) => knownString(l, 'protocol')?.toLowerCase() === 'http' && !redirected.has(knownString(l, 'name')));
  const host = listeners.map((l) => knownString(l, 'host_name')).find((h) => h !== undefined);
  return {
    hostname: host !== undefined ? set(host, gateway.source) : byDefault('application gateway frontend IP', gateway.source),
    minTlsVersion: minTls,
    securityPolicy,
    weakCiphers: byDefault([], gateway.source),
    allowsPlainHttp: plain ? set(true, plain.source) : byDefault(false, gateway.source),
    mutualTls: byDefault(false, gateway.source),
    endpointType,
  };
}

/** `policy_settings { enabled (true), mode (Prevention) }`, managed rule sets and custom rules. */
function appGatewayWafAttrs(policy: TfResource): WafAttrs {
  const body = policy.body;
  const settings = blocksOf(body, 'policy_settings')[0];
  const enabled = settings ? readAttr(settings, 'enabled', asBool, { value: true, source: settings.source }) : byDefault(true, policy.source);
  const mode = settings ? readAttr<'prevention' | 'detection'>(settings, 'mode', (v) => WAF_MODES[asString(v)?.toLowerCase() ?? ''], { value: 'prevention', source: settings.source }) : byDefault<'prevention' | 'detection'>('prevention', policy.source);
  const managed = blocksOf(blocksOf(body, 'managed_rules')[0], 'managed_rule_set').map((s) => `${knownString(s, 'type') ?? 'OWASP'} ${knownString(s, 'version') ?? ''}`.trim());
  const custom = blocksOf(body, 'custom_rules');
  return wafAttrs(enabled, mode, managed, custom, policy.source);
}

/** Front Door firewall policies: `mode` is required, `enabled` defaults to true. */
function frontDoorWafAttrs(policy: TfResource): WafAttrs {
  const body = policy.body;
  const enabled = readAttr(body, 'enabled', asBool, { value: true, source: policy.source });
  const mode = readAttr(body, 'mode', (v) => WAF_MODES[asString(v)?.toLowerCase() ?? '']);
  const managed = blocksOf(body, 'managed_rule').map((r) => `${knownString(r, 'type') ?? '?'} ${knownString(r, 'version') ?? ''}`.trim());
  return wafAttrs(enabled, mode, managed, blocksOf(body, 'custom_rule'), policy.source);
}

function wafAttrs(enabled: Attr<boolean>, mode: Attr<'prevention' | 'detection'>, managed: readonly string[], custom: readonly TfBody[], at: FileSource): WafAttrs {
  return {
    // Requests no rule matches are let through.
    defaultAction: byDefault('allow', at),
    managedRuleGroups: managed.length > 0 ? set(managed, at) : byDefault([], at),
    rateBasedRules: set(custom.filter((r) => knownString(r, 'rule_type') === 'RateLimitRule' || knownString(r, 'type') === 'RateLimitRule').length, at),
    ruleCount: set(custom.length, at),
    // A disabled policy inspects nothing: it blocks as little as one in detection mode.
    mode: enabled.state === 'unknown' ? enabled : enabled.value ? mode : set('detection', enabled.source ?? at),
  };
}

function adaptFrontDoor(estate: ApimEstate, profile: TfResource, result: AdaptResult): void {
  const { linker } = estate;
  const inProfile = (r: TfResource, attr: string) => linker.targets(attribute(r.body, attr), [FD_PROFILE]).includes(profile);
  const groups = linker.ofType(FD_ORIGIN_GROUP).filter((g) => inProfile(g, 'cdn_frontdoor_profile_id'));
  const origins = linker.ofType(FD_ORIGIN).filter((o) => linker.targets(attribute(o.body, 'cdn_frontdoor_origin_group_id'), [FD_ORIGIN_GROUP]).some((g) => groups.includes(g)));
  const endpoints = linker.ofType(FD_ENDPOINT).filter((e) => inProfile(e, 'cdn_frontdoor_profile_id'));
  const routes = linker.ofType(FD_ROUTE).filter((r) => linker.targets(attribute(r.body, 'cdn_frontdoor_endpoint_id'), [FD_ENDPOINT]).some((e) => endpoints.includes(e)));
  // forwarding_protocol defaults to MatchRequest; https_redirect_enabled to true.
  const cdn = azureNode(estate.linker, profile, 'edge.cdn', {
    originProtocol: weakestProtocol(routes.map((r) => readAttr(r.body, 'forwarding_protocol', asString, { value: 'MatchRequest', source: r.source })), profile.source),
    enabled: byDefault(true, profile.source),
  });
  result.nodes.push(cdn);
  for (const endpoint of endpoints) {
    const endpointRoutes = routes.filter((r) => linker.targets(attribute(r.body, 'cdn_frontdoor_endpoint_id'), [FD_ENDPOINT]).includes(endpoint));
    const plain = endpointRoutes.find((r) => {
      const protocols = readAttr(r.body, 'supported_protocols', (v) => (Array.isArray(v) ? v.map(String) : undefined), { value: ['Http', 'Https'], source: r.source });
      const redirect = readAttr(r.body, 'https_redirect_enabled', asBool, { value: true, source: r.source });
      return protocols.state !== 'unknown' && protocols.value.includes('Http') && redirect.state !== 'unknown' && !redirect.value;
    });
    // Front Door Standard/Premium endpoints (*.azurefd.net) accept TLS 1.2 and newer only:
    // https://learn.microsoft.com/en-us/azure/frontdoor/end-to-end-tls#supported-tls-versions
    const domain = azureNode(estate.linker, endpoint, 'api.domain', {
      hostname: byDefault(`${knownString(endpoint.body, 'name') ?? endpoint.name}.azurefd.net`, endpoint.source),
      minTlsVersion: byDefault('1.2', endpoint.source),
      securityPolicy: byDefault('TLS12', endpoint.source),
      weakCiphers: byDefault([], endpoint.source),
      allowsPlainHttp: plain ? set(true, plain.source) : byDefault(false, endpoint.source),
      mutualTls: byDefault(false, endpoint.source),
      endpointType: byDefault('edge', endpoint.source),
    }, LISTENER_SUFFIX);
    result.nodes.push(domain);
    result.edges.push(edge(domain.id, 'domain-serves', cdn.id));
  }
  for (const api of frontedApis(estate, origins.map((o) => attribute(o.body, 'host_name')))) result.edges.push(edge(cdn.id, 'cdn-fronts', api));
  for (const security of linker.ofType(FD_SECURITY_POLICY).filter((s) => inProfile(s, 'cdn_frontdoor_profile_id'))) {
    for (const policies of blocksOf(security.body, 'security_policies')) {
      for (const firewall of blocksOf(policies, 'firewall')) {
        for (const waf of linker.ids(attribute(firewall, 'cdn_frontdoor_firewall_policy_id'), [FD_FIREWALL_POLICY])) result.edges.push(edge(waf, 'waf-protects', cdn.id));
      }
    }
  }
}

/**
 * The APIs of every APIM service a host attribute points at: by reference to the service
 * (`replace(azurerm_api_management.x.gateway_url, "https://", "")`), else by one of its host names written literally.
 */
function frontedApis(estate: ApimEstate, hosts: readonly (TfAttribute | undefined)[]): string[] {
  const services = new Set<TfResource>();
  for (const host of hosts) {
    for (const service of estate.linker.targets(host, [SERVICE])) services.add(service);
    if (!host || (host.refs.length > 0 && estate.linker.refsTo(host, [SERVICE]).length > 0)) continue;
    const literals = (Array.isArray(host.value) ? host.value : [host.value]).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
    for (const service of estate.linker.ofType(SERVICE)) if (serviceHostNames(estate, service).some((n) => literals.includes(n))) services.add(service);
  }
  return estate.linker.ofType(API).filter((api) => {
    const service = estate.serviceOf(api);
    return service !== undefined && services.has(service);
  }).map((api) => estate.linker.nodeId(api.address));
}

type OriginProtocol = CdnAttrs['originProtocol'] extends Attr<infer T> ? T : never;

/** `Http`/`HttpOnly` → http-only, `Https`/`HttpsOnly` → https-only, `MatchRequest` → match-viewer; the weakest wins. */
function weakestProtocol(protocols: readonly Attr<string>[], fallback: FileSource): Attr<OriginProtocol> {
  const order: OriginProtocol[] = ['http-only', 'match-viewer', 'https-only'];
  let weakest: Attr<OriginProtocol> | undefined;
  for (const protocol of protocols) {
    if (protocol.state === 'unknown') return protocol;
    const value = protocol.value.toLowerCase();
    const mapped: OriginProtocol | undefined = value === 'http' || value === 'httponly' ? 'http-only' : value === 'https' || value === 'httpsonly' ? 'https-only' : value === 'matchrequest' ? 'match-viewer' : undefined;
    if (mapped === undefined) return unknown(`unrecognised protocol ${protocol.value}`, protocol.source);
    if (!weakest || weakest.state === 'unknown' || order.indexOf(mapped) < order.indexOf(weakest.value)) weakest = { ...protocol, value: mapped };
  }
  return weakest ?? unknown('no backend settings or routes', fallback);
}

function blocksOf(body: TfBody | undefined, name: string): readonly TfBody[] {
  const blocks = readBlocks(body, name);
  return blocks.state === 'known' ? blocks.blocks : [];
}
