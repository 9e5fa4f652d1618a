import type { Attr } from '../../../src/graph/attr';
import { unknown } from '../../../src/graph/attr';
import type { CdnAttrs, DomainAttrs } from '../../../src/graph/kinds';
import { cloudFrontMinTls, cloudFrontWeakCiphers } from '../../aws-shared/tls-policy';
import type { DistributionShape, WebAclShape } from '../shapes';
import { cloudSource, edge, liveId, liveNode, reader, type LiveFragment, type LiveScope } from './live-node';
import { unreadWebAclNode, webAclNode } from './waf';

type OriginProtocol = CdnAttrs['originProtocol'] extends Attr<infer T> ? T : never;
const ORIGIN_PROTOCOLS: readonly OriginProtocol[] = ['http-only', 'match-viewer', 'https-only'];

/** The viewer side of a distribution: the TLS endpoint clients connect to. */
export const VIEWER_SUFFIX = '#viewer';

/**
 * A distribution, its viewer side, its web ACL, and the APIs it fronts: origins whose host is an API's execute-api
 * name (`<id>.execute-api.<region>.amazonaws.com`) or one of its custom domains. `hosts` maps such host names
 * (lower case) to node ids.
 */
export function adaptDistribution(
  distribution: DistributionShape & { readonly ARN: string }, webAcls: ReadonlyMap<string, WebAclShape>, hosts: ReadonlyMap<string, string>, scope: LiveScope, out: LiveFragment,
): void {
  const arn = distribution.ARN;
  const source = cloudSource(arn, scope);
  const read = reader(source);
  const name = distribution.Aliases?.Items?.[0] ?? distribution.DomainName ?? distribution.Id ?? arn;
  const cdn = liveNode('edge.cdn', arn, name, 'AWS::CloudFront::Distribution', { originProtocol: read(originProtocol(distribution)), enabled: read(distribution.Enabled !== false) }, scope, distribution);
  const policy = distribution.ViewerCertificate?.CloudFrontDefaultCertificate === true ? 'TLSv1' : distribution.ViewerCertificate?.MinimumProtocolVersion ?? 'TLSv1';
  const version = cloudFrontMinTls(policy);
  const viewerAttrs: DomainAttrs = {
    hostname: read(distribution.Aliases?.Items?.[0] ?? distribution.DomainName ?? ''),
    minTlsVersion: version !== undefined ? read(version) : unknown(`unrecognised security policy ${policy}`, source),
    securityPolicy: read(policy),
    weakCiphers: read(cloudFrontWeakCiphers(policy)),
    allowsPlainHttp: read([distribution.DefaultCacheBehavior, ...(distribution.CacheBehaviors?.Items ?? [])].some((b) => b?.ViewerProtocolPolicy === 'allow-all')),
    mutualTls: read(false),
    endpointType: read('edge'),
  };
  const viewer = liveNode('api.domain', `${arn}${VIEWER_SUFFIX}`, name, 'AWS::CloudFront::Distribution', viewerAttrs, scope);
  out.nodes.push(cdn, viewer);
  out.edges.push(edge(viewer.id, 'domain-serves', cdn.id));
  const aclId = distribution.WebACLId;
  if (aclId !== undefined && aclId !== '') {
    const acl = webAcls.get(aclId);
    const waf = acl?.ARN !== undefined ? webAclNode({ ...acl, ARN: acl.ARN }, { ...scope, region: 'us-east-1' }) : unreadWebAclNode(aclId, { ...scope, region: 'us-east-1' });
    out.nodes.push(waf);
    out.edges.push(edge(waf.id, 'waf-protects', cdn.id));
  }
  for (const origin of distribution.Origins?.Items ?? []) {
    const host = origin.DomainName?.toLowerCase();
    const target = host === undefined ? undefined : hosts.get(host);
    if (target !== undefined) out.edges.push(edge(cdn.id, 'cdn-fronts', target));
  }
}

/** The weakest protocol any custom origin is reached with; S3 origins follow the viewer's protocol. */
function originProtocol(distribution: DistributionShape): OriginProtocol {
  let weakest: OriginProtocol | undefined;
  for (const origin of distribution.Origins?.Items ?? []) {
    const protocol = ORIGIN_PROTOCOLS.find((p) => p === origin.CustomOriginConfig?.OriginProtocolPolicy);
    if (protocol !== undefined && (weakest === undefined || ORIGIN_PROTOCOLS.indexOf(protocol) < ORIGIN_PROTOCOLS.indexOf(weakest))) weakest = protocol;
  }
  return weakest ?? 'match-viewer';
}

/** `liveId` of a distribution's viewer side. */
export function viewerId(distributionArn: string): string {
  return liveId(`${distributionArn}${VIEWER_SUFFIX}`);
}
