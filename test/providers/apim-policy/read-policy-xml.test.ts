import { readPolicyXml } from '../../../providers/apim-policy/read-policy-xml';
import { findChildren } from '../../../providers/apim-policy/policy-document';
import { maskExpressions, restoreExpressions } from '../../../providers/apim-policy/mask-expressions';

// Modelled on Microsoft's policy reference examples: expressions with raw quotes, `<` and `&`, comments, CDATA.
const MESSY = `<policies>
  <inbound>
    <base />
    <!-- <validate-jwt header-name="Authorization" /> commented out: must not count -->
    <set-variable name="isMobile" value="@(context.Request.Headers.GetValueOrDefault("User-Agent","").Contains("iPad"))" />
    <choose>
      <when condition="@(context.Variables.GetValueOrDefault<bool>("isMobile") && context.Request.Url.Query.Count < 3)">
        <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
      </when>
    </choose>
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401">
      <openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/.well-known/openid-configuration" />
      <audiences>
        <audience>{{backend-app-id}}</audience>
      </audiences>
    </validate-jwt>
    <set-body>@{
        var body = context.Request.Body.As<JObject>(preserveContent: true);
        if (body["a"] != null && (int)body["a"] < 5) { body["note"] = "it's <small> & \\"quoted\\""; }
        return body.ToString();
    }</set-body>
    <rate-limit calls="20" renewal-period="90" />
  </inbound>
  <backend>
    <forward-request timeout="30" />
  </backend>
  <outbound>
    <set-header name="X-Powered-By" exists-action="delete" />
  </outbound>
</policies>`;

describe('readPolicyXml', () => {
  it('reads a policy full of expressions with raw quotes, < and & without problems', () => {
    const { document, problems } = readPolicyXml(MESSY, { line: 10 });
    expect(problems).toEqual([]);
    const inbound = document.sections.inbound;
    expect(inbound?.children.map((c) => c.name)).toEqual(['base', 'set-variable', 'choose', 'validate-jwt', 'set-body', 'rate-limit']);
    // Lines count from the origin line (10 = the policy's first line).
    expect(inbound?.children.find((c) => c.name === 'rate-limit')?.line).toBe(10 + MESSY.split('\n').findIndex((l) => l.includes('<rate-limit calls')));
    const setVariable = inbound?.children[1];
    expect(setVariable?.attributes['value']).toEqual({ text: '@(context.Request.Headers.GetValueOrDefault("User-Agent","").Contains("iPad"))', hasExpression: true });
    const setBody = inbound?.children.find((c) => c.name === 'set-body');
    expect(setBody?.text.hasExpression).toBe(true);
    expect(setBody?.text.text).toContain('it\'s <small> & \\"quoted\\"');
    const jwt = inbound?.children.find((c) => c.name === 'validate-jwt');
    expect(jwt && findChildren(jwt, 'audiences')[0]?.children[0]?.text).toEqual({ text: '{{backend-app-id}}', hasExpression: false });
    const when = inbound?.children.find((c) => c.name === 'choose')?.children[0];
    expect(when?.children[0]?.attributes['counter-key']?.hasExpression).toBe(true);
    expect(Object.keys(document.sections)).toEqual(['inbound', 'backend', 'outbound']);
  });

  it('decodes entities in attribute values', () => {
    const { document } = readPolicyXml('<policies><inbound><set-header name="X" exists-action="override"><value>a &amp; b &lt; c</value></set-header></inbound></policies>');
    expect(document.sections.inbound?.children[0]?.children[0]?.text.text).toBe('a & b < c');
  });

  it('reports an element that is never closed, with its line, and keeps the rest', () => {
    const xml = '<policies>\n  <inbound>\n    <base />\n    <cors allow-credentials="true">\n      <allowed-origins><origin>*</origin></allowed-origins>\n  </inbound>\n</policies>';
    const { document, problems } = readPolicyXml(xml, { line: 5 });
    expect(problems).toContainEqual({ message: '<cors> is not closed', line: 8 });
    expect(document.sections.inbound?.children.map((c) => c.name)).toEqual(['base', 'cors']);
  });

  it('reports an expression that never closes', () => {
    const { problems } = readPolicyXml('<policies>\n<inbound>\n<set-variable name="x" value="@(context.Request" />\n</inbound>\n</policies>');
    expect(problems).toContainEqual({ message: expect.stringMatching(/expression is never closed/), line: 3 });
  });

  it('reports a root other than <policies> and unknown sections', () => {
    expect(readPolicyXml('<inbound><base /></inbound>').problems).toEqual([{ message: 'the root element is <inbound>, not <policies>', line: 1 }]);
    expect(readPolicyXml('not xml at all').problems).toEqual([{ message: 'no <policies> element found', line: 1 }]);
    expect(readPolicyXml('<policies><inbound/><inbund/></policies>').problems).toEqual([
      { message: '<inbund> is not a policy section (inbound, backend, outbound, on-error)', line: 1 },
    ]);
  });
});

describe('maskExpressions', () => {
  it('masks balanced expressions, skipping brackets inside strings and verbatim strings, and keeps line breaks', () => {
    const text = 'a @(x(")") + @"a""b)") b @{\n return "}";\n} c @notAnExpression';
    const masked = maskExpressions(text);
    expect(masked.expressions).toEqual(['@(x(")") + @"a""b)")', '@{\n return "}";\n}']);
    expect(masked.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked.text).toContain('c @notAnExpression');
    expect(restoreExpressions(masked.text, masked.expressions)).toEqual({ text, hasExpression: true });
  });

  it('skips brackets and quotes inside C# line and block comments', () => {
    const text = '<value>@{\n  // step 1) build it, don\'t "quote\n  var a = f(1); /* (b */\n  return a;\n}</value> @(x) ${var.y // z}';
    const masked = maskExpressions(text, true);
    expect(masked.unclosed).toEqual([]);
    expect(masked.expressions).toEqual(['@{\n  // step 1) build it, don\'t "quote\n  var a = f(1); /* (b */\n  return a;\n}', '@(x)', '${var.y // z}']);
    // A line comment in a one-line expression comments out its close, as in C#.
    expect(maskExpressions('<x a="@(b // c)" />').unclosed).toEqual([6]);
  });
});
