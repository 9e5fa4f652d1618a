import { byDefault, set, unknown, type Attr } from '../../src/graph/attr';
import type { BackendAttrs } from '../../src/graph/kinds';
import type { FileSource } from '../../src/graph/source';
import type { SpecFlavor, SpecIntegration } from './api-gateway-spec';
import { urlScheme } from '../url-scheme';

/**
 * REST integrations verify backend certificates unless `tlsConfig.insecureSkipVerification`; HTTP APIs always do.
 * TLS is read from the URI's scheme for HTTP backends; Lambda, AWS service and mock integrations cannot be plain HTTP.
 */
export function specBackendAttrs(integration: SpecIntegration, flavor: SpecFlavor, at: FileSource): BackendAttrs {
  const { type, uri } = integration;
  const scheme = uri === undefined ? undefined : urlScheme(uri);
  let usesTls: Attr<boolean>;
  if (type === undefined) usesTls = unknown('integration type is not set', at);
  else if (type !== 'http') usesTls = byDefault(true, at);
  else if (scheme === 'https' || scheme === 'http') usesTls = set(scheme === 'https', at);
  // HTTP API private integrations name a listener or Cloud Map ARN: TLS only with tlsConfig.serverNameToVerify.
  else if (integration.connection === 'vpc-link' && uri?.startsWith('arn:')) usesTls = set(integration.serverNameToVerify !== undefined, at);
  else usesTls = unknown(uri === undefined ? 'integration uri is not set' : `no scheme in ${uri}`, at);
  return {
    type: type === undefined ? unknown('integration type is not set', at) : set(type, at),
    url: uri === undefined ? byDefault('', at) : set(uri, at),
    usesTls,
    verifiesCertificate: flavor === 'rest' && integration.insecureSkipVerification ? set(false, at) : byDefault(true, at),
    connection: set(integration.connection, at),
    minTlsVersion: unknown('API Gateway does not publish the TLS versions it offers to backends', at),
  };
}
