import type { PolicyStatement, ResourcePolicy } from './kinds';

/** Which clients an API's resource policy lets invoke it, by where they call from. */
export type InvokeSources =
  | { readonly kind: 'any' }
  | { readonly kind: 'ranges'; readonly ranges: readonly string[] }
  | { readonly kind: 'nobody' };

/**
 * An explicit Deny wins over any Allow: a Deny of `execute-api:Invoke` on the whole API to everyone lets nobody in,
 * and one conditioned on `NotIpAddress aws:SourceIp` lets in only the listed ranges. Else, when every Allow of
 * Invoke to everyone is conditioned on `IpAddress aws:SourceIp`, only those ranges get in.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function invokeSources(policy: ResourcePolicy): InvokeSources {
  const toAnyone = policy.statements.filter((s) => s.principals.includes('*') && grantsInvoke(s));
  const denies = toAnyone.filter((s) => s.effect === 'Deny' && s.resources.some(coversWholeApi));
  if (denies.some((s) => !s.hasCondition)) return { kind: 'nobody' };
  const outsideDenied = denies.find((s) => s.sourceIp?.negated === true);
  if (outsideDenied?.sourceIp) return { kind: 'ranges', ranges: outsideDenied.sourceIp.ranges };
  const allows = toAnyone.filter((s) => s.effect === 'Allow');
  if (allows.length > 0 && allows.every((s) => s.sourceIp?.negated === false)) {
    return { kind: 'ranges', ranges: [...new Set(allows.flatMap((s) => s.sourceIp?.ranges ?? []))] };
  }
  return { kind: 'any' };
}

/** An action pattern (`*`, `execute-api:*`, `execute-api:Inv*`) that matches `execute-api:Invoke`. */
function grantsInvoke(statement: PolicyStatement): boolean {
  return statement.actions.some((action) => new RegExp(`^${action.split('*').map(escapeRegExp).join('.*')}$`, 'i').test('execute-api:Invoke'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `*`, `execute-api:/*` (this API, every stage, method and path; also `/*\/*\/*`), or an ARN of every API
 * (`arn:aws:execute-api:*:*:*\/*`). An ARN that names an API id may name another API: not taken as this one.
 */
function coversWholeApi(resource: string): boolean {
  return resource === '*' || /^(?:execute-api:|arn:aws[\w-]*:execute-api:[^:]*:[^:]*:\*)(?:\/\*)+$/.test(resource);
}
