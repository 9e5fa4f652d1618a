import { effectiveSection, findPolicies, unknownPolicies, type PolicyScope, type ScopeLevel } from '../../../providers/apim-policy/effective-policy';
import { readPolicyXml } from '../../../providers/apim-policy/read-policy-xml';

function scope(level: ScopeLevel, inbound?: string): PolicyScope {
  if (inbound === undefined) return { level, name: level, policy: { state: 'none' } };
  const { document, problems } = readPolicyXml(`<policies><inbound>${inbound}</inbound><backend><base /></backend></policies>`);
  expect(problems).toEqual([]);
  return { level, name: level, policy: { state: 'known', document } };
}

const names = (chain: PolicyScope[]) => effectiveSection(chain, 'inbound').entries.map((e) => (e.kind === 'policy' ? `${e.scope.level}:${e.element.name}` : `${e.scope.level}:?`));

describe('effectiveSection', () => {
  it('inserts the enclosing section where <base /> stands, at every level', () => {
    const chain = [
      scope('service', '<cors />'),
      scope('product', '<rate-limit calls="5" renewal-period="1" /><base />'),
      scope('api', '<base /><validate-jwt />'),
      scope('operation', '<ip-filter action="allow" /><base /><set-header name="a" />'),
    ];
    expect(names(chain)).toEqual(['operation:ip-filter', 'product:rate-limit', 'service:cors', 'api:validate-jwt', 'operation:set-header']);
    expect(effectiveSection(chain, 'inbound').dropped).toEqual([]);
  });

  it('inherits unchanged through scopes without a policy or without the section', () => {
    const chain = [scope('service', '<cors />'), scope('product'), scope('api', '<base />'), { level: 'operation' as const, name: 'op', policy: { state: 'known' as const, document: readPolicyXml('<policies><outbound /></policies>').document } }];
    expect(names(chain)).toEqual(['service:cors']);
  });

  it('drops what the enclosing scopes run when a section has no <base />, and says what was dropped', () => {
    const chain = [scope('service', '<validate-jwt /><cors />'), scope('api', '<rate-limit calls="1" renewal-period="1" />'), scope('operation', '<base />')];
    const effective = effectiveSection(chain, 'inbound');
    expect(names(chain)).toEqual(['api:rate-limit']);
    expect(effective.dropped).toHaveLength(1);
    expect(effective.dropped[0]?.scope.level).toBe('api');
    expect(effective.dropped[0]?.dropped.map((e) => (e.kind === 'policy' ? e.element.name : '?'))).toEqual(['validate-jwt', 'cors']);
  });

  it('a missing <base /> with nothing to inherit drops nothing', () => {
    expect(effectiveSection([scope('service'), scope('api', '<cors />')], 'inbound').dropped).toEqual([]);
  });

  it('keeps an unknown scope as an unknown entry and assumes it inherits', () => {
    const chain = [scope('service', '<cors />'), { level: 'api' as const, name: 'api', policy: { state: 'unknown' as const, reason: 'xml_link' } }, scope('operation', '<base /><quota calls="1" renewal-period="60" />')];
    expect(names(chain)).toEqual(['api:?', 'service:cors', 'operation:quota']);
    expect(unknownPolicies(effectiveSection(chain, 'inbound')).map((u) => u.reason)).toEqual(['the api policy of api is not known statically (xml_link)']);
  });

  it('finds policies inside choose branches as conditional', () => {
    const chain = [scope('api', '<choose><when condition="@(true)"><validate-jwt /></when></choose><rate-limit calls="1" renewal-period="1" />')];
    const found = findPolicies(effectiveSection(chain, 'inbound'), ['validate-jwt', 'rate-limit']);
    expect(found.map((f) => [f.element.name, f.conditional])).toEqual([['validate-jwt', true], ['rate-limit', false]]);
  });

  it('a choose whose every branch, otherwise included, runs the policy always runs it', () => {
    const always = '<choose><when condition="@(a)"><rate-limit calls="1" renewal-period="1" /></when><when condition="@(b)"><choose><when condition="@(c)"><rate-limit-by-key calls="2" renewal-period="1" counter-key="k" /></when><otherwise><rate-limit calls="3" renewal-period="1" /></otherwise></choose></when><otherwise><rate-limit calls="4" renewal-period="1" /></otherwise></choose>';
    const found = findPolicies(effectiveSection([scope('api', always)], 'inbound'), ['rate-limit', 'rate-limit-by-key']);
    expect(found.map((f) => f.conditional)).toEqual([false, false, false, false]);
    const noOtherwise = '<choose><when condition="@(a)"><rate-limit calls="1" renewal-period="1" /></when></choose>';
    const oneBranchWithout = '<choose><when condition="@(a)"><rate-limit calls="1" renewal-period="1" /></when><otherwise><set-header name="x" /></otherwise></choose>';
    for (const inbound of [noOtherwise, oneBranchWithout]) {
      expect(findPolicies(effectiveSection([scope('api', inbound)], 'inbound'), ['rate-limit']).map((f) => f.conditional)).toEqual([true]);
    }
  });

  it('a branch that rejects with a fixed error status lets no request on: the other branches still always run the policy', () => {
    const reject = (status: string) => `<return-response><set-header name="x" /><set-status code="${status}" /></return-response>`;
    const conditional = (inbound: string) => findPolicies(effectiveSection([scope('api', inbound)], 'inbound'), ['validate-jwt']).map((f) => f.conditional);
    const branches = (first: string) => `<choose><when condition="@(a)">${first}</when><otherwise><validate-jwt /></otherwise></choose>`;
    expect(conditional(branches(reject('401')))).toEqual([false]);
    expect(conditional(branches(reject('503')))).toEqual([false]);
    // A success, a redirect, a computed status or another response may serve content without the check.
    for (const answer of [reject('200'), reject('302'), reject('@(code)'), '<return-response response-variable-name="r" />', '<return-response />']) {
      expect(conditional(branches(answer))).toEqual([true]);
    }
    // Rejecting everywhere runs nothing.
    expect(conditional(`<choose><when condition="@(a)">${reject('401')}</when><otherwise>${reject('403')}</otherwise></choose>`)).toEqual([]);
  });

  describe('a <when> whose condition is a Boolean constant', () => {
    const jwt = '<validate-jwt />';
    const found = (inbound: string) => findPolicies(effectiveSection([scope('api', inbound)], 'inbound'), ['validate-jwt']).map((f) => `${f.element.attributes['header-name']?.text ?? ''}:${f.conditional ? 'conditional' : 'always'}`);
    const named = (header: string) => `<validate-jwt header-name="${header}" />`;
    it.each([
      { name: 'a constant-true branch always runs', inbound: `<choose><when condition="true">${jwt}</when></choose>`, expected: [':always'] },
      { name: 'written with spaces and capitals', inbound: `<choose><when condition=" True ">${jwt}</when></choose>`, expected: [':always'] },
      { name: 'a constant-false branch never runs: its policy counts for nothing', inbound: `<choose><when condition="false">${jwt}</when></choose>`, expected: [] },
      {
        name: 'after a constant-false branch, a constant-true one always runs',
        inbound: `<choose><when condition="false">${named('a')}</when><when condition="true">${named('b')}</when></choose>`, expected: ['b:always'],
      },
      {
        name: 'the branches after a constant-true one never run',
        inbound: `<choose><when condition="true">${named('a')}</when><when condition="@(x)">${named('b')}</when><otherwise>${named('c')}</otherwise></choose>`, expected: ['a:always'],
      },
      {
        name: 'a constant-true branch after a condition runs only when that condition does not hold',
        inbound: `<choose><when condition="@(x)"><set-header name="h" /></when><when condition="true">${jwt}</when></choose>`, expected: [':conditional'],
      },
      {
        name: 'a constant-true branch after a condition ends the branches, as <otherwise> does',
        inbound: `<choose><when condition="@(x)">${named('a')}</when><when condition="true">${named('b')}</when><otherwise>${named('c')}</otherwise></choose>`, expected: ['a:always', 'b:always'],
      },
      {
        name: 'with every <when> constant-false, <otherwise> always runs',
        inbound: `<choose><when condition="false">${named('a')}</when><otherwise>${named('b')}</otherwise></choose>`, expected: ['b:always'],
      },
      {
        name: 'a constant-false branch is not one that must run the policy',
        inbound: `<choose><when condition="@(x)">${named('a')}</when><when condition="false"><set-header name="h" /></when><otherwise>${named('b')}</otherwise></choose>`, expected: ['a:always', 'b:always'],
      },
      { name: 'an expression is not a constant', inbound: `<choose><when condition="@(true)">${jwt}</when></choose>`, expected: [':conditional'] },
      { name: 'nor is a value known only at apply time', inbound: `<choose><when condition="\${enable_auth}">${jwt}</when></choose>`, expected: [':conditional'] },
    ])('$name', ({ inbound, expected }) => {
      expect(found(inbound)).toEqual(expected);
    });

    it('a fragment not known in a branch that never runs hides nothing; in one that may run, it may', () => {
      const include = (condition: string) => `<choose><when condition="${condition}"><include-fragment fragment-id="auth" /></when></choose>`;
      const reasons = (inbound: string) => unknownPolicies(effectiveSection([scope('api', inbound)], 'inbound')).map((u) => u.reason);
      expect(reasons(include('false'))).toEqual([]);
      expect(reasons(include('true'))).toHaveLength(1);
      expect(reasons(`<choose><when condition="true"><set-header name="h" /></when><otherwise><include-fragment fragment-id="auth" /></otherwise></choose>`)).toEqual([]);
    });
  });
});
