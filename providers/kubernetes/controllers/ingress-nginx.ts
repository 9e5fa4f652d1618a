import { byDefault, set, type Attr } from '../../../src/graph/attr';
import type { Authorization, ConfigSnippet, CorsConfig, Throttle } from '../../../src/graph/kinds';
import { annotation, fromAnnotation, isTrue, positiveInt, splitList, type Annotation, type ControllerContext, type IngressSettings, type WafSpec } from './settings';

/**
 * ingress-nginx annotations: https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
 * Defaults are those of the controller's ConfigMap when nobody changed it
 * (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/).
 */
const PREFIX = 'nginx.ingress.kubernetes.io/';

/** Annotations that paste raw nginx configuration into the generated nginx.conf (the config-snippet control). */
const SNIPPETS = ['configuration-snippet', 'server-snippet', 'stream-snippet', 'auth-snippet'];

export function ingressNginxSettings({ ingress }: ControllerContext): IngressSettings {
  const a = (key: string): Annotation | undefined => annotation(ingress, PREFIX + key);
  const sslRedirect = a('ssl-redirect');
  const forceSslRedirect = a('force-ssl-redirect');
  const verifyClient = a('auth-tls-verify-client');
  const backendProtocol = a('backend-protocol');
  const proxySslVerify = a('proxy-ssl-verify');
  const proxySslSecret = a('proxy-ssl-secret');
  const ranges = a('whitelist-source-range') ?? a('allowlist-source-range');
  const accessLog = a('enable-access-log');
  const snippets: ConfigSnippet[] = SNIPPETS.flatMap((key) => {
    const found = a(key);
    return found !== undefined && found.value !== '' ? [{ setting: PREFIX + key, source: found.source }] : [];
  });
  return {
    controller: 'ingress-nginx',
    // The controller's own Service is a public LoadBalancer in the default installation (Helm chart `controller.service`).
    endpointType: byDefault('external'),
    allowedSourceRanges: fromAnnotation(ranges, splitList, null),
    servesHttps: (hostHasTls) => hostHasTls,
    allowsPlainHttp(hostHasTls) {
      if (isTrue(forceSslRedirect) && forceSslRedirect) return set(false, forceSslRedirect.source);
      // ssl-redirect defaults to true, but only for hosts with a TLS section.
      if (!hostHasTls) return byDefault(true);
      return sslRedirect === undefined ? byDefault(false) : set(sslRedirect.value.toLowerCase() === 'false', sslRedirect.source);
    },
    // ConfigMap `ssl-protocols` defaults to "TLSv1.2 TLSv1.3" with ciphers without 3DES or RC4.
    minTlsVersion: byDefault('1.2'),
    securityPolicy: byDefault('ssl-protocols TLSv1.2 TLSv1.3 (controller default)'),
    weakCiphers: byDefault([]),
    mutualTls: verifyClient === undefined ? byDefault(false) : set(verifyClient.value === 'on', verifyClient.source),
    authorization: authorizationOf(a),
    throttling: throttlingOf(a),
    maxBodyBytes: bodySizeOf(a('proxy-body-size')),
    cors: corsOf(a),
    configSnippets: snippets.length > 0 ? set(snippets, snippets[0]?.source) : byDefault([]),
    wafs: modSecurityOf(a, ingress.name),
    accessLogging: fromAnnotation(accessLog, (v) => v.toLowerCase() !== 'false', true),
    clientCertificate: proxySslSecret === undefined ? byDefault(false) : set(true, proxySslSecret.source),
    backendTls() {
      const usesTls: Attr<boolean> = backendProtocol === undefined
        ? byDefault(false)
        : set(['HTTPS', 'GRPCS'].includes(backendProtocol.value.toUpperCase()), backendProtocol.source);
      // proxy-ssl-verify defaults to "off": nginx then accepts any certificate from the backend.
      const verifiesCertificate = fromAnnotation(proxySslVerify, (v) => v.toLowerCase() === 'on', false);
      return { usesTls, verifiesCertificate };
    },
  };
}

function authorizationOf(a: (key: string) => Annotation | undefined): Attr<Authorization> {
  const url = a('auth-url');
  if (url !== undefined && url.value !== '') return set('external', url.source);
  const type = a('auth-type');
  if (type !== undefined && ['basic', 'digest'].includes(type.value.toLowerCase()) && a('auth-secret') !== undefined) return set('basic', type.source);
  const verify = a('auth-tls-verify-client');
  if (verify !== undefined && verify.value === 'on') return set('mtls', verify.source);
  return byDefault('none');
}

/**
 * limit-rps / limit-rpm are per client address, with a burst of `limit-burst-multiplier` (default 5) times the limit;
 * limit-connections caps concurrent connections per address, recorded as the burst.
 */
function throttlingOf(a: (key: string) => Annotation | undefined): Attr<Throttle | null> {
  const rps = a('limit-rps');
  const rpm = a('limit-rpm');
  const connections = a('limit-connections');
  const multiplier = positiveInt(a('limit-burst-multiplier')?.value ?? '') ?? 5;
  const rate = rps !== undefined ? positiveInt(rps.value) : rpm !== undefined ? (positiveInt(rpm.value) ?? NaN) / 60 : undefined;
  const conns = connections !== undefined ? positiveInt(connections.value) : undefined;
  const source = (rps ?? rpm ?? connections)?.source;
  if (rate !== undefined && !Number.isNaN(rate)) return set({ rateLimit: rate, burstLimit: Math.ceil(rate * multiplier) }, source);
  if (conns !== undefined) return set({ burstLimit: conns }, source);
  return byDefault(null);
}

/** nginx sizes: `8m`, `512k`, `1g`, bytes without a unit; `0` disables the check. Default `1m`. */
function bodySizeOf(size: Annotation | undefined): Attr<number | null> {
  if (size === undefined) return byDefault(1024 * 1024);
  const match = /^(\d+)\s*([kKmMgG]?)$/.exec(size.value);
  if (!match) return byDefault(1024 * 1024);
  const n = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const bytes = n * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
  return set(bytes === 0 ? null : bytes, size.source);
}

/** enable-cors with cors-allow-origin defaulting to `*` and cors-allow-credentials to true. */
function corsOf(a: (key: string) => Annotation | undefined): Attr<CorsConfig | null> {
  const enabled = a('enable-cors');
  if (enabled === undefined) return byDefault(null);
  if (!isTrue(enabled)) return set(null, enabled.source);
  const origins = a('cors-allow-origin');
  const credentials = a('cors-allow-credentials');
  return set({
    allowOrigins: origins === undefined ? ['*'] : splitList(origins.value),
    allowCredentials: credentials === undefined ? true : credentials.value.toLowerCase() !== 'false',
  }, (origins ?? enabled).source);
}

/**
 * ModSecurity runs in DetectionOnly mode unless a `SecRuleEngine On` directive turns blocking on
 * (https://kubernetes.github.io/ingress-nginx/user-guide/third-party-addons/modsecurity/).
 */
function modSecurityOf(a: (key: string) => Annotation | undefined, name: string): WafSpec[] {
  const enabled = a('enable-modsecurity');
  if (!isTrue(enabled) || enabled === undefined) return [];
  const crs = a('enable-owasp-core-rules');
  const snippet = a('modsecurity-snippet');
  const engine = snippet === undefined ? undefined : /SecRuleEngine\s+(\w+)/i.exec(snippet.value)?.[1]?.toLowerCase();
  const mode: Attr<'prevention' | 'detection'> = engine === undefined || snippet === undefined
    ? byDefault('detection')
    : set(engine === 'on' ? 'prevention' : 'detection', snippet.source);
  const groups = isTrue(crs) && crs !== undefined ? set(['OWASP Core Rule Set'], crs.source) : byDefault([]);
  const rules = snippet !== undefined && /SecRule\s/.test(snippet.value) ? snippet : undefined;
  return [{
    name: `${name} ModSecurity`, nativeType: 'ingress-nginx ModSecurity', source: enabled.source,
    defaultAction: byDefault('allow'), managedRuleGroups: groups, rateBasedRules: byDefault(0),
    ruleCount: rules ? set(1, rules.source) : byDefault(0), mode,
  }];
}
