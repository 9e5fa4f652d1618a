import { byDefault, mapAttr, set, unknown, type Attr } from '../../../src/graph/attr';
import type { AttrsByKind, DomainAttrs, EndpointType, GraphNode, NodeKind } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TlsVersion } from '../../../src/graph/tls';
import type { TfBody, TfResource } from '../model';
import { API, CUSTOM_DOMAIN, SERVICE, type ApimEstate } from './azurerm-apim-estate';
import type { Linker } from './linker';
import { asBool, asString, asStringList, attribute, firstBlock, knownString, oneOf, readAttr, readBlocks } from './read-attr';
import { edge, emptyResult, terraformNode, type AdaptResult } from './terraform-node';

/** The single stage of an APIM API: its deployment on the service gateway. */
export const APIM_STAGE_SUFFIX = '#gateway';
/** The service's default `<name>.azure-api.net` gateway host. */
const DEFAULT_HOST_SUFFIX = '#default-host';

/**
 * The API Management service: one `api.domain` per gateway host name (the default `<name>.azure-api.net`, each
 * `hostname_configuration.proxy` and each `azurerm_api_management_custom_domain` `gateway`), with the service-wide
 * client TLS settings. Custom host names serve every API of the service. The default host is not linked with
 * `domain-serves`: it is the API's default endpoint (`defaultEndpointEnabled`), not a custom domain in front of it.
 */
export function adaptApiManagementService(estate: ApimEstate): AdaptResult {
  const result = emptyResult();
  const { linker } = estate;
  for (const service of linker.ofType(SERVICE)) {
    const stages = linker.ofType(API).filter((api) => estate.serviceOf(api) === service).map((api) => linker.nodeId(api.address, APIM_STAGE_SUFFIX));
    const name = readAttr(service.body, 'name', asString);
    const defaultHost: Attr<string> = name.state === 'unknown' ? name : set(`${name.value}.azure-api.net`, name.source ?? service.source);
    result.nodes.push(azureNode(linker, service, 'api.domain', domainAttrs(estate, service, defaultHost, undefined), DEFAULT_HOST_SUFFIX));
    const proxies = readBlocks(firstBlock(service.body, 'hostname_configuration'), 'proxy');
    for (const [index, proxy] of (proxies.state === 'known' ? proxies.blocks : []).entries()) {
      const node = azureNode(linker, service, 'api.domain', domainAttrs(estate, service, readAttr(proxy, 'host_name', asString), proxy), `#proxy[${index}]`);
      result.nodes.push(node);
      for (const stage of stages) result.edges.push(edge(node.id, 'domain-serves', stage));
    }
  }
  for (const domain of linker.ofType(CUSTOM_DOMAIN)) {
    const service = estate.serviceOf(domain);
    const stages = service ? linker.ofType(API).filter((api) => estate.serviceOf(api) === service).map((api) => linker.nodeId(api.address, APIM_STAGE_SUFFIX)) : [];
    const gateways = readBlocks(domain.body, 'gateway');
    for (const [index, gateway] of (gateways.state === 'known' ? gateways.blocks : []).entries()) {
      const attrs = service
        ? domainAttrs(estate, service, readAttr(gateway, 'host_name', asString), gateway)
        : orphanDomainAttrs(readAttr(gateway, 'host_name', asString), gateway.source);
      const node = azureNode(linker, domain, 'api.domain', attrs, `#gateway[${index}]`);
      result.nodes.push(node);
      for (const stage of stages) result.edges.push(edge(node.id, 'domain-serves', stage));
    }
  }
  // An API whose service is elsewhere still serves plain HTTP on that service's hosts when its protocols say so.
  for (const api of linker.ofType(API).filter((a) => !estate.serviceOf(a))) {
    result.nodes.push(azureNode(linker, api, 'api.domain', orphanApiHostAttrs(api), DEFAULT_HOST_SUFFIX));
  }
  return result;
}

/** A Terraform node on the Azure platform, its id scoped by `linker`. */
export function azureNode<K extends NodeKind>(linker: Linker, resource: TfResource, kind: K, attrs: AttrsByKind[K], suffix = '', raw?: unknown): GraphNode<K> {
  return terraformNode(linker, resource, kind, attrs, { suffix, platform: 'azure', ...(raw !== undefined && { raw }) });
}

function domainAttrs(estate: ApimEstate, service: TfResource, hostname: Attr<string>, hostBlock: TfBody | undefined): DomainAttrs {
  const frontend = tlsFloor(service, 'frontend');
  return {
    hostname,
    minTlsVersion: frontend.min,
    securityPolicy: frontend.policy,
    weakCiphers: weakCiphers(service),
    allowsPlainHttp: plainHttp(estate, service),
    mutualTls: mutualTls(service, hostBlock),
    endpointType: serviceEndpointType(service),
  };
}

/** A custom domain whose service is not in the scan: its TLS settings live on that service. */
function orphanDomainAttrs(hostname: Attr<string>, at: FileSource): DomainAttrs {
  const outside = unknown('the API Management service is not in the scanned code', at);
  return { hostname, minTlsVersion: outside, securityPolicy: outside, weakCiphers: outside, allowsPlainHttp: outside, mutualTls: outside, endpointType: outside };
}

/** The default host of an API's service that is not in the scan: only the API's own protocols are known. */
function orphanApiHostAttrs(api: TfResource): DomainAttrs {
  const outside = unknown('the API Management service is not in the scanned code', api.source);
  const service = readAttr(api.body, 'api_management_name', asString);
  const hostname: Attr<string> = service.state === 'unknown' ? outside : set(`${service.value}.azure-api.net`, service.source ?? api.source);
  return { hostname, minTlsVersion: outside, securityPolicy: outside, weakCiphers: outside, allowsPlainHttp: apiPlainHttp(api), mutualTls: outside, endpointType: outside };
}

/**
 * Where the gateway is reachable: `virtual_network_type` Internal keeps it in the VNet; None and External leave it
 * public unless `public_network_access_enabled = false` (private endpoints only). Defaults: None and true.
 * https://learn.microsoft.com/en-us/azure/api-management/virtual-network-concepts
 */
export function serviceEndpointType(service: TfResource | undefined): Attr<EndpointType> {
  if (!service) return unknown('the API Management service is not in the scanned code');
  const body = service.body;
  const vnet = readAttr<EndpointType>(body, 'virtual_network_type', oneOf({ NONE: 'external', EXTERNAL: 'external', INTERNAL: 'internal' }), { value: 'external', source: service.source });
  if (vnet.state === 'unknown' || vnet.value === 'internal') return vnet;
  const publicAccess = readAttr(body, 'public_network_access_enabled', asBool, { value: true, source: service.source });
  if (publicAccess.state === 'unknown') return publicAccess;
  return publicAccess.value ? vnet : set('private', publicAccess.source ?? service.source);
}

// The `security` block: provider v3 names (`enable_frontend_tls10`) and v4 names (`frontend_tls10_enabled`), all
// defaulting to false: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management#security
const PROTOCOL_FLAGS: readonly { readonly version: TlsVersion; readonly label: string; readonly names: (side: string) => readonly string[] }[] = [
  { version: '1.0', label: 'SSL 3.0', names: (side) => [`${side}_ssl30_enabled`, `enable_${side}_ssl30`] },
  { version: '1.0', label: 'TLS 1.0', names: (side) => [`${side}_tls10_enabled`, `enable_${side}_tls10`] },
  { version: '1.1', label: 'TLS 1.1', names: (side) => [`${side}_tls11_enabled`, `enable_${side}_tls11`] },
];

/** A flag of the security block under either provider version's name. */
function securityFlag(service: TfResource, names: readonly string[]): Attr<boolean> {
  const blocks = readBlocks(service.body, 'security');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return byDefault(false, service.source);
  const written = names.find((name) => attribute(block, name));
  return written ? readAttr(block, written, asBool) : byDefault(false, block.source);
}

/**
 * The oldest protocol the gateway accepts from clients (`frontend`) or offers to backends (`backend`). SSL 3.0 is
 * below anything TlsVersion names: it is reported as the lowest, 1.0, and named in the policy text.
 */
export function tlsFloor(service: TfResource, side: 'frontend' | 'backend'): { readonly min: Attr<TlsVersion>; readonly policy: Attr<string> } {
  const enabled: { readonly version: TlsVersion; readonly label: string; readonly attr: Attr<boolean> }[] = [];
  for (const flag of PROTOCOL_FLAGS) {
    const attr = securityFlag(service, flag.names(side));
    if (attr.state === 'unknown') return { min: attr, policy: attr };
    if (attr.value) enabled.push({ version: flag.version, label: flag.label, attr });
  }
  const lowest = enabled[0];
  if (!lowest) {
    const at = firstBlock(service.body, 'security')?.source ?? service.source;
    return { min: byDefault('1.2', at), policy: byDefault(`${side} SSL 3.0, TLS 1.0 and TLS 1.1 disabled`, at) };
  }
  const policy = `${side} ${enabled.map((e) => e.label).join(', ')} enabled`;
  return { min: mapAttr(lowest.attr, () => lowest.version), policy: mapAttr(lowest.attr, () => policy) };
}

/** `triple_des_ciphers_enabled` (v4) / `enable_triple_des_ciphers` (v3) turns on TLS_RSA_WITH_3DES_EDE_CBC_SHA. */
function weakCiphers(service: TfResource): Attr<readonly string[]> {
  const tripleDes = securityFlag(service, ['triple_des_ciphers_enabled', 'enable_triple_des_ciphers']);
  if (tripleDes.state === 'unknown') return tripleDes;
  return { ...tripleDes, value: tripleDes.value ? ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] : [] };
}

/**
 * Plain HTTP reaches an API whose `protocols` include `http` (default `["https"]`), on every host of the service:
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api#protocols
 */
function plainHttp(estate: ApimEstate, service: TfResource): Attr<boolean> {
  let open: Attr<boolean> | undefined;
  for (const api of estate.linker.ofType(API).filter((a) => estate.serviceOf(a) === service)) {
    const http = apiPlainHttp(api);
    if (http.state === 'unknown') open ??= http;
    else if (http.value) return http;
  }
  return open ?? byDefault(false, service.source);
}

function apiPlainHttp(api: TfResource): Attr<boolean> {
  const protocols = readAttr(api.body, 'protocols', (v) => asStringList(v)?.map((p) => p.toLowerCase()), { value: ['https'], source: api.source });
  if (protocols.state === 'unknown') return protocols;
  return { ...protocols, value: protocols.value.includes('http') };
}

/**
 * Clients must present a certificate when the service requests one: `client_certificate_enabled` (Consumption
 * tier) or `negotiate_client_certificate` on a host name. Requesting is not checking: policies still have to
 * validate it, which we do not credit here.
 */
function mutualTls(service: TfResource, hostBlock: TfBody | undefined): Attr<boolean> {
  const serviceWide = readAttr(service.body, 'client_certificate_enabled', asBool, { value: false, source: service.source });
  if (serviceWide.state === 'unknown' || serviceWide.value) return serviceWide;
  if (!hostBlock) return serviceWide;
  return readAttr(hostBlock, 'negotiate_client_certificate', asBool, { value: false, source: hostBlock.source });
}

/** The host names of a service, for matching what fronts point at. */
export function serviceHostNames(estate: ApimEstate, service: TfResource): string[] {
  const names: string[] = [];
  const name = knownString(service.body, 'name');
  if (name !== undefined) names.push(`${name}.azure-api.net`);
  const proxies = readBlocks(firstBlock(service.body, 'hostname_configuration'), 'proxy');
  for (const proxy of proxies.state === 'known' ? proxies.blocks : []) {
    const host = knownString(proxy, 'host_name');
    if (host !== undefined) names.push(host);
  }
  for (const domain of estate.linker.ofType(CUSTOM_DOMAIN).filter((d) => estate.serviceOf(d) === service)) {
    const gateways = readBlocks(domain.body, 'gateway');
    for (const gateway of gateways.state === 'known' ? gateways.blocks : []) {
      const host = knownString(gateway, 'host_name');
      if (host !== undefined) names.push(host);
    }
  }
  return names.map((n) => n.toLowerCase());
}
