import { byDefault, mapAttr, set, unknown, type Attr } from '../../../src/graph/attr';
import type { CdnAttrs, DomainAttrs, EndpointType } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { cloudFrontMinTls, cloudFrontWeakCiphers, minTlsOf } from '../../aws-shared/tls-policy';
import type { CfnResource } from '../template';
import { DEPLOYMENT, DEPLOYMENT_STAGE_SUFFIX, REST_API, STAGE } from './apigateway';
import { DOMAIN_NAME, DOMAIN_NAME_V2 } from './apigateway-domains';
import { V2_API, V2_DOMAIN_NAME, V2_STAGE } from './apigatewayv2';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { asBool, asString, asStringList, type CfnBody } from './read-prop';
import { attachedWafs } from './wafv2';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-distribution.html
const DISTRIBUTION = 'AWS::CloudFront::Distribution';

/** The viewer side of a distribution: the TLS endpoint clients connect to. */
export const VIEWER_SUFFIX = '#viewer';

type OriginProtocol = CdnAttrs['originProtocol'] extends Attr<infer T> ? T : never;
const ORIGIN_PROTOCOLS: readonly OriginProtocol[] = ['http-only', 'match-viewer', 'https-only'];

/** Resource types an origin's `DomainName` may refer to that put the distribution in front of an API. */
const FRONTABLE = [REST_API, STAGE, DEPLOYMENT, V2_API, V2_STAGE, DOMAIN_NAME, DOMAIN_NAME_V2, V2_DOMAIN_NAME];

export function adaptCloudFront(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  for (const distribution of ctx.ofType(DISTRIBUTION)) {
    const nested = ctx.read.child(ctx.read.body(distribution), 'DistributionConfig');
    if (nested.state !== 'known') {
      result.diagnostics.push(ctx.notice(distribution, nested.state === 'absent' ? 'DistributionConfig is not set' : `DistributionConfig is not known statically (${nested.expr})`, distribution.source, 'warning'));
      continue;
    }
    const config = nested.body;
    const cdn = ctx.node(distribution, 'edge.cdn', {
      originProtocol: originProtocol(ctx, config),
      enabled: ctx.read.read(config, 'Enabled', asBool),
    });
    const viewer = ctx.node(distribution, 'api.domain', viewerAttrs(ctx, distribution, config), { suffix: VIEWER_SUFFIX });
    result.nodes.push(cdn, viewer);
    result.edges.push(edge(viewer.id, 'domain-serves', cdn.id));
    for (const waf of distributionWafs(ctx, distribution, config, result)) result.edges.push(edge(waf, 'waf-protects', cdn.id));
    for (const target of frontedTargets(ctx, config)) result.edges.push(edge(cdn.id, 'cdn-fronts', target));
  }
  return result;
}

/** The web ACL of a distribution (`WebACLId`, a WAFv2 ACL's ARN): see {@link attachedWafs}; unset, none. */
function distributionWafs(ctx: CfnContext, distribution: CfnResource, config: CfnBody, result: AdaptResult): readonly string[] {
  const webAcl = ctx.read.prop(config, 'WebACLId');
  return webAcl ? attachedWafs(ctx, distribution, webAcl, () => frontedResources(ctx, config), result, 'WebACLId') : [];
}

/**
 * The weakest protocol any custom origin is reached with. S3 origins have no setting: CloudFront then uses the
 * viewer's protocol: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-s3-origin.html
 */
function originProtocol(ctx: CfnContext, config: CfnBody): Attr<OriginProtocol> {
  const origins = ctx.read.items(config, 'Origins');
  if (origins.state === 'unknown') return unknown(origins.expr, origins.source);
  let weakest: Attr<OriginProtocol> | undefined;
  for (const origin of origins.bodies) {
    const custom = ctx.read.child(origin, 'CustomOriginConfig');
    if (custom.state === 'unknown') return unknown(custom.expr, custom.source);
    if (custom.state === 'absent') continue;
    const protocol = ctx.read.read(custom.body, 'OriginProtocolPolicy', (v) => ORIGIN_PROTOCOLS.find((p) => p === asString(v)));
    if (protocol.state === 'unknown') return protocol;
    if (!weakest || weakest.state === 'unknown' || ORIGIN_PROTOCOLS.indexOf(protocol.value) < ORIGIN_PROTOCOLS.indexOf(weakest.value)) weakest = protocol;
  }
  return weakest ?? byDefault('match-viewer', origins.bodies[0]?.source ?? config.source);
}

function viewerAttrs(ctx: CfnContext, distribution: CfnResource, config: CfnBody): DomainAttrs {
  const aliases = ctx.read.read(config, 'Aliases', asStringList, { value: [], source: distribution.source });
  const hostname: Attr<string> = aliases.state === 'unknown'
    ? aliases
    : aliases.value[0] !== undefined
      ? set(aliases.value[0], aliases.source ?? distribution.source)
      // Without aliases, viewers use the generated dXXXX.cloudfront.net name, known only after deployment.
      : byDefault('*.cloudfront.net', distribution.source);
  const securityPolicy = viewerSecurityPolicy(ctx, config, distribution.source);
  return {
    hostname,
    minTlsVersion: minTlsOf(securityPolicy, cloudFrontMinTls),
    securityPolicy,
    weakCiphers: mapAttr(securityPolicy, cloudFrontWeakCiphers),
    allowsPlainHttp: allowsPlainHttp(ctx, config, distribution.source),
    mutualTls: byDefault(false, distribution.source),
    endpointType: byDefault<EndpointType>('edge', distribution.source),
  };
}

/**
 * `ViewerCertificate.MinimumProtocolVersion` (default TLSv1). Without a ViewerCertificate, or with
 * `CloudFrontDefaultCertificate: true`, CloudFront serves its own certificate with TLSv1:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValues-security-policy
 */
function viewerSecurityPolicy(ctx: CfnContext, config: CfnBody, fallback: FileSource): Attr<string> {
  const certificate = ctx.read.child(config, 'ViewerCertificate');
  switch (certificate.state) {
    case 'absent':
      return byDefault('TLSv1', fallback);
    case 'unknown':
      return unknown(certificate.expr, certificate.source);
    case 'known': {
      const body = certificate.body;
      const usesDefault = ctx.read.read(body, 'CloudFrontDefaultCertificate', asBool, { value: false, source: body.source });
      if (usesDefault.state === 'unknown') return usesDefault;
      if (usesDefault.value) return set('TLSv1', usesDefault.source ?? body.source);
      return ctx.read.read(body, 'MinimumProtocolVersion', asString, { value: 'TLSv1', source: body.source });
    }
  }
}

/** `ViewerProtocolPolicy: allow-all` on the default or any other cache behavior serves plain HTTP. */
function allowsPlainHttp(ctx: CfnContext, config: CfnBody, fallback: FileSource): Attr<boolean> {
  const behaviors: CfnBody[] = [];
  const main = ctx.read.child(config, 'DefaultCacheBehavior');
  if (main.state === 'unknown') return unknown(main.expr, main.source);
  if (main.state === 'known') behaviors.push(main.body);
  const others = ctx.read.items(config, 'CacheBehaviors');
  if (others.state === 'unknown') return unknown(others.expr, others.source);
  behaviors.push(...others.bodies);
  let firstUnknown: Attr<boolean> | undefined;
  for (const behavior of behaviors) {
    const policy = ctx.read.read(behavior, 'ViewerProtocolPolicy', asString);
    if (policy.state === 'unknown') firstUnknown ??= policy;
    else if (policy.value === 'allow-all') return set(true, policy.source ?? behavior.source);
  }
  if (firstUnknown) return firstUnknown;
  const first = behaviors[0];
  return first ? set(false, ctx.read.prop(first, 'ViewerProtocolPolicy')?.source ?? first.source) : unknown('DefaultCacheBehavior is not set', fallback);
}

/** The APIs, stages and custom domains origins point at (`!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com`). */
function frontedTargets(ctx: CfnContext, config: CfnBody): string[] {
  const targets: string[] = [];
  for (const resource of frontedResources(ctx, config)) {
    if (resource.type !== DEPLOYMENT) targets.push(ctx.nodeId(resource.logicalId));
    // A deployment is the stage it creates, else the API it deploys.
    else if (ctx.read.prop(ctx.read.body(resource), 'StageName')) targets.push(ctx.nodeId(resource.logicalId, DEPLOYMENT_STAGE_SUFFIX));
    else targets.push(...ctx.ids(ctx.read.prop(ctx.read.body(resource), 'RestApiId'), [REST_API]));
  }
  return [...new Set(targets)];
}

/** What the origins' `DomainName`s refer to among the resources a distribution can front. */
function frontedResources(ctx: CfnContext, config: CfnBody): CfnResource[] {
  const origins = ctx.read.items(config, 'Origins');
  if (origins.state === 'unknown') return [];
  return origins.bodies.flatMap((origin) => ctx.targets(ctx.read.prop(origin, 'DomainName'), FRONTABLE));
}
