import { findInlineSuppressions, HCL_COMMENTS, YAML_COMMENTS } from '../../providers/inline-suppressions';

const blocks = [{ line: 3, endLine: 8 }, { line: 10, endLine: 12 }];

function find(text: string, syntax = HCL_COMMENTS) {
  return findInlineSuppressions(text, '/repo/main.tf', blocks, syntax, 'terraform');
}

function lines(...content: string[]): string {
  return content.join('\n');
}

describe('findInlineSuppressions', () => {
  it('ties a comment on the lines right above a block to that block, across other comment lines', () => {
    const text = lines('# gatewarden:ignore GW-TLS-001 legacy clients until Q3', '# owner: payments', 'resource "a" "b" {');
    expect(find(text).suppressions).toEqual([
      { policy: 'GW-TLS-001', reason: 'legacy clients until Q3', file: '/repo/main.tf', line: 1, appliesTo: { file: '/repo/main.tf', fromLine: 3, toLine: 8 } },
    ]);
  });

  it('a blank line between comment and block breaks the tie', () => {
    const found = find(lines('# gatewarden:ignore GW-TLS-001 legacy clients until Q3', '', 'resource "a" "b" {'));
    expect(found.suppressions).toEqual([]);
    expect(found.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('neither inside nor directly above a resource') })]);
  });

  it('a comment inside a block, // or #, with several policies and an expiry', () => {
    const text = lines('', '', 'resource "a" "b" {', '  x = 1 // gatewarden:ignore GW-TLS-001,GW-AUTH-001 accepted for the partner API exp:2030-12-31', '}');
    expect(find(text).suppressions.map((s) => [s.policy, s.reason, s.expires, s.appliesTo.fromLine])).toEqual([
      ['GW-TLS-001', 'accepted for the partner API', '2030-12-31', 3],
      ['GW-AUTH-001', 'accepted for the partner API', '2030-12-31', 3],
    ]);
  });

  it('ignores the marker inside a string and words that only start like it', () => {
    const text = lines('', '', 'resource "a" "b" {', '  description = "# gatewarden:ignore GW-TLS-001 not a comment at all"', '  # gatewarden:ignored GW-TLS-001 something else entirely', '}');
    expect(find(text)).toEqual({ suppressions: [], diagnostics: [] });
  });

  it('warns about a missing policy, a missing or short reason and a malformed expiry', () => {
    const text = lines('', '', 'resource "a" "b" {', '# gatewarden:ignore', '# gatewarden:ignore GW-TLS-001', '# gatewarden:ignore GW-TLS-001 too short', '# gatewarden:ignore GW-TLS-001 legacy clients until Q3 exp:31-12-2030', '}');
    const found = find(text);
    expect(found.suppressions).toEqual([]);
    expect(found.diagnostics.map((d) => [d.line, d.message.replace(/^gatewarden:ignore comment not applied: /, '')])).toEqual([
      [4, 'no policy ID (write `gatewarden:ignore GW-XXX-NNN reason`)'],
      [5, 'GW-TLS-001 has no reason; say why the risk is accepted (at least 10 characters)'],
      [6, 'GW-TLS-001 has too short a reason ("too short"); say why the risk is accepted (at least 10 characters)'],
      [7, 'expiry "exp:31-12-2030" is not a date (write exp:YYYY-MM-DD)'],
    ]);
  });

  it('YAML takes # comments only', () => {
    const text = lines('', '', 'Api:', '  // gatewarden:ignore GW-TLS-001 legacy clients until Q3', '  # gatewarden:ignore GW-TLS-001 legacy clients until Q3');
    expect(find(text, YAML_COMMENTS).suppressions.map((s) => s.line)).toEqual([5]);
  });
});
