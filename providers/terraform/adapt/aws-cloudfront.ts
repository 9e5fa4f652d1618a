import { byDefault, mapAttr, set, unknown, type Attr } from '../../../src/graph/attr';
import type { CdnAttrs, DomainAttrs, EndpointType } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TfBody, TfResource } from '../model';
import { DEPLOYMENT, INLINE_STAGE_SUFFIX, REST_API, STAGE } from './aws-apigateway';
import { DOMAIN_NAME } from './aws-apigateway-domains';
import { V2_API, V2_DOMAIN_NAME, V2_STAGE } from './aws-apigatewayv2';
import { attachedWafs } from './aws-wafv2';
import type { Linker } from './linker';
import { asBool, asString, asStringList, attribute, readAttr, readBlocks } from './read-attr';
import { edge, emptyResult, terraformNode, type AdaptResult } from './terraform-node';
import { cloudFrontMinTls, cloudFrontWeakCiphers, minTlsOf } from '../../aws-shared/tls-policy';

// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution
const DISTRIBUTION = 'aws_cloudfront_distribution';

/** The viewer side of a distribution: the TLS endpoint clients connect to. */
export const VIEWER_SUFFIX = '#viewer';

type OriginProtocol = CdnAttrs['originProtocol'] extends Attr<infer T> ? T : never;
const ORIGIN_PROTOCOLS: readonly OriginProtocol[] = ['http-only', 'match-viewer', 'https-only'];

/** Resource types an origin `domain_name` may reference that put the distribution in front of an API. */
const FRONTABLE = [REST_API, STAGE, DEPLOYMENT, V2_API, V2_STAGE, DOMAIN_NAME, V2_DOMAIN_NAME];

export function adaptCloudFront(linker: Linker): AdaptResult {
  const result = emptyResult();
  for (const distribution of linker.ofType(DISTRIBUTION)) {
    const body = distribution.body;
    const cdn = terraformNode(linker, distribution, 'edge.cdn', {
      originProtocol: originProtocol(body, distribution.source),
      enabled: readAttr(body, 'enabled', asBool),
    });
    const viewer = terraformNode(linker, distribution, 'api.domain', viewerAttrs(distribution), { suffix: VIEWER_SUFFIX });
    result.nodes.push(cdn, viewer);
    result.edges.push(edge(viewer.id, 'domain-serves', cdn.id));
    for (const waf of distributionWafs(linker, distribution, result)) result.edges.push(edge(waf, 'waf-protects', cdn.id));
    for (const target of frontedTargets(linker, body)) result.edges.push(edge(cdn.id, 'cdn-fronts', target));
  }
  return result;
}

/** The web ACL of a distribution (`web_acl_id`, a WAFv2 ACL's ARN): see {@link attachedWafs}; unset, none. */
function distributionWafs(linker: Linker, distribution: TfResource, result: AdaptResult): readonly string[] {
  const webAcl = attribute(distribution.body, 'web_acl_id');
  return webAcl ? attachedWafs(linker, distribution, webAcl, () => originRefs(linker, distribution.body).flatMap((ref) => linker.resolve(ref)), result) : [];
}

/**
 * The weakest protocol any custom origin is reached with. S3 origins have no setting: CloudFront then uses the
 * viewer's protocol: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-s3-origin.html
 */
function originProtocol(body: TfBody, fallback: FileSource): Attr<OriginProtocol> {
  const origins = readBlocks(body, 'origin');
  if (origins.state === 'unknown') return unknown(origins.expr, origins.source);
  let weakest: Attr<OriginProtocol> | undefined;
  for (const origin of origins.blocks) {
    const custom = readBlocks(origin, 'custom_origin_config');
    if (custom.state === 'unknown') return unknown(custom.expr, custom.source);
    const config = custom.blocks[0];
    if (!config) continue;
    const protocol = readAttr(config, 'origin_protocol_policy', (v) => ORIGIN_PROTOCOLS.find((p) => p === asString(v)));
    if (protocol.state === 'unknown') return protocol;
    if (!weakest || weakest.state === 'unknown' || ORIGIN_PROTOCOLS.indexOf(protocol.value) < ORIGIN_PROTOCOLS.indexOf(weakest.value)) weakest = protocol;
  }
  return weakest ?? byDefault('match-viewer', origins.blocks[0]?.source ?? fallback);
}

function viewerAttrs(distribution: TfResource): DomainAttrs {
  const body = distribution.body;
  const aliases = readAttr(body, 'aliases', asStringList, { value: [], source: distribution.source });
  const hostname: Attr<string> = aliases.state === 'unknown'
    ? aliases
    : aliases.value[0] !== undefined
      ? set(aliases.value[0], aliases.source ?? distribution.source)
      // Without aliases, viewers use the generated dXXXX.cloudfront.net name, known only after apply.
      : byDefault('*.cloudfront.net', distribution.source);
  const securityPolicy = viewerSecurityPolicy(body, distribution.source);
  return {
    hostname,
    minTlsVersion: minTlsOf(securityPolicy, cloudFrontMinTls),
    securityPolicy,
    weakCiphers: mapAttr(securityPolicy, cloudFrontWeakCiphers),
    allowsPlainHttp: allowsPlainHttp(body, distribution.source),
    mutualTls: byDefault(false, distribution.source),
    endpointType: byDefault<EndpointType>('edge', distribution.source),
  };
}

/**
 * `viewer_certificate.minimum_protocol_version` (default TLSv1). With `cloudfront_default_certificate = true`
 * CloudFront ignores it and uses TLSv1: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValues-security-policy
 */
function viewerSecurityPolicy(body: TfBody, fallback: FileSource): Attr<string> {
  const blocks = readBlocks(body, 'viewer_certificate');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const certificate = blocks.blocks[0];
  if (!certificate) return unknown('viewer_certificate is not set', fallback);
  const usesDefault = readAttr(certificate, 'cloudfront_default_certificate', asBool, { value: false, source: certificate.source });
  if (usesDefault.state === 'unknown') return usesDefault;
  if (usesDefault.value) return set('TLSv1', usesDefault.source ?? certificate.source);
  return readAttr(certificate, 'minimum_protocol_version', asString, { value: 'TLSv1', source: certificate.source });
}

/** `viewer_protocol_policy = "allow-all"` on the default or any ordered cache behavior serves plain HTTP. */
function allowsPlainHttp(body: TfBody, fallback: FileSource): Attr<boolean> {
  const behaviors: TfBody[] = [];
  for (const name of ['default_cache_behavior', 'ordered_cache_behavior']) {
    const blocks = readBlocks(body, name);
    if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
    behaviors.push(...blocks.blocks);
  }
  let firstUnknown: Attr<boolean> | undefined;
  for (const behavior of behaviors) {
    const policy = readAttr(behavior, 'viewer_protocol_policy', asString);
    if (policy.state === 'unknown') firstUnknown ??= policy;
    else if (policy.value === 'allow-all') return set(true, policy.source ?? behavior.source);
  }
  if (firstUnknown) return firstUnknown;
  const first = behaviors[0];
  return first ? set(false, attribute(first, 'viewer_protocol_policy')?.source ?? first.source) : unknown('default_cache_behavior is not set', fallback);
}

/** The APIs, stages and custom domains origins point at (`domain_name = replace(aws_api_gateway_stage.s.invoke_url, ...)`). */
function frontedTargets(linker: Linker, body: TfBody): string[] {
  const targets: string[] = [];
  for (const ref of originRefs(linker, body)) {
    const resolved = linker.resolve(ref);
    if (resolved.length === 0) targets.push(linker.nodeId(ref));
    for (const resource of resolved) targets.push(...frontedIds(linker, resource));
  }
  return [...new Set(targets)];
}

/** What the origins' `domain_name`s refer to among the resources a distribution can front. */
function originRefs(linker: Linker, body: TfBody): string[] {
  const origins = readBlocks(body, 'origin');
  if (origins.state === 'unknown') return [];
  return origins.blocks.flatMap((origin) => linker.refsTo(attribute(origin, 'domain_name'), FRONTABLE));
}

/** A deployment is its inline stage when it has one, else the API it deploys. */
function frontedIds(linker: Linker, resource: TfResource): readonly string[] {
  if (resource.type !== DEPLOYMENT) return [linker.nodeId(resource.address)];
  if (attribute(resource.body, 'stage_name')) return [linker.nodeId(resource.address, INLINE_STAGE_SUFFIX)];
  return linker.ids(attribute(resource.body, 'rest_api_id'), [REST_API]);
}
