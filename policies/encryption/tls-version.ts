import { z } from 'zod';
import { definePolicy, fail, pass, unknown, whileServing, type Outcome } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { GraphNode } from '../../src/graph/kinds';
import { endpointServes } from '../../src/graph/serving';
import { formatSource, type SourceRef } from '../../src/graph/source';
import { atLeast, type TlsVersion } from '../../src/graph/tls';

const TLS_VERSIONS: readonly [TlsVersion, ...TlsVersion[]] = ['1.0', '1.1', '1.2', '1.3'];

const tlsVersionOptions = z.strictObject({
  // YAML reads an unquoted `1.3` as a number: accept it as the version it spells.
  minimumVersion: z.preprocess((v) => (typeof v === 'number' ? v.toFixed(1) : v), z.enum(TLS_VERSIONS)).default('1.2')
    .describe('Lowest TLS version a client-facing endpoint may accept; "1.3" requires endpoints that accept TLS 1.3 only'),
});

export default definePolicy({
  id: 'GW-TLS-001',
  slug: 'tls-version',
  title: 'Client-facing TLS endpoints require TLS 1.2 or newer and refuse weak ciphers',
  severity: 'high',
  category: 'encryption',
  control: 'tls-version',
  owasp: ['API8:2023'],
  target: 'api.domain',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses (BEAST, weak CBC and SHA-1 cipher suites). ' +
    'A custom domain or CDN viewer side that still accepts them lets a client, or an attacker downgrading it, talk to the API over a broken protocol. ' +
    'SSL 3.0 is reported as TLS 1.0 or older. Weak cipher suites (3DES, vulnerable to Sweet32; RC4) are as bad on any protocol version and fail too. ' +
    'The viewer side of a disabled CloudFront distribution accepts no requests: it is judged once the distribution is enabled.',
  remediation: {
    kubernetes: [
      '# AWS Load Balancer Controller (the default ELBSecurityPolicy-2016-08 accepts TLS 1.0)',
      'metadata:',
      '  annotations:',
      '    alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06',
      '# GKE: a FrontendConfig naming an SSL policy with min TLS 1.2 (the default policy accepts TLS 1.0 and 3DES)',
      'apiVersion: networking.gke.io/v1beta1',
      'kind: FrontendConfig',
      'metadata:',
      '  name: api',
      'spec:',
      '  sslPolicy: tls12-modern   # gcloud compute ssl-policies create tls12-modern --min-tls-version=1.2 --profile=MODERN',
      '# Traefik: a TLSOption with minVersion: VersionTLS12, named in traefik.ingress.kubernetes.io/router.tls.options',
    ].join('\n'),
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
      '',
      '# Azure API Management: every legacy protocol and 3DES off (provider v4 names; v3: enable_frontend_tls10 = false, ...)',
      'resource "azurerm_api_management" "apim" {',
      '  # ...',
      '  security {',
      '    frontend_ssl30_enabled     = false',
      '    frontend_tls10_enabled     = false',
      '    frontend_tls11_enabled     = false',
      '    triple_des_ciphers_enabled = false',
      '  }',
      '}',
      '',
      '# Application Gateway in front of APIM',
      'ssl_policy {',
      '  policy_type = "Predefined"',
      '  policy_name = "AppGwSslPolicy20220101S"',
      '}',
    ].join('\n'),
    cloudformation: [
      '# REST API custom domain (SecurityPolicy defaults to TLS_1_0 when omitted)',
      'ApiDomain:',
      '  Type: AWS::ApiGateway::DomainName',
      '  Properties:',
      '    DomainName: api.example.com',
      '    RegionalCertificateArn: !Ref Certificate',
      '    SecurityPolicy: TLS_1_2',
      '    EndpointConfiguration:',
      '      Types: [REGIONAL]',
      '',
      '# HTTP / WebSocket API custom domain',
      'HttpApiDomain:',
      '  Type: AWS::ApiGatewayV2::DomainName',
      '  Properties:',
      '    DomainName: api.example.com',
      '    DomainNameConfigurations:',
      '      - CertificateArn: !Ref Certificate',
      '        EndpointType: REGIONAL',
      '        SecurityPolicy: TLS_1_2',
      '',
      '# CloudFront in front of the API (a custom certificate is required: the default one allows TLS 1.0)',
      'ViewerCertificate:',
      '  AcmCertificateArn: !Ref Certificate',
      '  SslSupportMethod: sni-only',
      '  MinimumProtocolVersion: TLSv1.2_2021',
      '',
      '# SAM: Domain on AWS::Serverless::Api / AWS::Serverless::HttpApi',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    Domain:',
      '      DomainName: api.example.com',
      '      CertificateArn: !Ref Certificate',
      '      EndpointConfiguration: REGIONAL',
      '      SecurityPolicy: TLS_1_2',
    ].join('\n'),
    aws: [
      '# REST API custom domain (API Gateway console: Custom domain names > (domain) > Edit > Minimum TLS version)',
      'aws apigateway update-domain-name --domain-name api.example.com \\',
      '  --patch-operations op=replace,path=/securityPolicy,value=TLS_1_2',
      '',
      '# HTTP / WebSocket API custom domain (keep the certificate and endpoint type it has)',
      'aws apigatewayv2 update-domain-name --domain-name api.example.com \\',
      '  --domain-name-configurations CertificateArn=CERTIFICATE_ARN,EndpointType=REGIONAL,SecurityPolicy=TLS_1_2',
      '',
      '# CloudFront (console: Distributions > (distribution) > Edit > Security policy TLSv1.2_2021; needs a custom certificate)',
      'aws cloudfront get-distribution-config --id DISTRIBUTION_ID > dist.json   # note the ETag',
      '# save its DistributionConfig as dist-config.json with ViewerCertificate.MinimumProtocolVersion set to "TLSv1.2_2021", then:',
      'aws cloudfront update-distribution --id DISTRIBUTION_ID --if-match ETAG --distribution-config file://dist-config.json',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
    'https://datatracker.ietf.org/doc/html/rfc8996',
    'https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-manage-protocols-ciphers',
  ],
  frameworks: { 'pci-dss-4.0': ['4.2.1'], 'nist-800-53': ['SC-8', 'SC-13'] },
  options: tlsVersionOptions,
  evaluate(domain, { options, graph }) {
    return whileServing(endpointServes(graph, domain), () => checkTls(domain, options.minimumVersion));
  },
});

/** The version and cipher findings of an endpoint, one finding when one setting causes both. */
function checkTls(domain: GraphNode<'api.domain'>, minimum: TlsVersion): Outcome | readonly Outcome[] {
  const version = checkVersion(domain, minimum);
  const ciphers = checkCiphers(domain);
  const failures = [version, ciphers].filter((o) => o.status === 'fail');
  // One setting (a CloudFront security policy) that allows both is one finding to fix, not two.
  if (version.status === 'fail' && ciphers.status === 'fail' && formatLocation(version.source) === formatLocation(ciphers.source)) {
    return fail(`${version.message} and weak cipher suites (${describeCiphers(domain)})`, version.source);
  }
  if (failures.length > 0) return failures;
  // Both usually come from the same unresolved security policy: one "cannot verify" says it.
  if (version.status === 'unknown') return version;
  return ciphers;
}

function checkVersion(domain: GraphNode<'api.domain'>, minimum: TlsVersion): Outcome {
  const tls = domain.attrs.minTlsVersion;
  switch (tls.state) {
    case 'unknown':
      return unknown(`\`${domain.name}\`: minimum TLS version is not known statically (${tls.expr ?? 'computed'})`, tls.source ?? domain.source);
    case 'set':
    case 'default': {
      if (atLeast(tls.value, minimum)) return pass();
      const policy = describePolicy(domain.attrs.securityPolicy, tls.state === 'default');
      const configured = minimum === '1.2' ? '' : `; the configured minimum is TLS ${minimum}`;
      return fail(`${label(domain)} accepts TLS ${tls.value}${policy}${configured}`, tls.source ?? domain.source);
    }
  }
}

function checkCiphers(domain: GraphNode<'api.domain'>): Outcome {
  const ciphers = domain.attrs.weakCiphers;
  switch (ciphers.state) {
    case 'unknown':
      return unknown(`\`${domain.name}\`: whether weak cipher suites are accepted is not known statically (${ciphers.expr ?? 'computed'})`, ciphers.source ?? domain.source, 'weak-ciphers');
    case 'set':
    case 'default':
      return ciphers.value.length === 0
        ? pass()
        : fail(`${label(domain)} accepts weak cipher suites: ${ciphers.value.join(', ')}`, ciphers.source ?? domain.source, { key: 'weak-ciphers' });
  }
}

function describeCiphers(domain: GraphNode<'api.domain'>): string {
  const ciphers = domain.attrs.weakCiphers;
  return ciphers.state === 'unknown' ? '' : ciphers.value.join(', ');
}

function formatLocation(source: SourceRef | undefined): string {
  return source ? formatSource(source) : '';
}

/** The node name, and the host name when known: one service can serve several hosts. */
function label(domain: GraphNode<'api.domain'>): string {
  const hostname = domain.attrs.hostname;
  switch (hostname.state) {
    case 'unknown':
      return `\`${domain.name}\``;
    case 'set':
    case 'default':
      return hostname.value === domain.name ? `\`${domain.name}\`` : `\`${domain.name}\` (${hostname.value})`;
  }
}

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
