import { apiGatewayArn, restApiPath, v2ApiPath } from '../arn';
import type { AccountSnapshot } from '../snapshot';
import { adaptDistribution } from './cloudfront';
import { adaptDomains } from './domains';
import { adaptHttpApi } from './http-apis';
import { adaptKeys } from './keys';
import { liveId, emptyFragment, type LiveFragment, type LiveScope } from './live-node';
import { adaptRestApi } from './rest-apis';
import { webAclNode } from './waf';

/**
 * Everything read of one account → graph nodes and edges, the same vocabulary and defaults as the Terraform and
 * CloudFormation adapters. Pure and synchronous: tests feed recorded responses straight in.
 */
export function adaptAccount(account: AccountSnapshot): LiveFragment {
  const out = emptyFragment();
  const hosts = new Map<string, string>();
  for (const region of account.regions) {
    const scope: LiveScope = { account: account.account, region: region.region, partition: region.partition };
    for (const api of region.restApis) {
      adaptRestApi(api, scope, out);
      hosts.set(`${api.api.id}.execute-api.${region.region}.amazonaws.com`, liveId(apiGatewayArn(scope.partition, scope.region, restApiPath(api.api.id))));
      for (const acl of api.webAcls.values()) if (acl?.ARN !== undefined) out.nodes.push(webAclNode({ ...acl, ARN: acl.ARN }, scope));
    }
    for (const api of region.v2Apis) {
      adaptHttpApi(api, scope, out);
      hosts.set(`${api.api.ApiId}.execute-api.${region.region}.amazonaws.com`, liveId(apiGatewayArn(scope.partition, scope.region, v2ApiPath(api.api.ApiId))));
    }
    adaptDomains(region, scope, out, hosts);
    adaptKeys(region, scope, out);
  }
  const globalScope: LiveScope = { account: account.account, region: 'us-east-1', partition: account.partition };
  for (const distribution of account.distributions ?? []) {
    if (distribution.ARN !== undefined) adaptDistribution({ ...distribution, ARN: distribution.ARN }, account.cloudFrontWebAcls, hosts, globalScope, out);
  }
  return { ...out, nodes: firstOfEachId(out.nodes) };
}

/** One web ACL protects many stages and distributions: it is one node. */
function firstOfEachId<T extends { readonly id: string }>(nodes: readonly T[]): T[] {
  const seen = new Set<string>();
  return nodes.filter((n) => !seen.has(n.id) && (seen.add(n.id), true));
}
