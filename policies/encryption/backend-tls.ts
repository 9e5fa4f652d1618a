import { definePolicy, fail, pass, unknown, type Outcome, type Severity } from '../../src/engine/policy';
import type { Attr } from '../../src/graph/attr';
import type { BackendAttrs, GraphNode } from '../../src/graph/kinds';
import { atLeast } from '../../src/graph/tls';

export default definePolicy({
  id: 'GW-TLS-003',
  slug: 'backend-tls',
  title: 'Gateways reach HTTP backends over TLS with certificate verification',
  severity: 'high',
  category: 'encryption',
  control: 'backend-tls',
  owasp: ['API8:2023'],
  target: 'api.backend',
  rationale:
    'TLS between client and gateway protects nothing past the gateway: a plain-HTTP or unverified hop to the backend exposes requests, ' +
    'credentials forwarded in headers and responses to anyone on that path, and lets them impersonate the backend. ' +
    'A hop over a VPC link or private network is less exposed, so it is reported at medium severity. ' +
    'A gateway that still offers SSL 3.0, TLS 1.0 or TLS 1.1 to its backends (API Management backend protocol settings) falls back to them with any backend, ' +
    'or attacker in the path, that does not negotiate TLS 1.2 (medium).',
  remediation: {
    kubernetes: [
      '# ingress-nginx: HTTPS to the Service, with the backend certificate verified against a CA',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/backend-protocol: HTTPS',
      '    nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"',
      '    nginx.ingress.kubernetes.io/proxy-ssl-secret: api/backend-ca   # a Secret with ca.crt',
      '    nginx.ingress.kubernetes.io/proxy-ssl-name: api.api.svc',
      '# Gateway API: a BackendTLSPolicy for the Service',
      'apiVersion: gateway.networking.k8s.io/v1alpha3',
      'kind: BackendTLSPolicy',
      'metadata:',
      '  name: api-tls',
      'spec:',
      '  targetRefs: [{group: "", kind: Service, name: api}]',
      '  validation:',
      '    hostname: api.api.svc',
      '    caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]',
      '# AWS Load Balancer Controller: alb.ingress.kubernetes.io/backend-protocol: HTTPS (an ALB does not verify target certificates)',
    ].join('\n'),
    terraform: [
      '# REST API: call the backend over https:// and keep certificate verification on',
      'resource "aws_api_gateway_integration" "orders" {',
      '  # ...',
      '  type                    = "HTTP_PROXY"',
      '  integration_http_method = "ANY"',
      '  uri                     = "https://orders.internal.example.com/{proxy}"',
      '  tls_config {',
      '    insecure_skip_verification = false',
      '  }',
      '}',
      '',
      '# HTTP API',
      'resource "aws_apigatewayv2_integration" "orders" {',
      '  # ...',
      '  integration_type   = "HTTP_PROXY"',
      '  integration_method = "ANY"',
      '  integration_uri    = "https://orders.example.com/{proxy}"',
      '}',
      '',
      '# Azure API Management: https backends with certificate chain and name validation on...',
      'resource "azurerm_api_management_backend" "orders" {',
      '  name                = "orders"',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  api_management_name = azurerm_api_management.apim.name',
      '  protocol            = "http"',
      '  url                 = "https://orders.internal.example.com"',
      '  tls {',
      '    validate_certificate_chain = true',
      '    validate_certificate_name  = true',
      '  }',
      '}',
      '# ...(service_url on azurerm_api_management_api and <set-backend-service base-url="https://..." /> too),',
      '# and no legacy protocol towards backends (provider v4 names; v3: enable_backend_tls10 = false, ...)',
      'resource "azurerm_api_management" "apim" {',
      '  # ...',
      '  security {',
      '    backend_ssl30_enabled = false',
      '    backend_tls10_enabled = false',
      '    backend_tls11_enabled = false',
      '  }',
      '}',
    ].join('\n'),
    cloudformation: [
      '# REST API method: call the backend over https://',
      'GetOrders:',
      '  Type: AWS::ApiGateway::Method',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    ResourceId: !Ref OrdersResource',
      '    HttpMethod: GET',
      '    AuthorizationType: AWS_IAM',
      '    Integration:',
      '      Type: HTTP_PROXY',
      '      IntegrationHttpMethod: GET',
      '      Uri: https://orders.internal.example.com/orders',
      '',
      '# HTTP API; a private integration (VPC link to a load balancer) uses TLS with TlsConfig',
      'OrdersIntegration:',
      '  Type: AWS::ApiGatewayV2::Integration',
      '  Properties:',
      '    ApiId: !Ref HttpApi',
      '    IntegrationType: HTTP_PROXY',
      '    IntegrationMethod: ANY',
      '    ConnectionType: VPC_LINK',
      '    ConnectionId: !Ref VpcLink',
      '    IntegrationUri: !Ref LoadBalancerListener',
      '    TlsConfig:',
      '      ServerNameToVerify: orders.internal.example.com',
      '    PayloadFormatVersion: \'1.0\'',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/API_TlsConfig.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-private-integration.html',
    'https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-manage-protocols-ciphers',
    'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_backend#tls',
  ],
  frameworks: { 'pci-dss-4.0': ['4.2.1'], 'nist-800-53': ['SC-8'] },
  evaluate(backend) {
    const type = backend.attrs.type;
    switch (type.state) {
      case 'unknown':
        return unknown(`\`${backend.name}\`: backend type is not known statically (${type.expr ?? 'computed'})`, type.source ?? backend.source);
      case 'set':
      case 'default':
        switch (type.value) {
          // Lambda, AWS service and mock integrations are called over the platform's own TLS endpoints, or not at all.
          case 'lambda':
          case 'aws-service':
          case 'mock':
            return pass();
          case 'http':
          case 'service':
            return checkNetworkBackend(backend);
        }
    }
  },
});

function checkNetworkBackend(backend: GraphNode<'api.backend'>): Outcome | readonly Outcome[] {
  const { usesTls } = backend.attrs;
  const severity = severityFor(backend.attrs.connection);
  switch (usesTls.state) {
    case 'unknown': {
      // An old protocol on offer is a fact whenever the hop uses TLS at all: report it even when the URL is not known.
      const floor = checkTlsFloor(backend);
      if (floor.status === 'fail') return floor;
      return unknown(`\`${backend.name}\`: whether the backend${urlOf(backend.attrs)} is called over TLS is not known statically (${usesTls.expr ?? 'computed'})`, usesTls.source ?? backend.source);
    }
    case 'set':
    case 'default':
      if (!usesTls.value) {
        return fail(`\`${backend.name}\` calls its backend${urlOf(backend.attrs)} over plain HTTP${connectionNote(backend.attrs.connection)}`, usesTls.source ?? backend.source, { severity });
      }
  }
  const verification = checkVerification(backend, severity);
  const floor = checkTlsFloor(backend);
  const failures = [verification, floor].filter((o) => o.status === 'fail');
  if (failures.length > 0) return failures;
  // Both unknown: the verification is the question that matters more.
  return verification.status === 'unknown' ? verification : floor;
}

function checkVerification(backend: GraphNode<'api.backend'>, severity: Severity): Outcome {
  const { verifiesCertificate } = backend.attrs;
  switch (verifiesCertificate.state) {
    case 'unknown':
      return unknown(`\`${backend.name}\`: whether the backend certificate is verified is not known statically (${verifiesCertificate.expr ?? 'computed'})`, verifiesCertificate.source ?? backend.source);
    case 'set':
    case 'default':
      return verifiesCertificate.value
        ? pass()
        : fail(`\`${backend.name}\` calls its backend${urlOf(backend.attrs)} over TLS without verifying its certificate${connectionNote(backend.attrs.connection)}`, verifiesCertificate.source ?? backend.source, { severity });
  }
}

/**
 * The gateway negotiates the highest version both ends support, so an old version on offer is used only with a backend
 * (or a man in the middle) that refuses TLS 1.2: medium, below plain HTTP and unverified certificates.
 */
function checkTlsFloor(backend: GraphNode<'api.backend'>): Outcome {
  const floor = backend.attrs.minTlsVersion;
  if (floor === undefined) return pass();
  switch (floor.state) {
    case 'unknown':
      return unknown(`\`${backend.name}\`: the oldest TLS version offered to the backend is not known statically (${floor.expr ?? 'computed'})`, floor.source ?? backend.source, 'tls-version');
    case 'set':
    case 'default':
      return atLeast(floor.value, '1.2')
        ? pass()
        : fail(`\`${backend.name}\` may call its backend${urlOf(backend.attrs)} over TLS ${floor.value}: the gateway still offers it to backends`, floor.source ?? backend.source, { severity: 'medium', key: 'tls-version' });
  }
}

/** A private hop (VPC link, in-cluster) is less exposed than the internet; an unknown connection is treated as the internet. */
function severityFor(connection: Attr<'internet' | 'vpc-link' | 'private'>): Severity {
  switch (connection.state) {
    case 'unknown':
      return 'high';
    case 'set':
    case 'default':
      return connection.value === 'internet' ? 'high' : 'medium';
  }
}

function connectionNote(connection: Attr<'internet' | 'vpc-link' | 'private'>): string {
  switch (connection.state) {
    case 'unknown':
      return '';
    case 'set':
    case 'default':
      return connection.value === 'internet' ? '' : ` (through a ${connection.value} connection)`;
  }
}

function urlOf(attrs: BackendAttrs): string {
  switch (attrs.url.state) {
    case 'unknown':
      return '';
    case 'set':
    case 'default':
      return ` ${attrs.url.value}`;
  }
}
