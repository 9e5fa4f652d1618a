import { parseDocument } from 'htmlparser2';
import { buildReport, formatters } from '../../src/report';
import { ciSampleResult, HOSTILE, hostileResult } from './ci-sample';
import { CWD } from './sample-result';

const KNOWN_TAGS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'skipped', 'error', 'properties', 'property']);

/** The parts of htmlparser2's DOM these tests read. */
interface XmlNode { readonly type: string; readonly name?: string; readonly attribs: Record<string, string | undefined>; readonly data?: string; readonly children?: readonly XmlNode[] }

function xmlDocument(xml: string): XmlNode {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;
}

function elements(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of node.children ?? []) {
    if (child.type === 'tag' && child.name === name) out.push(child);
    out.push(...elements(child, name));
  }
  return out;
}

function textOf(node: XmlNode): string {
  return (node.children ?? []).map((c) => (c.type === 'text' ? c.data ?? '' : textOf(c))).join('');
}

describe('JUnit formatter', () => {
  const xml = formatters.junit(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' });
  const doc = xmlDocument(xml);

  it('has a suite per policy, a case per policy × resource, failures per finding, suppressed as skipped', () => {
    const suites = elements(doc, 'testsuite');
    expect(suites.map((s) => [s.attribs.name, s.attribs.tests, s.attribs.failures, s.attribs.skipped])).toEqual([
      ['GW-BUG-001 Throws', '1', '0', '0'],
      ['GW-LOG-001 Stages write access logs', '2', '1', '1'],
      ['GW-TLS-001 Custom domains require TLS 1.2 or newer', '3', '1', '0'],
      ['gatewarden errors', '2', '0', '0'],
    ]);
    const failure = elements(doc, 'failure').find((f) => f.attribs.message?.includes('legacy') === true);
    expect(failure?.attribs.type).toBe('high');
    expect(textOf(failure ?? { type: 'none', attribs: {} })).toContain('at z/domains.tf:12');
    expect(elements(doc, 'skipped').map((s) => s.attribs.message)).toEqual(['suppressed (config: prod logs go to the SIEM through a firehose)']);
    // Input not read and policies that threw: errors, not failures.
    expect(elements(doc, 'error').map((e) => e.attribs.message)).toEqual(['GW-BUG-001 failed on payments: boom', 'syntax error: unexpected "}"']);
    const root = elements(doc, 'testsuites')[0];
    expect([root?.attribs.tests, root?.attribs.failures, root?.attribs.errors, root?.attribs.skipped]).toEqual(['8', '2', '2', '1']);
  });

  it('escapes hostile names so they stay data: every tag is ours and every value reads back unchanged', () => {
    const hostile = formatters.junit(buildReport(hostileResult(), { cwd: CWD }), { color: false, failOn: 'high' });
    for (const m of hostile.matchAll(/<\/?([A-Za-z?][\w-]*)/g)) expect(m[1] === '?xml' || KNOWN_TAGS.has(m[1] ?? '')).toBe(true);
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const parsed = xmlDocument(hostile);
    const messages = elements(parsed, 'failure').map((f) => f.attribs.message ?? '');
    for (const name of HOSTILE.filter((n) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(n))) {
      expect(messages).toContain(`\`${name}\` accepts TLS 1.0`);
    }
  });
});

describe('Markdown formatter', () => {
  const md = formatters.markdown(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' });

  it('starts with a summary line, then counts by severity and collapsible details with remediation', () => {
    expect(md.split('\n')[0]).toBe('**gatewarden**: 2 findings in 6 files, 1 at or above `high` (these fail the build).');
    expect(md).toContain('| Severity | Findings |\n| --- | ---: |\n| high | 1 |\n| medium | 1 |');
    expect(md).toContain('<details><summary><b>GW-TLS-001</b> Custom domains require TLS 1.2 or newer: legacy</summary>');
    expect(md).toContain('Remediation (Terraform):\n\n```hcl\nresource "aws_api_gateway_domain_name" "api" {');
    expect(md).toContain('<details><summary>Suppressed (1)</summary>');
    expect(md).toContain('| GW-LOG-001 | `a/stage.tf:7` | `prod` writes no access logs | config: prod logs go to the SIEM through a firehose (until 2099-01-01) |');
  });

  it('does not let names open HTML or mention people', () => {
    const hostile = formatters.markdown(buildReport(hostileResult(), { cwd: CWD }), { color: false, failOn: 'high' });
    const summaries = hostile.split('\n').filter((l) => l.startsWith('<details><summary>'));
    expect(summaries.length).toBe(HOSTILE.length);
    for (const s of summaries) expect(s.replace(/<\/?(details|summary|b)>/g, '')).not.toMatch(/[<>@]/);
  });
});
