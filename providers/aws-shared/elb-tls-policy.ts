import type { TlsVersion } from '../../src/graph/tls';

/**
 * The oldest TLS version an Elastic Load Balancing security policy (ALB / NLB listeners) accepts, from its name:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * `ELBSecurityPolicy-TLS13-1-2-2021-06` → 1.2, `ELBSecurityPolicy-TLS-1-1-2017-01` → 1.1, `ELBSecurityPolicy-FS-1-2-Res-2020-10`
 * → 1.2; the older `ELBSecurityPolicy-2016-08`, `-2015-05`, `-TLS-1-0-2015-04` and `-FS-2018-06` accept TLS 1.0.
 */
export function elbPolicyMinTls(policy: string): TlsVersion | undefined {
  const name = policy.trim();
  const versioned = /^ELBSecurityPolicy-(?:TLS13-|TLS-|FS-)1-([0-3])(?:-|$)/.exec(name);
  if (versioned) return `1.${versioned[1] ?? '0'}` as TlsVersion;
  if (/^ELBSecurityPolicy-(?:FS-)?20\d\d-\d\d$/.test(name)) return '1.0';
  return undefined;
}

/**
 * 3DES (Sweet32) cipher suites an ELB security policy still offers: the 2015 policies
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html).
 */
export function elbPolicyWeakCiphers(policy: string): readonly string[] {
  return /^ELBSecurityPolicy-(TLS-1-0-)?2015-0[45]$/.test(policy.trim()) ? ['DES-CBC3-SHA'] : [];
}
