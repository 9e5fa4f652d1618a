import { byDefault, unknown, type Attr } from '../../../src/graph/attr';
import type { BackendAttrs } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TfResource } from '../model';
import { tlsFloor, azureNode } from './azurerm-api-management';
import { BACKEND, type ApimEstate } from './azurerm-apim-estate';
import { asBool, asString, firstBlock, knownString, readAttr } from './read-attr';
import { emptyResult, type AdaptResult } from './terraform-node';

/** The backend an API's `service_url` names. */
export const SERVICE_URL_SUFFIX = '#service-url';

/** `azurerm_api_management_backend` entities, and the `service_url` of each API that has one. */
export function adaptApimBackends(estate: ApimEstate, apis: readonly TfResource[]): AdaptResult {
  const result = emptyResult();
  for (const backend of estate.linker.ofType(BACKEND)) {
    const body = backend.body;
    const tls = firstBlock(body, 'tls');
    const url = readAttr(body, 'url', asString);
    // Certificate chain and name validation are on unless switched off:
    // https://learn.microsoft.com/en-us/azure/templates/microsoft.apimanagement/service/backends#backendtlsproperties
    const chain = tls ? readAttr(tls, 'validate_certificate_chain', asBool, { value: true, source: tls.source }) : byDefault(true, backend.source);
    const name = tls ? readAttr(tls, 'validate_certificate_name', asBool, { value: true, source: tls.source }) : byDefault(true, backend.source);
    result.nodes.push(azureNode(estate.linker, backend, 'api.backend', backendAttrs(estate.serviceOf(backend), url, bothTrue(chain, name), backend.source)));
  }
  for (const api of apis) {
    const url = readAttr(api.body, 'service_url', asString);
    if (url.state === 'unknown' && url.expr === 'service_url is not set') continue;
    result.nodes.push(azureNode(estate.linker, api, 'api.backend', backendAttrs(estate.serviceOf(api), url, byDefault(true, api.source), api.source), SERVICE_URL_SUFFIX));
  }
  return result;
}

/** Backend attributes for a URL the gateway forwards to; the oldest TLS version is the service's backend setting. */
export function backendAttrs(service: TfResource | undefined, url: Attr<string>, verifiesCertificate: Attr<boolean>, at: FileSource): BackendAttrs {
  return {
    type: byDefault('http', at),
    url,
    usesTls: usesTls(url),
    verifiesCertificate,
    connection: byDefault('internet', at),
    minTlsVersion: service ? tlsFloor(service, 'backend').min : unknown('the API Management service is not in the scanned code', at),
  };
}

function usesTls(url: Attr<string>): Attr<boolean> {
  if (url.state === 'unknown') return url;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.value)?.[1]?.toLowerCase();
  if (scheme === 'https' || scheme === 'wss') return { ...url, value: true };
  if (scheme === 'http' || scheme === 'ws') return { ...url, value: false };
  return unknown(`no scheme in ${url.value}`, url.source);
}

function bothTrue(a: Attr<boolean>, b: Attr<boolean>): Attr<boolean> {
  if (a.state === 'unknown') return a;
  if (b.state === 'unknown') return b;
  if (!a.value) return a;
  if (!b.value) return b;
  return a.state === 'set' ? a : b;
}

/** Backend entities named by `backend-id` in `set-backend-service`, by their `name`. */
export function backendNamed(estate: ApimEstate, service: TfResource | undefined, name: string): string[] {
  return estate.linker.ofType(BACKEND)
    .filter((b) => knownString(b.body, 'name') === name && (!service || estate.serviceOf(b) === service || estate.serviceOf(b) === undefined))
    .map((b) => estate.linker.nodeId(b.address));
}

/** A `set-backend-service base-url` written in a policy: its own backend node on the policy resource. */
export function policyBackendAttrs(service: TfResource | undefined, url: Attr<string>, at: FileSource): BackendAttrs {
  return backendAttrs(service, url, byDefault(true, at), at);
}
