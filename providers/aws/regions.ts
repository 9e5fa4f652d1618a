/**
 * Regions of the `aws` partition where API Gateway has an endpoint, for `--regions all`:
 * https://docs.aws.amazon.com/general/latest/gr/apigateway.html. Opt-in regions that an account has not enabled
 * refuse its credentials; the audit skips them with a notice.
 */
export const API_GATEWAY_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-7', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1',
  'sa-east-1',
];

/** The ARN partition of a region: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A region name as AWS writes them (`eu-west-1`), to reject typos before any call is made. */
export function isRegionName(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value);
}
