import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { Authorization, CorsConfig, Throttle } from '../../../src/graph/kinds';
import type { TlsVersion } from '../../../src/graph/tls';
import { dig, list, str, type K8sObject } from '../manifest';
import { annotation, isTrue, positiveInt, splitList, type ControllerContext, type IngressSettings } from './settings';

/**
 * Traefik's Kubernetes Ingress provider: https://doc.traefik.io/traefik/routing/providers/kubernetes-ingress/
 * Middlewares (`router.middlewares: <namespace>-<name>@kubernetescrd`) are Middleware objects found in the scan:
 * https://doc.traefik.io/traefik/middlewares/overview/
 */
const PREFIX = 'traefik.ingress.kubernetes.io/';

export function traefikSettings({ ingress, catalog }: ControllerContext): IngressSettings {
  const tls = annotation(ingress, `${PREFIX}router.tls`);
  const middlewaresRef = annotation(ingress, `${PREFIX}router.middlewares`);
  const tlsOptionsRef = annotation(ingress, `${PREFIX}router.tls.options`);
  const refs = middlewaresRef ? splitList(middlewaresRef.value) : [];
  const middlewares = refs.map((ref) => findMiddleware(ref, ingress, catalog));
  const missing = refs.filter((_, i) => middlewares[i] === undefined);
  const found = middlewares.filter((m): m is K8sObject => m !== undefined);
  /** A middleware kind present, absent, or possibly in a middleware outside the scan. */
  const pick = <T>(key: string, read: (spec: Record<string, unknown>, m: K8sObject) => T, fallback: T): Attr<T> => {
    const m = found.find((mw) => typeof dig(mw.body, 'spec', key) === 'object');
    if (m) return set(read(dig(m.body, 'spec', key) as Record<string, unknown>, m), m.locate(['spec', key]));
    if (missing.length > 0) return unknown(`middleware ${missing.join(', ')} is not in the scanned manifests`, middlewaresRef?.source);
    return byDefault(fallback);
  };
  const auth: Attr<Authorization> = (() => {
    const external = pick('forwardAuth', () => true, false);
    if (external.state !== 'default' || external.value) return external.state === 'unknown' ? external : set<Authorization>('external', external.source);
    const basic = found.find((mw) => typeof dig(mw.body, 'spec', 'basicAuth') === 'object' || typeof dig(mw.body, 'spec', 'digestAuth') === 'object');
    return basic ? set<Authorization>('basic', basic.locate(['spec'])) : byDefault<Authorization>('none');
  })();
  const tlsOptions = tlsOptionsRef ? catalog.find('TLSOption', tlsOptionsRef.value.replace(/@.*$/, '').replace(/^.*?-/, ''), ingress.namespace) : undefined;
  const minVersion = tlsOptions ? str(dig(tlsOptions.body, 'spec', 'minVersion')) : undefined;
  // Traefik's default TLS options accept TLS 1.2 and newer: https://doc.traefik.io/traefik/https/tls/#minimum-tls-version
  const minTls: Attr<TlsVersion> = tlsOptionsRef === undefined
    ? byDefault('1.2')
    : tlsOptions === undefined ? unknown(`TLSOption ${tlsOptionsRef.value} is not in the scanned manifests`, tlsOptionsRef.source)
      : set(traefikTls(minVersion ?? 'VersionTLS12'), tlsOptions.locate(['spec', 'minVersion']));
  const https = (hostHasTls: boolean): boolean => hostHasTls || isTrue(tls);
  // A RedirectScheme middleware to https answers plain HTTP with a redirect: https://doc.traefik.io/traefik/middlewares/http/redirectscheme/
  const redirect = found.find((m) => str(dig(m.body, 'spec', 'redirectScheme', 'scheme'))?.toLowerCase() === 'https');
  return {
    controller: 'traefik',
    endpointType: byDefault('external'),
    allowedSourceRanges: pick('ipAllowList', (spec) => list(spec['sourceRange']).map(String), null as readonly string[] | null).state === 'default'
      ? pick('ipWhiteList', (spec) => list(spec['sourceRange']).map(String), null as readonly string[] | null)
      : pick('ipAllowList', (spec) => list(spec['sourceRange']).map(String), null as readonly string[] | null),
    servesHttps: https,
    // A router with TLS only matches TLS requests; one without serves plain HTTP (redirects are set on entry points).
    allowsPlainHttp: (hostHasTls) => {
      if (redirect) return set(false, redirect.locate(['spec', 'redirectScheme']));
      return https(hostHasTls) ? (tls ? set(false, tls.source) : byDefault(false)) : byDefault(true);
    },
    minTlsVersion: minTls,
    securityPolicy: tlsOptionsRef ? set(tlsOptionsRef.value, tlsOptionsRef.source) : byDefault('Traefik default TLS options'),
    weakCiphers: byDefault([]),
    mutualTls: tlsOptions ? set(str(dig(tlsOptions.body, 'spec', 'clientAuth', 'clientAuthType')) === 'RequireAndVerifyClientCert', tlsOptions.source) : byDefault(false),
    authorization: auth,
    throttling: pick('rateLimit', (spec): Throttle | null => {
      const average = positiveInt(str(spec['average']) ?? '');
      const burst = positiveInt(str(spec['burst']) ?? '');
      const period = /^(\d+)s$/.exec(str(spec['period']) ?? '1s')?.[1];
      return { ...(average !== undefined && { rateLimit: average / Number(period ?? 1) }), burstLimit: burst ?? 1 };
    }, null),
    maxBodyBytes: pick('buffering', (spec) => positiveInt(str(spec['maxRequestBodyBytes']) ?? '') ?? null, null),
    cors: pick('headers', (spec): CorsConfig | null => {
      const origins = list(spec['accessControlAllowOriginList']).map(String);
      return origins.length === 0 ? null : { allowOrigins: origins, allowCredentials: spec['accessControlAllowCredentials'] === true };
    }, null),
    configSnippets: byDefault([]),
    wafs: [],
    accessLogging: unknown('Traefik access logs are enabled in its static configuration'),
    clientCertificate: byDefault(false),
    backendTls(service, port) {
      const scheme = service ? annotation(service, 'traefik.ingress.kubernetes.io/service.serversscheme') : undefined;
      // Traefik calls port 443 and ports named https over TLS, and verifies certificates unless a ServersTransport says otherwise.
      const usesTls = scheme ? set(scheme.value.toLowerCase() === 'https', scheme.source) : byDefault(port === '443' || port === 'https');
      return { usesTls, verifiesCertificate: byDefault(true) };
    },
  };
}

/** `<namespace>-<name>@kubernetescrd`, or `<name>` in the Ingress's namespace. */
function findMiddleware(ref: string, ingress: K8sObject, catalog: ControllerContext['catalog']): K8sObject | undefined {
  const bare = ref.replace(/@.*$/, '');
  return catalog.all('Middleware').find((m) => (m.namespace !== undefined && `${m.namespace}-${m.name}` === bare)
    || (m.name === bare && (m.namespace === undefined || m.namespace === ingress.namespace))
    || (m.namespace === undefined && bare.endsWith(`-${m.name}`)));
}

function traefikTls(version: string): TlsVersion {
  switch (version) {
    case 'VersionTLS13':
      return '1.3';
    case 'VersionTLS12':
      return '1.2';
    case 'VersionTLS11':
      return '1.1';
    default:
      return '1.0';
  }
}
