import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { Authorization, EndpointType } from '../../../src/graph/kinds';
import { elbPolicyMinTls, elbPolicyWeakCiphers } from '../../aws-shared/elb-tls-policy';
import { list } from '../manifest';
import { annotation, externalWaf, fromAnnotation, splitList, type Annotation, type ControllerContext, type IngressSettings, type WafSpec } from './settings';

/**
 * AWS Load Balancer Controller annotations (one ALB per Ingress or Ingress group):
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
const PREFIX = 'alb.ingress.kubernetes.io/';

/** The controller's default `ssl-policy` (accepts TLS 1.0). */
const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

export function awsLoadBalancerSettings({ ingress }: ControllerContext): IngressSettings {
  const a = (key: string): Annotation | undefined => annotation(ingress, PREFIX + key);
  const scheme = a('scheme');
  const certificate = a('certificate-arn');
  const hasTlsHosts = list((ingress.body['spec'] as Record<string, unknown> | undefined)?.['tls']).length > 0;
  const listeners = listenersOf(a('listen-ports'), certificate !== undefined || hasTlsHosts);
  const sslRedirect = a('ssl-redirect') ?? httpsRedirectAction(ingress.body, a);
  const sslPolicy = a('ssl-policy');
  const policyName = sslPolicy?.value ?? DEFAULT_SSL_POLICY;
  const minTls = elbPolicyMinTls(policyName);
  const wafs = wafsOf(a, ingress.name);
  const backendProtocol = a('backend-protocol');
  const attributes = a('load-balancer-attributes');
  const limitsInWaf = (what: string): Attr<never> => unknown(`${what} of an ALB are rules of its web ACL, defined outside the manifests`, wafs[0]?.source);
  return {
    controller: 'aws-load-balancer-controller',
    // The controller creates internal load balancers unless told otherwise.
    endpointType: fromAnnotation<EndpointType>(scheme, (v) => (v === 'internet-facing' ? 'external' : 'internal'), 'internal'),
    allowedSourceRanges: fromAnnotation(a('inbound-cidrs'), splitList, null),
    servesHttps: () => listeners.https,
    allowsPlainHttp() {
      if (!listeners.http) return set(false, listeners.source);
      return sslRedirect === undefined ? (listeners.source ? set(true, listeners.source) : byDefault(true)) : set(false, sslRedirect.source);
    },
    minTlsVersion: minTls === undefined ? unknown(`ssl-policy ${policyName} is not a known ELB security policy`, sslPolicy?.source) : sslPolicy ? set(minTls, sslPolicy.source) : byDefault(minTls),
    securityPolicy: sslPolicy ? set(policyName, sslPolicy.source) : byDefault(policyName),
    weakCiphers: sslPolicy ? set(elbPolicyWeakCiphers(policyName), sslPolicy.source) : byDefault(elbPolicyWeakCiphers(policyName)),
    mutualTls: mutualTlsOf(a('mutual-authentication')),
    authorization: authorizationOf(a('auth-type')),
    throttling: wafs.length > 0 ? limitsInWaf('rate limits') : byDefault(null),
    // An ALB sets no limit on request bodies; a web ACL size-constraint rule can.
    maxBodyBytes: wafs.length > 0 ? limitsInWaf('body size limits') : byDefault(null),
    cors: byDefault(null),
    configSnippets: byDefault([]),
    wafs,
    accessLogging: attributes === undefined ? byDefault(false) : set(/access_logs\.s3\.enabled=true/.test(attributes.value), attributes.source),
    clientCertificate: byDefault(false),
    backendTls() {
      const usesTls = fromAnnotation(backendProtocol, (v) => v.toUpperCase() === 'HTTPS', false);
      // "The load balancer establishes TLS connections with the targets using certificates that you install on the
      // targets. The load balancer does not validate these certificates."
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration
      return { usesTls, verifiesCertificate: byDefault(false) };
    },
  };
}

interface Listeners {
  readonly http: boolean;
  readonly https: boolean;
  readonly source?: Annotation['source'];
}

/** listen-ports: `[{"HTTP": 80}, {"HTTPS": 443}]`; by default HTTPS 443 with a certificate, else HTTP 80. */
function listenersOf(ports: Annotation | undefined, hasCertificate: boolean): Listeners {
  if (ports === undefined) return { http: !hasCertificate, https: hasCertificate };
  let parsed: unknown;
  try {
    parsed = JSON.parse(ports.value);
  } catch {
    // The controller rejects such an Ingress; read it as the default.
    return { http: !hasCertificate, https: hasCertificate, source: ports.source };
  }
  const protocols = new Set(list(parsed).flatMap((entry) => (typeof entry === 'object' && entry !== null ? Object.keys(entry).map((k) => k.toUpperCase()) : [])));
  return { http: protocols.has('HTTP'), https: protocols.has('HTTPS'), source: ports.source };
}

function mutualTlsOf(mtls: Annotation | undefined): Attr<boolean> {
  if (mtls === undefined) return byDefault(false);
  return set(/"mode"\s*:\s*"verify"/i.test(mtls.value), mtls.source);
}

function authorizationOf(type: Annotation | undefined): Attr<Authorization> {
  if (type === undefined) return byDefault('none');
  switch (type.value.toLowerCase()) {
    case 'cognito':
      return set('cognito', type.source);
    case 'oidc':
      return set('oauth', type.source);
    default:
      return set('none', type.source);
  }
}

function wafsOf(a: (key: string) => Annotation | undefined, name: string): WafSpec[] {
  const wafs: WafSpec[] = [];
  const v2 = a('wafv2-acl-arn');
  if (v2 !== undefined && v2.value !== '') wafs.push(externalWaf(`${name} web ACL`, 'aws_wafv2_web_acl', v2.source, `web ACL ${v2.value}`));
  const classic = a('waf-acl-id');
  if (classic !== undefined && classic.value !== '') wafs.push(externalWaf(`${name} WAF Classic ACL`, 'aws_wafregional_web_acl', classic.source, `WAF Classic web ACL ${classic.value}`));
  return wafs;
}

/**
 * The controller's older way to redirect HTTP: a catch-all rule (`/*`) whose backend is an action
 * (`port: use-annotation`) defined as `actions.<name>: {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}`.
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/tasks/ssl_redirect/
 */
function httpsRedirectAction(body: Record<string, unknown>, a: (key: string) => Annotation | undefined): Annotation | undefined {
  const spec = body['spec'] as Record<string, unknown> | undefined;
  for (const rule of list(spec?.['rules'])) {
    const http = (rule as Record<string, unknown> | null)?.['http'] as Record<string, unknown> | undefined;
    for (const entry of list(http?.['paths'])) {
      const path = entry as Record<string, unknown> | null;
      if (path?.['path'] !== '/*' && path?.['path'] !== '/') continue;
      const action = actionName(path['backend']);
      const annotation = action === undefined ? undefined : a(`actions.${action}`);
      if (annotation !== undefined && isHttpsRedirect(annotation.value)) return annotation;
    }
  }
  return undefined;
}

/** The service name of a backend that points at an action (`use-annotation`), in the v1 and v1beta1 shapes. */
function actionName(backend: unknown): string | undefined {
  const b = (backend ?? {}) as Record<string, unknown>;
  const service = (b['service'] ?? {}) as Record<string, unknown>;
  const port = (service['port'] ?? {}) as Record<string, unknown>;
  if (typeof service['name'] === 'string' && port['name'] === 'use-annotation') return service['name'];
  if (typeof b['serviceName'] === 'string' && b['servicePort'] === 'use-annotation') return b['serviceName'];
  return undefined;
}

function isHttpsRedirect(json: string): boolean {
  try {
    const action = JSON.parse(json) as { Type?: unknown; RedirectConfig?: { Protocol?: unknown } };
    return String(action.Type).toLowerCase() === 'redirect' && String(action.RedirectConfig?.Protocol).toUpperCase() === 'HTTPS';
  } catch {
    // An action annotation that is not JSON redirects nothing; the controller rejects it.
    return false;
  }
}
