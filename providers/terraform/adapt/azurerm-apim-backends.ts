import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { BackendAttrs } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { isUnknown, type TfAttribute, type TfResource } from '../model';
import { tlsFloor, azureNode } from './azurerm-api-management';
import { BACKEND, SERVICE, type ApimEstate } from './azurerm-apim-estate';
import { asBool, asString, attribute, firstBlock, knownString, readAttr } from './read-attr';
import { emptyResult, type AdaptResult } from './terraform-node';
import { urlScheme } from '../../url-scheme';

/** The backend an API's `service_url` names. */
export const SERVICE_URL_SUFFIX = '#service-url';
/** The backends of a service declared outside the scan. */
const SERVICE_BACKENDS_SUFFIX = '#backends';

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
    const urlText = templateText(attribute(body, 'url'));
    result.nodes.push(azureNode(estate.linker, backend, 'api.backend', backendAttrs(estate.serviceOf(backend), url, bothTrue(chain, name), backend.source, { urlText })));
  }
  // A service whose APIs and backends are all elsewhere still offers its backend protocols to every backend it calls.
  for (const service of estate.linker.ofType(SERVICE)) {
    const inScan = (resource: TfResource) => estate.serviceOf(resource) === service;
    if (apis.some(inScan) || estate.linker.ofType(BACKEND).some(inScan)) continue;
    result.nodes.push(azureNode(estate.linker, service, 'api.backend', backendsElsewhereAttrs(service), SERVICE_BACKENDS_SUFFIX));
  }
  for (const api of apis) {
    const url = readAttr(api.body, 'service_url', asString);
    if (url.state === 'unknown' && url.expr === 'service_url is not set') continue;
    const urlText = templateText(attribute(api.body, 'service_url'));
    result.nodes.push(azureNode(estate.linker, api, 'api.backend', backendAttrs(estate.serviceOf(api), url, byDefault(true, api.source), api.source, { urlText }), SERVICE_URL_SUFFIX));
  }
  return result;
}

/**
 * The TLS connections of a service none of whose APIs or backends is in the scan, to the backends declared elsewhere:
 * only the service's backend protocols are known. Certificates are verified unless a backend entity turns it off
 * (judged where that backend is declared); a plain-HTTP backend is judged there too.
 */
function backendsElsewhereAttrs(service: TfResource): BackendAttrs {
  const at = service.source;
  const elsewhere = unknown(`the backends of ${knownString(service.body, 'name') ?? service.name} are not in the scanned code`, at);
  return {
    type: byDefault('http', at),
    url: elsewhere,
    usesTls: byDefault(true, at),
    verifiesCertificate: byDefault(true, at),
    connection: elsewhere,
    minTlsVersion: tlsFloor(service, 'backend').min,
  };
}

/** What is known of a URL beside its value: see `backendAttrs`. */
export interface UrlHints {
  /** The text of a template whose interpolations are known only at apply time (`https://${azurerm_x.y.host}/api`). */
  readonly urlText?: string | undefined;
  /** Why a `{{named value}}` the URL starts with is not known: it is not in the scan, a secret, or computed. */
  readonly namedValueGap?: ((name: string) => string) | undefined;
}

/** Backend attributes for a URL the gateway forwards to; the oldest TLS version is the service's backend setting. */
export function backendAttrs(service: TfResource | undefined, url: Attr<string>, verifiesCertificate: Attr<boolean>, at: FileSource, hints: UrlHints = {}): BackendAttrs {
  return {
    type: byDefault('http', at),
    url,
    usesTls: usesTls(url, hints),
    verifiesCertificate,
    connection: byDefault('internet', at),
    minTlsVersion: service ? tlsFloor(service, 'backend').min : unknown('the API Management service is not in the scanned code', at),
  };
}

function usesTls(url: Attr<string>, hints: UrlHints): Attr<boolean> {
  if (url.state === 'unknown') {
    // A template's scheme is written before its first interpolation, so it is known although its host is not.
    const fromTemplate = hints.urlText === undefined ? undefined : tlsOfScheme(hints.urlText);
    return fromTemplate === undefined ? url : set(fromTemplate, url.source);
  }
  const fromScheme = tlsOfScheme(url.value);
  if (fromScheme !== undefined) return { ...url, value: fromScheme };
  const namedValue = /^\{\{\s*([^{}]+?)\s*\}\}/.exec(url.value)?.[1];
  if (namedValue !== undefined && hints.namedValueGap) return unknown(`the URL is in named value ${namedValue}, which ${hints.namedValueGap(namedValue)}`, url.source);
  return unknown(`no scheme in ${url.value}`, url.source);
}

/** `true` for https/wss, `false` for http/ws, `undefined` when the text starts with no scheme. */
function tlsOfScheme(text: string): boolean | undefined {
  const scheme = urlScheme(text);
  if (scheme === 'https' || scheme === 'wss') return true;
  if (scheme === 'http' || scheme === 'ws') return false;
  return undefined;
}

/** The text of a template attribute whose value is known only at apply time, as far as it is written. */
function templateText(attr: TfAttribute | undefined): string | undefined {
  const value = attr?.value;
  return isUnknown(value) && typeof value.encoded === 'string' ? value.encoded : undefined;
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
export function policyBackendAttrs(service: TfResource | undefined, url: Attr<string>, at: FileSource, namedValueGap?: (name: string) => string): BackendAttrs {
  return backendAttrs(service, url, byDefault(true, at), at, { namedValueGap });
}
