import { byDefault, set, type Attr } from '../../../src/graph/attr';
import type { EndpointType, GraphNode } from '../../../src/graph/kinds';
import { dig, list, str, type K8sObject } from '../manifest';
import { objectId } from './node-ids';

/**
 * Annotations that make a cloud load balancer internal (no public address):
 * AWS https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/#lb-scheme,
 * Azure https://learn.microsoft.com/en-us/azure/aks/internal-lb, GKE https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters.
 */
export function internalLoadBalancer(annotations: Readonly<Record<string, unknown>>): boolean {
  const value = (key: string): string => (str(annotations[key]) ?? (typeof annotations[key] === 'boolean' ? String(annotations[key]) : '')).toLowerCase();
  return value('service.beta.kubernetes.io/aws-load-balancer-internal') === 'true'
    || value('service.beta.kubernetes.io/aws-load-balancer-scheme') === 'internal'
    || value('service.beta.kubernetes.io/azure-load-balancer-internal') === 'true'
    || value('networking.gke.io/load-balancer-type') === 'internal'
    || value('cloud.google.com/load-balancer-type') === 'internal';
}

const HTTP_PORTS = new Set([80, 443, 8000, 8080, 8443]);

/** A port that carries HTTP(S) or gRPC: by appProtocol, by name (`http`, `https-web`, `grpc`) or by a well-known number. */
function isHttpPort(port: unknown): boolean {
  const protocol = (str(dig(port, 'protocol')) ?? 'TCP').toUpperCase();
  if (protocol !== 'TCP') return false;
  const label = `${str(dig(port, 'appProtocol')) ?? ''} ${str(dig(port, 'name')) ?? ''}`.toLowerCase();
  if (/(^|[^a-z])(https?|h2c?|grpc)([^a-z]|$)/.test(label)) return true;
  const number = Number(dig(port, 'port'));
  return HTTP_PORTS.has(number);
}

/**
 * A Service of type LoadBalancer with an HTTP(S) port is an API endpoint of its own, beside any Ingress: an `api`
 * (flavor load-balancer) whose default endpoint is the load balancer's address.
 */
export function adaptLoadBalancerService(service: K8sObject): GraphNode<'api'> | undefined {
  if (str(dig(service.body, 'spec', 'type')) !== 'LoadBalancer') return undefined;
  if (!list(dig(service.body, 'spec', 'ports')).some(isHttpPort)) return undefined;
  const internal = internalLoadBalancer(service.annotations);
  const endpointType: Attr<EndpointType> = internal ? set('internal', service.locate(['metadata', 'annotations'])) : byDefault('external');
  const ranges = list(dig(service.body, 'spec', 'loadBalancerSourceRanges')).map(String);
  const rangeAnnotation = service.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'];
  const allowedSourceRanges: Attr<readonly string[] | null> = ranges.length > 0
    ? set(ranges, service.locate(['spec', 'loadBalancerSourceRanges']))
    : rangeAnnotation !== undefined ? set(rangeAnnotation.split(',').map((r) => r.trim()), service.locate(['metadata', 'annotations'])) : byDefault(null);
  return {
    id: objectId(service), kind: 'api', name: service.name, provider: 'kubernetes', platform: 'kubernetes', source: service.source,
    native: { type: 'Service (LoadBalancer)' }, raw: service.body,
    attrs: {
      flavor: 'load-balancer', endpointType, defaultEndpointEnabled: byDefault(true), resourcePolicy: byDefault(null), hasSpec: byDefault(false),
      cors: byDefault(null), policyOverrides: byDefault([]), allowedSourceRanges, configSnippets: byDefault([]),
    },
  };
}
