import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import { atLeast } from '../../src/graph/tls';

export default definePolicy({
  id: 'GW-TLS-001',
  slug: 'tls-version',
  title: 'Client-facing TLS endpoints require TLS 1.2 or newer',
  severity: 'high',
  category: 'encryption',
  control: 'tls-version',
  owasp: ['API8:2023'],
  target: 'api.domain',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses (BEAST, weak CBC and SHA-1 cipher suites). ' +
    'A custom domain or CDN viewer side that still accepts them lets a client, or an attacker downgrading it, talk to the API over a broken protocol.',
  remediation: {
    terraform: [
      '# REST API custom domain',
      'resource "aws_api_gateway_domain_name" "api" {',
      '  domain_name              = "api.example.com"',
      '  regional_certificate_arn = aws_acm_certificate.api.arn',
      '  security_policy          = "TLS_1_2"',
      '  endpoint_configuration { types = ["REGIONAL"] }',
      '}',
      '',
      '# HTTP / WebSocket API custom domain',
      'resource "aws_apigatewayv2_domain_name" "api" {',
      '  domain_name = "api.example.com"',
      '  domain_name_configuration {',
      '    certificate_arn = aws_acm_certificate.api.arn',
      '    endpoint_type   = "REGIONAL"',
      '    security_policy = "TLS_1_2"',
      '  }',
      '}',
      '',
      '# CloudFront in front of the API (a custom certificate is required: the default one allows TLS 1.0)',
      'viewer_certificate {',
      '  acm_certificate_arn      = aws_acm_certificate.api.arn',
      '  ssl_support_method       = "sni-only"',
      '  minimum_protocol_version = "TLSv1.2_2021"',
      '}',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
    'https://datatracker.ietf.org/doc/html/rfc8996',
  ],
  frameworks: { 'pci-dss-4.0': ['4.2.1'], 'nist-800-53': ['SC-8', 'SC-13'] },
  evaluate(domain) {
    const tls = domain.attrs.minTlsVersion;
    switch (tls.state) {
      case 'unknown':
        return unknown(`\`${domain.name}\`: minimum TLS version is not known statically (${tls.expr ?? 'computed'})`, tls.source ?? domain.source);
      case 'set':
      case 'default': {
        if (atLeast(tls.value, '1.2')) return pass();
        const policy = describePolicy(domain.attrs.securityPolicy, tls.state === 'default');
        return fail(`\`${domain.name}\` accepts TLS ${tls.value}${policy}`, tls.source ?? domain.source);
      }
    }
  },
});

/** ` (security policy TLS_1_0, the default when none is set)`, or only the default note when the policy name is not known. */
function describePolicy(policy: Attr<string>, defaulted: boolean): string {
  const note = defaulted ? 'the default when none is set' : '';
  switch (policy.state) {
    case 'unknown':
      return note === '' ? '' : ` (${note})`;
    case 'set':
    case 'default':
      return ` (security policy ${policy.value}${note === '' ? '' : `, ${note}`})`;
  }
}
