/**
 * ARNs of API Gateway resources, which carry no account: `arn:<partition>:apigateway:<region>::/<path>`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html). They are the node ids of
 * live nodes (`aws:<ARN>`) and what findings show.
 */
export function apiGatewayArn(partition: string, region: string, path: string): string {
  return `arn:${partition}:apigateway:${region}::${path}`;
}

export const restApiPath = (apiId: string): string => `/restapis/${apiId}`;
export const restStagePath = (apiId: string, stage: string): string => `/restapis/${apiId}/stages/${stage}`;
export const v2ApiPath = (apiId: string): string => `/apis/${apiId}`;
export const domainPath = (domainName: string): string => `/domainnames/${domainName}`;

/** Name and id of a WAFv2 web ACL from its ARN: `arn:aws:wafv2:us-east-1:123456789012:global/webacl/<name>/<id>`. */
export function webAclNameAndId(arn: string): { readonly name: string; readonly id: string } | undefined {
  const match = /^arn:[^:]+:wafv2:[^:]*:\d*:(?:global|regional)\/webacl\/([^/]+)\/([^/]+)$/.exec(arn);
  return match?.[1] !== undefined && match[2] !== undefined ? { name: match[1], id: match[2] } : undefined;
}
