import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { Authorization } from '../../../src/graph/kinds';
import { dig, str, type K8sObject } from '../manifest';
import { annotation, externalWaf, type ControllerContext, type IngressSettings, type WafSpec } from './settings';

/**
 * GKE Ingress (classes `gce` and `gce-internal`), with FrontendConfig and BackendConfig:
 * https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration
 */
export function gkeSettings({ ingress, catalog }: ControllerContext, internal: boolean): IngressSettings {
  const allowHttp = annotation(ingress, 'kubernetes.io/ingress.allow-http');
  const frontendName = annotation(ingress, 'networking.gke.io/v1beta1.FrontendConfig');
  const frontend = frontendName ? catalog.find('FrontendConfig', frontendName.value, ingress.namespace) : undefined;
  const missingFrontend = frontendName !== undefined && frontend === undefined
    ? unknown(`FrontendConfig ${frontendName.value} is not in the scanned manifests`, frontendName.source) : undefined;
  const managedCert = annotation(ingress, 'networking.gke.io/managed-certificates') ?? annotation(ingress, 'ingress.gcp.kubernetes.io/pre-shared-cert');
  const sslPolicy = frontend ? str(dig(frontend.body, 'spec', 'sslPolicy')) : undefined;
  const redirect = frontend ? dig(frontend.body, 'spec', 'redirectToHttps', 'enabled') : undefined;
  const backendConfigs = backendConfigsOf(ingress, catalog);
  const armor = backendConfigs.flatMap((bc) => {
    const policy = str(dig(bc.body, 'spec', 'securityPolicy', 'name'));
    return policy ? [{ bc, policy }] : [];
  });
  const wafs: WafSpec[] = armor.length > 0 && armor.length === backendConfigs.length && backendConfigs.length > 0
    ? armor.map(({ bc, policy }) => externalWaf(`${bc.name} Cloud Armor`, 'google_compute_security_policy', bc.locate(['spec', 'securityPolicy']), `Cloud Armor policy ${policy}`))
    : [];
  const iap = backendConfigs.length > 0 && backendConfigs.every((bc) => dig(bc.body, 'spec', 'iap', 'enabled') === true);
  const inArmor = (what: string): Attr<never> => unknown(`${what} live in the Cloud Armor policy, defined outside the manifests`, wafs[0]?.source);
  return {
    controller: internal ? 'gke-internal' : 'gke',
    endpointType: byDefault(internal ? 'internal' : 'external'),
    allowedSourceRanges: byDefault(null),
    servesHttps: (hostHasTls) => hostHasTls || managedCert !== undefined,
    allowsPlainHttp() {
      if (allowHttp !== undefined && allowHttp.value.toLowerCase() === 'false') return set(false, allowHttp.source);
      if (missingFrontend) return missingFrontend;
      if (frontend && redirect === true) return set(false, frontend.locate(['spec', 'redirectToHttps']));
      return allowHttp === undefined ? byDefault(true) : set(true, allowHttp.source);
    },
    // Without an SSL policy the load balancer uses Google's default: TLS 1.0 and the COMPATIBLE profile (3DES included).
    // https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#defaultsslpolicy
    minTlsVersion: missingFrontend ?? (sslPolicy ? unknown(`SSL policy ${sslPolicy} is defined outside the manifests`, frontend?.locate(['spec', 'sslPolicy'])) : byDefault('1.0')),
    securityPolicy: missingFrontend ?? (sslPolicy ? set(sslPolicy, frontend?.locate(['spec', 'sslPolicy'])) : byDefault('GCP default SSL policy')),
    weakCiphers: missingFrontend ?? (sslPolicy ? unknown(`SSL policy ${sslPolicy} is defined outside the manifests`) : byDefault(['TLS_RSA_WITH_3DES_EDE_CBC_SHA'])),
    mutualTls: byDefault(false),
    authorization: iap ? set<Authorization>('oauth', backendConfigs[0]?.locate(['spec', 'iap'])) : byDefault('none'),
    throttling: wafs.length > 0 ? inArmor('Rate limits') : byDefault(null),
    maxBodyBytes: wafs.length > 0 ? inArmor('Request size rules') : byDefault(null),
    cors: byDefault(null),
    configSnippets: byDefault([]),
    wafs,
    accessLogging: unknown('GKE load balancer logging is configured in BackendConfig or the backend service'),
    clientCertificate: byDefault(false),
    backendTls(service, port) {
      const protocols = service ? annotation(service, 'cloud.google.com/app-protocols') : undefined;
      if (!protocols) return { usesTls: byDefault(false), verifiesCertificate: byDefault(false) };
      const https = port !== undefined && new RegExp(`"${port.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*"(HTTPS|HTTP2)"`).test(protocols.value);
      // Google's load balancers do not validate backend certificates: https://cloud.google.com/load-balancing/docs/ssl-certificates/encryption-to-the-backends
      return { usesTls: set(https, protocols.source), verifiesCertificate: byDefault(false) };
    },
  };
}

/** BackendConfigs of the Ingress's backend Services (`cloud.google.com/backend-config: {"default": "name"}`). */
function backendConfigsOf(ingress: K8sObject, catalog: ControllerContext['catalog']): K8sObject[] {
  const names = new Set<string>();
  const rules = dig(ingress.body, 'spec', 'rules');
  for (const rule of Array.isArray(rules) ? rules : []) {
    const paths = dig(rule, 'http', 'paths');
    for (const p of Array.isArray(paths) ? paths : []) {
      const name = str(dig(p, 'backend', 'service', 'name')) ?? str(dig(p, 'backend', 'serviceName'));
      if (name) names.add(name);
    }
  }
  const configs: K8sObject[] = [];
  for (const name of names) {
    const service = catalog.find('Service', name, ingress.namespace);
    const ref = service ? annotation(service, 'cloud.google.com/backend-config') ?? annotation(service, 'beta.cloud.google.com/backend-config') : undefined;
    const configName = ref ? /"default"\s*:\s*"([^"]+)"/.exec(ref.value)?.[1] : undefined;
    const config = configName ? catalog.find('BackendConfig', configName, ingress.namespace) : undefined;
    if (config) configs.push(config);
    else return [];
  }
  return configs;
}
