import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { Authorization, ConfigSnippet, CorsConfig, EndpointType, Throttle } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TlsVersion } from '../../../src/graph/tls';
import type { Catalog } from '../catalog';
import type { K8sObject } from '../manifest';

/** What an Ingress controller makes of an Ingress, in the neutral vocabulary (the annotations stay in here). */
export interface IngressSettings {
  /** e.g. `ingress-nginx`, for node `native` types and messages. */
  readonly controller: string;
  /** Why the controller was assumed rather than named (no class, read from its annotations), for a notice. */
  readonly assumed?: string;
  readonly endpointType: Attr<EndpointType>;
  readonly allowedSourceRanges: Attr<readonly string[] | null>;
  /** Whether HTTPS is served for a host, given whether a `spec.tls` entry covers it. */
  servesHttps(hostHasTls: boolean): boolean;
  /** Whether plain HTTP is served (not redirected) for a host. */
  allowsPlainHttp(hostHasTls: boolean): Attr<boolean>;
  readonly minTlsVersion: Attr<TlsVersion>;
  readonly securityPolicy: Attr<string>;
  readonly weakCiphers: Attr<readonly string[]>;
  readonly mutualTls: Attr<boolean>;
  readonly authorization: Attr<Authorization>;
  readonly throttling: Attr<Throttle | null>;
  readonly maxBodyBytes: Attr<number | null>;
  readonly cors: Attr<CorsConfig | null>;
  readonly configSnippets: Attr<readonly ConfigSnippet[]>;
  readonly wafs: readonly WafSpec[];
  readonly accessLogging: Attr<boolean>;
  readonly clientCertificate: Attr<boolean>;
  /** TLS towards one backend Service (`service` when it is in the scan). */
  backendTls(service: K8sObject | undefined, port: string | undefined): BackendTls;
}

export interface BackendTls {
  readonly usesTls: Attr<boolean>;
  readonly verifiesCertificate: Attr<boolean>;
}

/** A WAF the controller puts in front of the Ingress; attributes unknown when it is defined outside the manifests. */
export interface WafSpec {
  readonly name: string;
  readonly nativeType: string;
  readonly source: FileSource;
  readonly defaultAction: Attr<'allow' | 'block'>;
  readonly managedRuleGroups: Attr<readonly string[]>;
  readonly rateBasedRules: Attr<number>;
  readonly ruleCount: Attr<number>;
  readonly mode: Attr<'prevention' | 'detection'>;
}

export interface ControllerContext {
  readonly ingress: K8sObject;
  readonly catalog: Catalog;
}

/** An annotation's value and where it is written. */
export interface Annotation {
  readonly value: string;
  readonly source: FileSource;
}

export function annotation(object: K8sObject, key: string): Annotation | undefined {
  const value = object.annotations[key];
  return value === undefined ? undefined : { value: value.trim(), source: object.locate(['metadata', 'annotations', key]) };
}

export function isTrue(a: Annotation | undefined): boolean {
  return a !== undefined && a.value.toLowerCase() === 'true';
}

/** `set` from an annotation, `byDefault` otherwise. */
export function fromAnnotation<T>(a: Annotation | undefined, read: (value: string) => T, fallback: T): Attr<T> {
  return a === undefined ? byDefault(fallback) : set(read(a.value), a.source);
}

export function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** A positive integer annotation value; `undefined` when it is not one (controllers ignore such values). */
export function positiveInt(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A WAF whose configuration lives outside the scanned manifests (a web ACL ARN, a Cloud Armor policy name). */
export function externalWaf(name: string, nativeType: string, source: FileSource, where: string): WafSpec {
  const u = unknown(`${where} is defined outside the scanned manifests`, source);
  return { name, nativeType, source, defaultAction: u, managedRuleGroups: u, rateBasedRules: u, ruleCount: u, mode: u };
}

/** Every attribute unknown: the controller (and so what its annotations mean) is not known. */
export function unknownController(ingress: K8sObject, why: string): IngressSettings {
  const u = unknown(why, ingress.source);
  return {
    controller: 'unknown',
    endpointType: u, allowedSourceRanges: u,
    servesHttps: (hostHasTls) => hostHasTls,
    allowsPlainHttp: () => u,
    minTlsVersion: u, securityPolicy: u, weakCiphers: u, mutualTls: u, authorization: u, throttling: u, maxBodyBytes: u, cors: u,
    configSnippets: u, wafs: [], accessLogging: u, clientCertificate: u,
    backendTls: () => ({ usesTls: u, verifiesCertificate: u }),
  };
}
