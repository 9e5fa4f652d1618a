import { isPlainMap } from './globals';

const INVOKE = 'execute-api:Invoke';
const ANY_ROUTE = 'execute-api:/*';

/**
 * The resource policy document SAM writes for `Auth.ResourcePolicy` (x-amazon-apigateway-policy): custom statements
 * as written, and for allow/block lists an Allow to everyone paired with a conditional Deny, or a Deny of the
 * listed accounts. Values stay raw (intrinsics are resolved by the adapter).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-resourcepolicystatement.html
 */
export function samResourcePolicy(policy: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const statements: unknown[] = [];
  const custom = policy['CustomStatements'];
  if (Array.isArray(custom)) statements.push(...(custom as unknown[]));
  else if (custom !== undefined && custom !== null) statements.push(custom);

  const allowEveryone = { Effect: 'Allow', Principal: '*', Action: INVOKE, Resource: ANY_ROUTE };
  const denyUnless = (operator: string, key: string, values: unknown): Record<string, unknown> => ({
    Effect: 'Deny', Principal: '*', Action: INVOKE, Resource: ANY_ROUTE, Condition: { [operator]: { [key]: values } },
  });
  const lists: readonly [string, (values: unknown) => unknown[]][] = [
    ['AwsAccountWhitelist', (v) => [{ Effect: 'Allow', Principal: { AWS: v }, Action: INVOKE, Resource: ANY_ROUTE }]],
    ['AwsAccountBlacklist', (v) => [{ Effect: 'Deny', Principal: { AWS: v }, Action: INVOKE, Resource: ANY_ROUTE }]],
    ['IpRangeWhitelist', (v) => [allowEveryone, denyUnless('NotIpAddress', 'aws:SourceIp', v)]],
    ['IpRangeBlacklist', (v) => [allowEveryone, denyUnless('IpAddress', 'aws:SourceIp', v)]],
    ['SourceVpcWhitelist', (v) => [allowEveryone, denyUnless('StringNotEquals', 'aws:SourceVpc', v)]],
    ['SourceVpcBlacklist', (v) => [allowEveryone, denyUnless('StringEquals', 'aws:SourceVpc', v)]],
    ['IntrinsicVpcWhitelist', (v) => [allowEveryone, denyUnless('StringNotEquals', 'aws:SourceVpc', v)]],
    ['IntrinsicVpcBlacklist', (v) => [allowEveryone, denyUnless('StringEquals', 'aws:SourceVpc', v)]],
    ['IntrinsicVpceWhitelist', (v) => [allowEveryone, denyUnless('StringNotEquals', 'aws:SourceVpce', v)]],
    ['IntrinsicVpceBlacklist', (v) => [allowEveryone, denyUnless('StringEquals', 'aws:SourceVpce', v)]],
  ];
  for (const [name, build] of lists) {
    const values = policy[name];
    if (values !== undefined && values !== null) statements.push(...build(values));
  }
  if (statements.length === 0) return undefined;
  // One Allow to everyone is enough, whatever the number of lists that add it.
  const unique = statements.filter((s, i) => !isPlainMap(s) || s !== allowEveryone || statements.indexOf(s) === i);
  return { Version: '2012-10-17', Statement: unique };
}
