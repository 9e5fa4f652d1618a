import { findPolicies, type EffectiveSection, type FoundPolicy } from './effective-policy';
import { findChildren, type PolicyElement } from './policy-document';

/**
 * Authorization written as policy code: the inbound section sends a request to an authorization service
 * (`send-request`), then a `return-response` under a `<choose>` condition rejects the caller with 401 or 403, an
 * expression status, or the service's own response. A common pattern (Azure/api-management-policy-snippets
 * "external authorizer"); whether the condition checks anything is C# run at request time, so it is never verified.
 */
export interface PolicyCodeAuthorization<Origin> {
  readonly call: FoundPolicy<Origin>;
  readonly reject: FoundPolicy<Origin>;
  /** `401`, `403`, an expression, or `the response of <variable>`. */
  readonly status: string;
}

const REJECT_STATUS = new Set(['401', '403']);

/** The first conditional rejection that runs after a `send-request`, with that call; `undefined` without the pattern. */
export function policyCodeAuthorization<Origin>(effective: EffectiveSection<Origin>): PolicyCodeAuthorization<Origin> | undefined {
  // Found in execution order: a rejection only counts after the call whose answer it can act on.
  let call: FoundPolicy<Origin> | undefined;
  for (const found of findPolicies(effective, ['send-request', 'return-response'])) {
    if (found.element.name === 'send-request') {
      call ??= found;
      continue;
    }
    const status = call ? rejection(found.element, call.element) : undefined;
    if (call && found.conditional && status !== undefined) return { call, reject: found, status };
  }
  return undefined;
}

/**
 * What a `return-response` answers when it rejects a caller: 401, 403, a computed status, or the response the
 * authorization service gave (`response-variable-name` naming the `send-request`'s). `undefined` for any other
 * answer (a 500, a redirect, a cached response).
 */
function rejection(element: PolicyElement, call: PolicyElement): string | undefined {
  const variable = element.attributes['response-variable-name']?.text.trim();
  if (variable !== undefined) return variable === call.attributes['response-variable-name']?.text.trim() ? `the response of ${variable}` : undefined;
  const code = findChildren(element, 'set-status')[0]?.attributes['code'];
  if (!code) return undefined;
  if (code.hasExpression) return `status ${code.text}`;
  return REJECT_STATUS.has(code.text.trim()) ? code.text.trim() : undefined;
}
