import { byDefault, mapAttr } from '../../../src/graph/attr';
import type { DomainAttrs } from '../../../src/graph/kinds';
import type { TfResource } from '../model';
import { DEPLOYMENT, INLINE_STAGE_SUFFIX, REST_API, STAGE, endpointType } from './aws-apigateway';
import type { Linker } from './linker';
import { asString, attribute, blockPresence, knownString, readAttr } from './read-attr';
import { edge, emptyResult, terraformNode, type AdaptResult } from './terraform-node';
import { apiGatewayPolicyMinTls, minTlsOf } from '../../aws-shared/tls-policy';

// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_domain_name
export const DOMAIN_NAME = 'aws_api_gateway_domain_name';
const BASE_PATH_MAPPING = 'aws_api_gateway_base_path_mapping';

/** REST API custom domains and their base path mappings. */
export function adaptApiGatewayDomains(linker: Linker): AdaptResult {
  const result = emptyResult();
  for (const domain of linker.ofType(DOMAIN_NAME)) {
    const body = domain.body;
    // security_policy is optional and API Gateway then applies TLS_1_0:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html#apigw-CreateDomainName-request-securityPolicy
    const securityPolicy = readAttr(body, 'security_policy', asString, { value: 'TLS_1_0', source: domain.source });
    const attrs: DomainAttrs = {
      hostname: readAttr(body, 'domain_name', asString),
      minTlsVersion: minTlsOf(securityPolicy, apiGatewayPolicyMinTls),
      securityPolicy,
      // No API Gateway security policy offers 3DES or RC4:
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
      weakCiphers: mapAttr(securityPolicy, () => []),
      // API Gateway custom domains listen on HTTPS only.
      allowsPlainHttp: byDefault(false, domain.source),
      mutualTls: blockPresence(body, 'mutual_tls_authentication', domain.source),
      endpointType: endpointType(body, domain.source),
    };
    result.nodes.push(terraformNode(linker, domain, 'api.domain', attrs));
  }
  for (const mapping of linker.ofType(BASE_PATH_MAPPING)) {
    const body = mapping.body;
    const apis = linker.ids(attribute(body, 'api_id'), [REST_API]);
    const stages = attribute(body, 'stage_name') ? stageIds(linker, mapping) : [];
    for (const domain of domainIds(linker, DOMAIN_NAME, attribute(body, 'domain_name'))) {
      for (const target of stages.length > 0 ? stages : apis) result.edges.push(edge(domain, 'domain-serves', target));
    }
  }
  return result;
}

/** The minimum TLS version of a security policy name; a name we do not know is unknown, not a guess. */

/** Domains a mapping names: by reference, else by host name among the scanned domains. */
export function domainIds(linker: Linker, type: string, domainName: ReturnType<typeof attribute>): readonly string[] {
  const byRef = linker.ids(domainName, [type]);
  if (byRef.length > 0) return byRef;
  const host = domainName && typeof domainName.value === 'string' ? domainName.value : undefined;
  if (host === undefined) return [];
  return linker.ofTypeWhere(type, 'domain_name', host).map((d) => linker.nodeId(d.address));
}

/** The REST stage a base path mapping's `stage_name` names: by reference, else by name on the mapped API. */
function stageIds(linker: Linker, mapping: TfResource): readonly string[] {
  const body = mapping.body;
  const stageName = attribute(body, 'stage_name');
  const byRef = linker.ids(stageName, [STAGE, DEPLOYMENT], (r) => (r.type === DEPLOYMENT ? INLINE_STAGE_SUFFIX : ''));
  if (byRef.length > 0) return byRef;
  const name = knownString(body, 'stage_name');
  const api = linker.identity(attribute(body, 'api_id'), [REST_API]);
  if (name === undefined || api === undefined) return [];
  const onApi = { attribute: 'rest_api_id', types: [REST_API], identity: api };
  return [
    ...linker.ofTypeWhereOn(STAGE, 'stage_name', name, onApi).map((s) => linker.nodeId(s.address)),
    ...linker.ofTypeWhereOn(DEPLOYMENT, 'stage_name', name, onApi).map((d) => linker.nodeId(d.address, INLINE_STAGE_SUFFIX)),
  ];
}
