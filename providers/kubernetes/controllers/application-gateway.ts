import { byDefault, set, unknown } from '../../../src/graph/attr';
import type { EndpointType } from '../../../src/graph/kinds';
import { annotation, externalWaf, fromAnnotation, isTrue, type ControllerContext, type IngressSettings, type WafSpec } from './settings';

/**
 * Azure Application Gateway Ingress Controller (AGIC):
 * https://learn.microsoft.com/en-us/azure/application-gateway/ingress-controller-annotations
 */
const PREFIX = 'appgw.ingress.kubernetes.io/';

export function applicationGatewaySettings({ ingress }: ControllerContext): IngressSettings {
  const sslRedirect = annotation(ingress, `${PREFIX}ssl-redirect`);
  const waf = annotation(ingress, `${PREFIX}waf-policy-for-path`);
  const backendProtocol = annotation(ingress, `${PREFIX}backend-protocol`);
  const certificate = annotation(ingress, `${PREFIX}appgw-ssl-certificate`);
  const wafs: WafSpec[] = waf ? [externalWaf(`${ingress.name} WAF policy`, 'azurerm_web_application_firewall_policy', waf.source, `WAF policy ${waf.value}`)] : [];
  const gatewayTls = unknown('the TLS policy is set on the Application Gateway, outside the Ingress');
  return {
    controller: 'azure-application-gateway',
    endpointType: fromAnnotation<EndpointType>(annotation(ingress, `${PREFIX}use-private-ip`), (v) => (v.toLowerCase() === 'true' ? 'internal' : 'external'), 'external'),
    allowedSourceRanges: byDefault(null),
    servesHttps: (hostHasTls) => hostHasTls || certificate !== undefined,
    allowsPlainHttp: () => (isTrue(sslRedirect) && sslRedirect ? set(false, sslRedirect.source) : sslRedirect ? set(true, sslRedirect.source) : byDefault(true)),
    minTlsVersion: gatewayTls,
    securityPolicy: gatewayTls,
    weakCiphers: gatewayTls,
    mutualTls: byDefault(false),
    authorization: byDefault('none'),
    throttling: byDefault(null),
    // A WAF policy inspects bodies up to its own configured limit.
    maxBodyBytes: wafs.length > 0 ? unknown('the request body limit is set in the WAF policy, outside the manifests', waf?.source) : byDefault(null),
    cors: byDefault(null),
    configSnippets: byDefault([]),
    wafs,
    accessLogging: unknown('Application Gateway access logs are diagnostic settings of the gateway'),
    clientCertificate: byDefault(false),
    backendTls() {
      // Application Gateway v2 validates backend certificates against well-known CAs unless told otherwise.
      const usesTls = fromAnnotation(backendProtocol, (v) => v.toLowerCase() === 'https', false);
      return { usesTls, verifiesCertificate: byDefault(true) };
    },
  };
}
