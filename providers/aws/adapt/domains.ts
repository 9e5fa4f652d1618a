import { unknown, type Attr } from '../../../src/graph/attr';
import type { DomainAttrs, EndpointType } from '../../../src/graph/kinds';
import type { TlsVersion } from '../../../src/graph/tls';
import { apiGatewayPolicyMinTls } from '../../aws-shared/tls-policy';
import { apiGatewayArn, domainPath, restApiPath, restStagePath, v2ApiPath } from '../arn';
import type { RegionSnapshot } from '../snapshot';
import { cloudSource, edge, liveId, liveNode, reader, type LiveFragment, type LiveScope } from './live-node';

const ENDPOINT_TYPES: Readonly<Record<string, EndpointType>> = { EDGE: 'edge', REGIONAL: 'regional', PRIVATE: 'private' };

/** Host names that reach a region's APIs: custom domains and the gateway's own names for them, for CloudFront origins. */
export type HostIndex = Map<string, string>;

/**
 * Custom domain names of REST, HTTP and WebSocket APIs (one namespace: both list calls return them all) and what
 * each maps to: a stage when the mapping names one, else the API.
 */
export function adaptDomains(region: RegionSnapshot, scope: LiveScope, out: LiveFragment, hosts: HostIndex): void {
  const restIds = new Set(region.restApis.map((a) => a.api.id));
  const targetOf = (apiId: string, stage: string | undefined): string => {
    const isRest = restIds.has(apiId) || !region.v2Apis.some((a) => a.api.ApiId === apiId);
    const apiArn = apiGatewayArn(scope.partition, scope.region, isRest ? restApiPath(apiId) : v2ApiPath(apiId));
    if (stage === undefined || stage === '') return liveId(apiArn);
    return liveId(isRest ? apiGatewayArn(scope.partition, scope.region, restStagePath(apiId, stage)) : `${apiArn}/stages/${stage}`);
  };
  const seen = new Set<string>();
  for (const { domain, mappings } of region.domainNames) {
    const name = domain.domainName;
    if (name === undefined) continue;
    seen.add(name);
    const arn = apiGatewayArn(scope.partition, scope.region, domainPath(name));
    const read = reader(cloudSource(arn, scope));
    // SecurityPolicy is always returned; a domain created without one has TLS_1_0:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html#apigw-CreateDomainName-request-securityPolicy
    const policy = domain.securityPolicy ?? 'TLS_1_0';
    const type = domain.endpointConfiguration?.types?.[0];
    const attrs: DomainAttrs = {
      hostname: read(name),
      minTlsVersion: minTls(policy, read),
      securityPolicy: read(policy),
      weakCiphers: read([]),
      allowsPlainHttp: read(false),
      mutualTls: read(domain.mutualTlsAuthentication?.truststoreUri !== undefined),
      endpointType: read((type !== undefined ? ENDPOINT_TYPES[type.toUpperCase()] : undefined) ?? 'edge'),
    };
    const node = liveNode('api.domain', arn, name, 'AWS::ApiGateway::DomainName', attrs, scope, domain);
    out.nodes.push(node);
    for (const host of [name, domain.regionalDomainName, domain.distributionDomainName]) if (host !== undefined) hosts.set(host.toLowerCase(), node.id);
    for (const mapping of mappings ?? []) {
      if (mapping.restApiId !== undefined) out.edges.push(edge(node.id, 'domain-serves', targetOf(mapping.restApiId, mapping.stage)));
    }
  }
  for (const { domain, mappings } of region.v2DomainNames) {
    const name = domain.DomainName;
    if (name === undefined || seen.has(name)) continue;
    const arn = apiGatewayArn(scope.partition, scope.region, domainPath(name));
    const source = cloudSource(arn, scope);
    const read = reader(source);
    const config = domain.DomainNameConfigurations?.[0];
    const policy: Attr<string> = config?.SecurityPolicy !== undefined ? read(config.SecurityPolicy) : unknown('the domain has no security policy', source);
    const attrs: DomainAttrs = {
      hostname: read(name),
      minTlsVersion: policy.state === 'unknown' ? policy : minTls(policy.value, read),
      securityPolicy: policy,
      weakCiphers: read([]),
      allowsPlainHttp: read(false),
      mutualTls: read(domain.MutualTlsAuthentication?.TruststoreUri !== undefined),
      endpointType: read((config?.EndpointType !== undefined ? ENDPOINT_TYPES[config.EndpointType.toUpperCase()] : undefined) ?? 'regional'),
    };
    const node = liveNode('api.domain', arn, name, 'AWS::ApiGatewayV2::DomainName', attrs, scope, domain);
    out.nodes.push(node);
    hosts.set(name.toLowerCase(), node.id);
    if (config?.ApiGatewayDomainName !== undefined) hosts.set(config.ApiGatewayDomainName.toLowerCase(), node.id);
    for (const mapping of mappings ?? []) {
      if (mapping.ApiId !== undefined) out.edges.push(edge(node.id, 'domain-serves', targetOf(mapping.ApiId, mapping.Stage)));
    }
  }
}

function minTls(policy: string, read: <T>(value: T) => Attr<T>): Attr<TlsVersion> {
  const version = apiGatewayPolicyMinTls(policy);
  return version !== undefined ? read(version) : unknown(`unrecognised security policy ${policy}`);
}
