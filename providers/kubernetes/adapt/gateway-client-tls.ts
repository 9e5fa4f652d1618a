import { set, type Attr } from '../../../src/graph/attr';
import type { TlsVersion } from '../../../src/graph/tls';
import type { Catalog } from '../catalog';
import { dig, groupOf, list, str, type K8sObject } from '../manifest';

/** What a Gateway listener asks of clients beyond its protocol: a TLS floor, and a client certificate. */
export interface ClientTls {
  /** Set when a policy names the minimum TLS version; otherwise the controller's floor applies. */
  readonly minTlsVersion?: Attr<TlsVersion>;
  /** Set when client certificates are verified (and required) on the listener. */
  readonly mutualTls?: Attr<boolean>;
  /** Set when a policy lists the cipher suites: the weak ones among them (3DES, RC4). */
  readonly weakCiphers?: Attr<readonly string[]>;
}

interface ListenerRef {
  readonly name: string;
  readonly port: number | undefined;
  readonly index: number;
}

/**
 * Client-side TLS of one listener, from the Gateway itself (Gateway API `spec.tls.frontend`, standard from v1.4, and the
 * experimental listener `tls.frontendValidation` of v1.1–v1.3) and from an Envoy Gateway ClientTrafficPolicy attached to
 * the Gateway or to the listener (`sectionName`), the listener's own policy winning:
 * https://gateway-api.sigs.k8s.io/reference/spec/#frontendtlsconfig, https://gateway.envoyproxy.io/docs/api/extension_types/#clienttlssettings
 */
export function clientTlsOf(gateway: K8sObject, listener: ListenerRef, catalog: Catalog): ClientTls {
  const fromGateway = gatewayValidation(gateway, listener);
  const policy = clientTrafficPolicyFor(gateway, listener.name, catalog);
  if (!policy) return fromGateway ? { mutualTls: fromGateway } : {};
  const tls = dig(policy.body, 'spec', 'tls');
  const version = tlsVersion(str(dig(tls, 'minVersion')));
  const ciphers = list(dig(tls, 'ciphers'));
  const validation = dig(tls, 'clientValidation');
  // `optional: true` asks for a certificate but lets clients without one through.
  const required = validation !== undefined && dig(validation, 'optional') !== true;
  return {
    ...(version !== undefined && { minTlsVersion: set(version, policy.locate(['spec', 'tls', 'minVersion'])) }),
    // `ciphers` applies to TLS 1.0–1.2 only: a TLS 1.3 floor leaves no weak suite to negotiate.
    ...(ciphers.length > 0 && { weakCiphers: set(version === '1.3' ? [] : weakAmong(ciphers), policy.locate(['spec', 'tls', 'ciphers'])) }),
    ...(required ? { mutualTls: set(true, policy.locate(['spec', 'tls', 'clientValidation'])) } : fromGateway ? { mutualTls: fromGateway } : {}),
  };
}

/**
 * Weak suites among Envoy's (BoringSSL) cipher names: 3DES (`DES-CBC3-SHA`, Sweet32) and RC4. An entry may be an
 * equal-preference group, `[A|B]`: https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/transport_sockets/tls/v3/common.proto
 */
function weakAmong(ciphers: readonly unknown[]): string[] {
  return ciphers.flatMap((c) => (str(c) ?? '').replace(/^\[|\]$/g, '').split('|')).map((c) => c.trim())
    .filter((c) => /(^|[-_])(DES-CBC3|3DES|RC4)([-_]|$)/i.test(c));
}

/** `AllowInsecureFallback` lets clients without a valid certificate in; `AllowValidOnly` (the default) does not. */
function gatewayValidation(gateway: K8sObject, listener: ListenerRef): Attr<boolean> | undefined {
  const required = (validation: unknown): boolean => validation !== undefined && list(dig(validation, 'caCertificateRefs')).length > 0
    && str(dig(validation, 'mode')) !== 'AllowInsecureFallback';
  const perPort = list(dig(gateway.body, 'spec', 'tls', 'frontend', 'perPort')).findIndex((p) => Number(dig(p, 'port')) === listener.port);
  if (perPort >= 0) {
    const validation = dig(gateway.body, 'spec', 'tls', 'frontend', 'perPort', perPort, 'tls', 'validation');
    return required(validation) ? set(true, gateway.locate(['spec', 'tls', 'frontend', 'perPort', perPort])) : undefined;
  }
  if (required(dig(gateway.body, 'spec', 'tls', 'frontend', 'default', 'validation'))) return set(true, gateway.locate(['spec', 'tls', 'frontend', 'default']));
  const experimental = dig(gateway.body, 'spec', 'listeners', listener.index, 'tls', 'frontendValidation');
  return required(experimental) ? set(true, gateway.locate(['spec', 'listeners', listener.index, 'tls', 'frontendValidation'])) : undefined;
}

/** The ClientTrafficPolicy of a listener: one naming it by `sectionName` first, else one attached to its whole Gateway. */
function clientTrafficPolicyFor(gateway: K8sObject, listener: string, catalog: Catalog): K8sObject | undefined {
  const policies = catalog.all('ClientTrafficPolicy').filter((p) => groupOf(p.apiVersion) === 'gateway.envoyproxy.io'
    && (p.namespace === undefined || gateway.namespace === undefined || p.namespace === gateway.namespace));
  const refsOf = (p: K8sObject): unknown[] => [...list(dig(p.body, 'spec', 'targetRefs')), ...(dig(p.body, 'spec', 'targetRef') ? [dig(p.body, 'spec', 'targetRef')] : [])];
  const targets = (p: K8sObject, section: string | undefined): boolean => refsOf(p).some((r) => str(dig(r, 'kind')) === 'Gateway'
    && str(dig(r, 'name')) === gateway.name && str(dig(r, 'sectionName')) === section);
  return policies.find((p) => targets(p, listener)) ?? policies.find((p) => targets(p, undefined));
}

/** Envoy Gateway TLS versions: `1.0` … `1.3`, or `Auto` (Envoy's default, TLS 1.2). */
function tlsVersion(value: string | undefined): TlsVersion | undefined {
  switch (value) {
    case '1.0':
    case '1.1':
    case '1.2':
    case '1.3':
      return value;
    default:
      return undefined;
  }
}
