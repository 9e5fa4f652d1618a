import { buildReport, formatJobSummary, formatters } from '../../src/report';
import { ANNOTATIONS_PER_LEVEL, escapeData, escapeProperty } from '../../src/report/github-actions';
import { ciSampleResult, HOSTILE, hostileResult } from './ci-sample';
import { CWD } from './sample-result';

interface Command { readonly name: string; readonly props: Record<string, string>; readonly data: string }

/**
 * Reads output the way the Actions runner does: a command is a line that, trimmed, starts with `::`;
 * `::stop-commands::TOKEN` turns them off until a line `::TOKEN::`.
 */
function runnerCommands(output: string): Command[] {
  const commands: Command[] = [];
  let stopToken: string | undefined;
  for (const raw of output.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const [, name = '', props = '', data = ''] = m;
    if (name === 'stop-commands') {
      stopToken = data;
      continue;
    }
    const parsed: Record<string, string> = {};
    for (const p of props.split(',').filter((x) => x !== '')) {
      const eq = p.indexOf('=');
      parsed[p.slice(0, eq)] = unescape(p.slice(eq + 1));
    }
    commands.push({ name, props: parsed, data: unescape(data) });
  }
  return commands;
}

function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('GitHub Actions formatter', () => {
  it('escapes exactly like @actions/core', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('annotates findings with file, line range, title and level; suppressed findings get none', () => {
    const out = formatters.github(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' });
    const commands = runnerCommands(out);
    const findings = commands.filter((c) => c.props.title?.startsWith('GW-') === true);
    expect(findings.map((c) => `${c.name} ${c.props.file ?? '-'}:${c.props.line ?? '-'}-${c.props.endLine ?? '-'} ${c.props.title ?? ''}`)).toEqual([
      'error z/domains.tf:12-16 GW-TLS-001 (high): Custom domains require TLS 1.2 or newer',
      'warning -:--- GW-LOG-001 (medium): Stages write access logs',
    ]);
    expect(findings[1]?.data).toContain('Cloud resource: arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live');
    // Input and policy errors are annotated too.
    expect(commands.filter((c) => c.props.title?.startsWith('gatewarden') === true).map((c) => `${c.name} ${c.props.file ?? ''}`)).toEqual([
      'error a/api.tf', 'error broken.tf', 'warning empty.tf',
    ]);
    // The readable report follows for the log.
    expect(out).toContain('  z/domains.tf:12  high  GW-TLS-001  `legacy` accepts TLS 1.0');
  });

  it('lets no hostile name or value start another workflow command, and keeps the text intact', () => {
    const out = formatters.github(buildReport(hostileResult(), { cwd: CWD }), { color: false, failOn: 'high' });
    const commands = runnerCommands(out);
    expect(new Set(commands.map((c) => c.name))).toEqual(new Set(['error']));
    expect(commands).toHaveLength(HOSTILE.length);
    for (const name of HOSTILE) {
      expect(commands.some((c) => c.data.startsWith(`\`${name}\` accepts TLS 1.0`))).toBe(true);
    }
    // The raw text report does contain a line that would be a command without stop-commands.
    expect(out.split('\n').some((l) => l.trim().startsWith('::set-output'))).toBe(true);
  });

  it(`shows ${ANNOTATIONS_PER_LEVEL} annotations per level, then one notice pointing to the summary and SARIF`, () => {
    const many = hostileResult();
    const result = { ...many, results: [...many.results, ...many.results, ...many.results, ...many.results] };
    const commands = runnerCommands(formatters.github(buildReport(result, { cwd: CWD }), { color: false, failOn: 'high' }));
    expect(commands.filter((c) => c.name === 'error')).toHaveLength(ANNOTATIONS_PER_LEVEL);
    const last = commands[commands.length - 1];
    expect(last?.name).toBe('notice');
    expect(last?.data).toMatch(/^18 more findings are not annotated here .*job summary.*SARIF/);
  });
});

describe('GitHub job summary', () => {
  const summary = formatJobSummary(buildReport(ciSampleResult(), { cwd: CWD }), { color: false, failOn: 'high' });

  it('counts by severity (suppressed apart) and lists the findings that fail the build', () => {
    expect(summary).toContain('## gatewarden');
    expect(summary).toContain('1 finding fails the build (at or above high)');
    expect(summary).toContain('| critical | high | medium | low | info | suppressed | not verifiable | files scanned |');
    expect(summary).toContain('| 0 | 1 | 1 | 0 | 0 | 1 | 0 | 6 |');
    expect(summary).toContain('| high | GW-TLS-001 | legacy | `z/domains.tf:12` | `legacy` accepts TLS 1.0 |');
    expect(summary).not.toContain('| medium | GW-LOG-001');
    expect(summary).toContain('inputs were not read');
  });

  it('draws a Mermaid exposure diagram for each API with findings, escaping hostile names', () => {
    const hostile = formatJobSummary(buildReport(hostileResult(), { cwd: CWD }), { color: false, failOn: 'high' });
    const fences = hostile.match(/```mermaid\n[\s\S]*?\n```/g) ?? [];
    expect(fences).toHaveLength(1);
    const diagram = fences[0] ?? '';
    expect(diagram).toContain('flowchart LR');
    expect(diagram).toContain('class ');
    // Nothing between the fences can close the fence, a label or open HTML.
    const body = diagram.slice('```mermaid\n'.length, -'\n```'.length);
    expect(body).not.toMatch(/```|<script|pwned\]/);
    // Raw HTML or a mention survives only as a whole table cell in a code span whose fence is longer than any backtick
    // run inside it (GitHub shows that text as it is); nowhere else.
    const outsideDiagrams = hostile.replace(/```mermaid\n[\s\S]*?\n```/g, '');
    for (const line of outsideDiagrams.split('\n').filter((l) => /<script|@octocat/.test(l))) {
      for (const cell of line.split(/(?<!\\)\|/).map((c) => c.trim()).filter((c) => /<script|@octocat/.test(c))) {
        const fence = /^`+/.exec(cell)?.[0] ?? '';
        const inner = cell.slice(fence.length, cell.length - fence.length);
        expect(fence.length).toBeGreaterThan(0);
        expect(cell.endsWith(fence)).toBe(true);
        expect(Math.max(0, ...[...inner.matchAll(/`+/g)].map((m) => m[0].length))).toBeLessThan(fence.length);
      }
    }
    expect(hostile).not.toMatch(/\u001b|\u0000/);
  });
});
