import type { Attr } from '../../src/graph/attr';
import { definePolicy, fail, pass, unknown, whileServing, type Outcome } from '../../src/engine/policy';
import type { GraphNode } from '../../src/graph/kinds';
import { endpointServes } from '../../src/graph/serving';

export default definePolicy({
  id: 'GW-TLS-002',
  slug: 'https-only',
  title: 'Client-facing endpoints serve HTTPS only',
  severity: 'high',
  category: 'encryption',
  control: 'https-only',
  owasp: ['API8:2023'],
  target: 'api.domain',
  rationale:
    'An endpoint that answers plain HTTP instead of redirecting to HTTPS sends tokens, API keys and response data in clear text, ' +
    'where anyone on the network path can read or change them. ' +
    'The viewer side of a disabled CloudFront distribution accepts no requests: it is judged once the distribution is enabled.',
  remediation: {
    kubernetes: [
      '# ingress-nginx: a TLS section (ssl-redirect then defaults to true); force-ssl-redirect for hosts without one',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"',
      'spec:',
      '  tls:',
      '    - hosts: [api.example.com]',
      '      secretName: api-example-com-tls',
      '# AWS Load Balancer Controller: HTTPS listener and a redirect from HTTP',
      '#   alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}, {"HTTPS": 443}]\'',
      '#   alb.ingress.kubernetes.io/ssl-redirect: "443"',
      '# GKE: kubernetes.io/ingress.allow-http: "false" (or a FrontendConfig with redirectToHttps.enabled: true)',
      '# Gateway API: an HTTPRoute on the HTTP listener whose only rule is a RequestRedirect filter with scheme: https',
    ].join('\n'),
    terraform: [
      '# CloudFront: redirect (or refuse) plain HTTP in the default and every ordered cache behavior',
      'resource "aws_cloudfront_distribution" "api" {',
      '  # ...',
      '  default_cache_behavior {',
      '    # ...',
      '    viewer_protocol_policy = "redirect-to-https" # or "https-only"',
      '  }',
      '  ordered_cache_behavior {',
      '    # ...',
      '    viewer_protocol_policy = "https-only"',
      '  }',
      '}',
      '',
      '# Azure API Management: serve each API over HTTPS only (the default when protocols is omitted)',
      'resource "azurerm_api_management_api" "orders" {',
      '  # ...',
      '  protocols = ["https"]',
      '}',
      '',
      '# Application Gateway in front: redirect the HTTP listener to the HTTPS one',
      'redirect_configuration {',
      '  name                 = "http-to-https"',
      '  redirect_type        = "Permanent"',
      '  target_listener_name = "api-https"',
      '  include_path         = true',
      '  include_query_string = true',
      '}',
    ].join('\n'),
    cloudformation: [
      '# CloudFront: redirect (or refuse) plain HTTP in the default and every other cache behavior',
      'Distribution:',
      '  Type: AWS::CloudFront::Distribution',
      '  Properties:',
      '    DistributionConfig:',
      '      # ...',
      '      DefaultCacheBehavior:',
      '        # ...',
      '        ViewerProtocolPolicy: redirect-to-https # or https-only',
      '      CacheBehaviors:',
      '        - PathPattern: /v2/*',
      '          # ...',
      '          ViewerProtocolPolicy: https-only',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesViewerProtocolPolicy',
    'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api#protocols',
  ],
  frameworks: { 'pci-dss-4.0': ['4.2.1'], 'nist-800-53': ['SC-8'] },
  evaluate(domain, { graph }) {
    return whileServing(endpointServes(graph, domain), () => checkPlainHttp(domain));
  },
});

function checkPlainHttp(domain: GraphNode<'api.domain'>): Outcome {
  const plain = domain.attrs.allowsPlainHttp;
  switch (plain.state) {
    case 'unknown':
      return unknown(`\`${domain.name}\`: whether plain HTTP is served is not known statically (${plain.expr ?? 'computed'})`, plain.source ?? domain.source);
    case 'set':
    case 'default':
      return plain.value
        ? fail(`\`${domain.name}\`${hostnameOf(domain.attrs.hostname)} serves plain HTTP instead of redirecting it to HTTPS`, plain.source ?? domain.source)
        : pass();
  }
}

function hostnameOf(hostname: Attr<string>): string {
  switch (hostname.state) {
    case 'unknown':
      return '';
    case 'set':
    case 'default':
      return ` (${hostname.value})`;
  }
}
