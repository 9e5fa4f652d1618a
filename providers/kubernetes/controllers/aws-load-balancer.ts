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
  const sslRedirect = a('ssl-redirect');
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
