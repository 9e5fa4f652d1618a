import { effectiveSection, type PolicyScope } from '../../../providers/apim-policy/effective-policy';
import { policyCodeAuthorization } from '../../../providers/apim-policy/policy-authorization';
import { readPolicyXml } from '../../../providers/apim-policy/read-policy-xml';

function inbound(xml: string) {
  const { document, problems } = readPolicyXml(`<policies><inbound>${xml}</inbound></policies>`);
  expect(problems).toEqual([]);
  const scope: PolicyScope = { level: 'api', name: 'api', policy: { state: 'known', document } };
  return effectiveSection([scope], 'inbound');
}

const CALL = '<send-request mode="new" response-variable-name="auth"><set-url>https://auth.example.org/check</set-url></send-request>';
const when = (body: string) => `<choose><when condition="@(context.Variables.GetValueOrDefault&lt;string&gt;(&quot;ok&quot;) != &quot;yes&quot;)">${body}</when></choose>`;

describe('policyCodeAuthorization', () => {
  it.each([
    ['a 403 after the call', `${CALL}${when('<return-response><set-status code="403" reason="Forbidden" /></return-response>')}`, '403'],
    ['a 401 with the call in a branch of its own', `${when(CALL)}${when('<return-response><set-status code="401" /></return-response>')}`, '401'],
    ['the authorization service answer returned as is', `${CALL}${when('<return-response response-variable-name="auth" />')}`, 'the response of auth'],
    // Real policies write expressions with raw quotes; the lenient reader keeps them.
    ['a status computed from the answer', `${CALL}${when('<return-response><set-status code="@(((IResponse)context.Variables["auth"]).StatusCode)" /></return-response>')}`, 'status @(((IResponse)context.Variables["auth"]).StatusCode)'],
  ])('finds %s', (_name, xml, status) => {
    expect(policyCodeAuthorization(inbound(xml))?.status).toBe(status);
  });

  it.each([
    ['a rejection without any call', when('<return-response><set-status code="401" /></return-response>')],
    ['a rejection before the call', `${when('<return-response><set-status code="401" /></return-response>')}${CALL}`],
    ['a call whose answer ends in a 500', `${CALL}${when('<return-response><set-status code="500" /></return-response>')}`],
    ['a call and an unconditional 403', `${CALL}<return-response><set-status code="403" /></return-response>`],
    ['only the gateway authenticating to its backend', '<authentication-managed-identity resource="api://orders" />'],
    ['a call, then a cached response returned', `${CALL}${when('<return-response response-variable-name="cached" />')}`],
  ])('ignores %s', (_name, xml) => {
    expect(policyCodeAuthorization(inbound(xml))).toBeUndefined();
  });
});
