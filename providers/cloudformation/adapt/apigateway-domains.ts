import { byDefault, mapAttr } from '../../../src/graph/attr';
import type { DomainAttrs, EndpointType } from '../../../src/graph/kinds';
import { apiGatewayPolicyMinTls, minTlsOf } from '../../aws-shared/tls-policy';
import type { CfnResource } from '../template';
import { endpointType, REST_API, restStages, stagesNamed } from './apigateway';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { asString, type CfnProp } from './read-prop';

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-domainname.html
export const DOMAIN_NAME = 'AWS::ApiGateway::DomainName';
/** Private custom domain names: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-domainnamev2.html */
export const DOMAIN_NAME_V2 = 'AWS::ApiGateway::DomainNameV2';
const BASE_PATH_MAPPING = 'AWS::ApiGateway::BasePathMapping';
const BASE_PATH_MAPPING_V2 = 'AWS::ApiGateway::BasePathMappingV2';

/** REST API custom domains (public and private) and their base path mappings. */
export function adaptApiGatewayDomains(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  for (const domain of [...ctx.ofType(DOMAIN_NAME), ...ctx.ofType(DOMAIN_NAME_V2)]) {
    result.nodes.push(ctx.node(domain, 'api.domain', domainAttrs(ctx, domain)));
  }
  const stages = restStages(ctx);
  for (const mapping of [...ctx.ofType(BASE_PATH_MAPPING), ...ctx.ofType(BASE_PATH_MAPPING_V2)]) {
    const body = ctx.read.body(mapping);
    const apiProp = ctx.read.prop(body, 'RestApiId');
    const apis = ctx.ids(apiProp, [REST_API]);
    const stageProp = ctx.read.prop(body, 'Stage');
    const mapped = stageProp ? stagesNamed(ctx, stages, stageProp, ctx.identity(apiProp, [REST_API])).map((s) => s.id) : [];
    const domains = mapping.type === BASE_PATH_MAPPING_V2
      ? ctx.ids(ctx.read.prop(body, 'DomainNameArn'), [DOMAIN_NAME_V2])
      : domainIds(ctx, DOMAIN_NAME, ctx.read.prop(body, 'DomainName'));
    for (const domain of domains) {
      for (const target of mapped.length > 0 ? mapped : apis) result.edges.push(edge(domain, 'domain-serves', target));
    }
  }
  return result;
}

function domainAttrs(ctx: CfnContext, domain: CfnResource): DomainAttrs {
  const body = ctx.read.body(domain);
  const isPrivate = domain.type === DOMAIN_NAME_V2;
  // SecurityPolicy is optional on public domains and API Gateway then applies TLS_1_0:
  // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html#apigw-CreateDomainName-request-securityPolicy
  const securityPolicy = isPrivate
    ? ctx.read.read(body, 'SecurityPolicy', asString)
    : ctx.read.read(body, 'SecurityPolicy', asString, { value: 'TLS_1_0', source: domain.source });
  const endpoint = endpointType(ctx, body, domain.source);
  return {
    hostname: ctx.read.read(body, 'DomainName', asString),
    minTlsVersion: minTlsOf(securityPolicy, apiGatewayPolicyMinTls),
    securityPolicy,
    // No API Gateway security policy offers 3DES or RC4:
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
    weakCiphers: mapAttr(securityPolicy, () => []),
    // API Gateway custom domains listen on HTTPS only.
    allowsPlainHttp: byDefault(false, domain.source),
    mutualTls: ctx.read.presence(body, 'MutualTlsAuthentication', domain.source),
    endpointType: isPrivate && endpoint.state === 'default' ? byDefault<EndpointType>('private', domain.source) : endpoint,
  };
}

/** The minimum TLS version of a security policy name; a name we do not know is unknown, not a guess. */

/** Domains a mapping names: by reference (`!Ref Domain` is its name), else by host name among the template's domains. */
export function domainIds(ctx: CfnContext, type: string, domainName: CfnProp | undefined): string[] {
  const byRef = ctx.ids(domainName, [type]);
  if (byRef.length > 0) return byRef;
  const host = domainName && typeof domainName.value === 'string' ? domainName.value : undefined;
  if (host === undefined) return [];
  return ctx.ofType(type).filter((d) => ctx.read.knownString(ctx.read.body(d), 'DomainName') === host).map((d) => ctx.nodeId(d.logicalId));
}

