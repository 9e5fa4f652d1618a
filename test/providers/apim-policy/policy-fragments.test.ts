import { effectiveSection, findPolicies, unknownPolicies, type PolicyScope } from '../../../providers/apim-policy/effective-policy';
import { expandFragments, type FragmentContent } from '../../../providers/apim-policy/policy-fragments';
import { readPolicyFragmentXml, readPolicyXml } from '../../../providers/apim-policy/read-policy-xml';

const FRAGMENTS: Readonly<Record<string, string>> = {
  'validate-token': '<fragment>\n  <validate-jwt header-name="Authorization"><audiences><audience>api://orders</audience></audiences></validate-jwt>\n  <rate-limit calls="10" renewal-period="1" />\n</fragment>',
  'set-headers': '<fragment><set-header name="x-a" exists-action="override"><value>a</value></set-header></fragment>',
};

/** Fragments by id from the texts above, written in `fragments.tf`; others are not in the scan. */
function lookup(id: string): FragmentContent {
  const xml = FRAGMENTS[id];
  if (xml === undefined) return { state: 'unknown', reason: 'which is not in the scanned code' };
  const { fragment, problems } = readPolicyFragmentXml(xml, { file: 'fragments.tf', line: 10 });
  expect(problems).toEqual([]);
  return { state: 'known', elements: fragment.elements, file: 'fragments.tf', address: `azurerm_api_management_policy_fragment.${id}` };
}

function apiScope(inbound: string): PolicyScope {
  const { document, problems } = readPolicyXml(`<policies><inbound>${inbound}</inbound></policies>`);
  expect(problems).toEqual([]);
  return { level: 'api', name: 'orders', policy: { state: 'known', document: expandFragments(document, lookup) } };
}

describe('readPolicyFragmentXml', () => {
  it('reads the policies of a <fragment>, at their lines', () => {
    const { fragment, problems } = readPolicyFragmentXml(FRAGMENTS['validate-token'] ?? '', { line: 10 });
    expect(problems).toEqual([]);
    expect(fragment.elements.map((e) => [e.name, e.line])).toEqual([['validate-jwt', 11], ['rate-limit', 12]]);
  });

  it.each([
    ['a policy document instead', '<policies><inbound /></policies>', 'the root element is <policies>, not <fragment>'],
    ['no element', 'just text', 'no <fragment> element found'],
  ])('reports %s', (_case, xml, message) => {
    const { fragment, problems } = readPolicyFragmentXml(xml);
    expect(fragment.elements).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([message]);
  });

  it('a value known only at apply time where policies go makes the fragment unknown', () => {
    const { fragment } = readPolicyFragmentXml('<fragment>${var.policies}</fragment>', { applyTimePlaceholders: true });
    expect(fragment.placeholderAmongPolicies).toBe('${var.policies}');
  });
});

describe('expandFragments', () => {
  it.each([
    {
      case: 'a section: the fragment policies take the include\'s place, marked with where they are written',
      inbound: '<base /><include-fragment fragment-id="validate-token" /><cors />',
      expected: ['base', 'validate-jwt@fragments.tf:11', 'rate-limit@fragments.tf:12', 'cors'],
    },
    {
      case: 'a fragment not in the scan stays, marked with why',
      inbound: '<include-fragment fragment-id="elsewhere" />',
      expected: ['include-fragment(which is not in the scanned code)'],
    },
    {
      case: 'a fragment-id computed at request time stays',
      inbound: '<include-fragment fragment-id="@(context.Variables["f"])" />',
      expected: ['include-fragment(which is not named statically)'],
    },
  ])('$case', ({ inbound, expected }) => {
    const policy = apiScope(inbound).policy;
    const children = policy.state === 'known' ? policy.document.sections.inbound?.children ?? [] : [];
    expect(children.map((e) => `${e.name}${e.fragment ? `@${e.fragment.file}:${e.line}` : ''}${e.unresolved ? `(${e.unresolved})` : ''}`)).toEqual(expected);
  });

  it('expands inside choose branches too', () => {
    const policy = apiScope('<choose><when condition="@(true)"><include-fragment fragment-id="set-headers" /></when></choose>').policy;
    const when = policy.state === 'known' ? policy.document.sections.inbound?.children[0]?.children[0] : undefined;
    expect(when?.children.map((e) => [e.name, e.fragment?.id])).toEqual([['set-header', 'set-headers']]);
  });

  it('returns the document itself when it includes nothing', () => {
    const { document } = readPolicyXml('<policies><inbound><base /><cors /></inbound><outbound><choose><when condition="@(true)"><base /></when></choose></outbound></policies>');
    expect(expandFragments(document, lookup)).toBe(document);
  });
});

describe('effective policy with fragments', () => {
  it('finds what a fragment enforces as the including scope\'s policies', () => {
    const effective = effectiveSection([apiScope('<base /><include-fragment fragment-id="validate-token" />')], 'inbound');
    expect(findPolicies(effective, ['validate-jwt', 'rate-limit']).map((f) => [f.element.name, f.scope.level, f.conditional])).toEqual([['validate-jwt', 'api', false], ['rate-limit', 'api', false]]);
    expect(unknownPolicies(effective)).toEqual([]);
  });

  it('a fragment that is not known is an unknown entry that says which fragment and why, with its include', () => {
    const effective = effectiveSection([apiScope('<include-fragment fragment-id="elsewhere" /><cors />')], 'inbound');
    expect(unknownPolicies(effective).map((u) => [u.reason, u.include?.name])).toEqual([['the api policy of orders includes fragment elsewhere, which is not in the scanned code', 'include-fragment']]);
    expect(findPolicies(effective, ['cors'])).toHaveLength(1);
  });

  it('a fragment that is not known in a choose branch may complete it: not known either', () => {
    const effective = effectiveSection([apiScope('<choose><when condition="@(true)"><rate-limit calls="1" renewal-period="1" /></when><otherwise><include-fragment fragment-id="elsewhere" /></otherwise></choose>')], 'inbound');
    expect(unknownPolicies(effective).map((u) => u.reason)).toEqual(['the api policy of orders includes fragment elsewhere, which is not in the scanned code (under <otherwise>)']);
  });
});
