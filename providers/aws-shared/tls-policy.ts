import { unknown, type Attr } from '../../src/graph/attr';
import type { TlsVersion } from '../../src/graph/tls';

/** The minimum TLS version of a security policy attribute, through one of the tables below; an unrecognised name is unknown. */
export function minTlsOf(policy: Attr<string>, map: (name: string) => TlsVersion | undefined): Attr<TlsVersion> {
  if (policy.state === 'unknown') return policy;
  const version = map(policy.value);
  return version === undefined ? unknown(`unrecognised security policy ${policy.value}`, policy.source) : { ...policy, value: version };
}

/**
 * The minimum TLS version an API Gateway security policy accepts. `TLS_1_0` and `TLS_1_2` are the legacy
 * policies; the enhanced `SecurityPolicy_TLS13_1_3_*` accept TLS 1.3 only, and every other enhanced policy
 * (`SecurityPolicy_TLS13_1_2_*`, `SecurityPolicy_TLS12_*`, the `*_EDGE` ones) rejects anything older than TLS 1.2,
 * which is the floor we report for them: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
 */
export function apiGatewayPolicyMinTls(policy: string): TlsVersion | undefined {
  const name = policy.trim();
  if (name === 'TLS_1_0') return '1.0';
  if (name === 'TLS_1_2') return '1.2';
  if (/^SecurityPolicy_TLS13_1_3(_|$)/.test(name)) return '1.3';
  if (/^SecurityPolicy_TLS1[23]_/.test(name)) return '1.2';
  return undefined;
}

/**
 * The minimum TLS version of a CloudFront viewer `minimum_protocol_version`
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html).
 * SSLv3 is below anything TlsVersion names: it is reported as the lowest, 1.0.
 */
export function cloudFrontMinTls(policy: string): TlsVersion | undefined {
  const name = policy.trim();
  if (name === 'SSLv3' || name === 'TLSv1' || name === 'TLSv1_2016') return '1.0';
  if (name === 'TLSv1.1_2016') return '1.1';
  // Not names CloudFront accepts, but written in real code and other tools' tests; each says its own floor.
  if (name === 'TLSv1.0') return '1.0';
  if (name === 'TLSv1.1') return '1.1';
  if (/^TLSv1\.2(_|$)/.test(name)) return '1.2';
  if (/^TLSv1\.3(_|$)/.test(name)) return '1.3';
  return undefined;
}

/**
 * Weak cipher suites a CloudFront viewer security policy still accepts: 3DES in SSLv3 and TLSv1, RC4 in SSLv3
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html).
 */
export function cloudFrontWeakCiphers(policy: string): readonly string[] {
  const name = policy.trim();
  if (name === 'SSLv3') return ['RC4-MD5', 'DES-CBC3-SHA'];
  if (name === 'TLSv1') return ['DES-CBC3-SHA'];
  return [];
}
