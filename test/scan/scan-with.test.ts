import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { definePolicy, fail, pass } from '../../src/engine/policy';
import { InternalError, UsageError } from '../../src/errors';
import type { LoadRequest, ProviderAdapter } from '../../src/graph/adapter';
import { set } from '../../src/graph/attr';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { AnyNode } from '../../src/graph/kinds';
import { fileSource } from '../../src/graph/source';
import type { TlsVersion } from '../../src/graph/tls';
import { DEFAULT_MAX_FILE_BYTES, scanWith } from '../../src/scan/scan-with';

/**
 * A small real adapter for the tests: `*.domains` files, one `domain <name> tls=<version>` per line.
 * It implements the ProviderAdapter contract as the Terraform one does: bad lines are diagnostics.
 */
function domainsAdapter(requests: LoadRequest[] = []): ProviderAdapter {
  return {
    id: 'terraform', description: 'test: *.domains', kind: 'file',
    matches: ({ path: p }) => p.endsWith('.domains'),
    load(request) {
      requests.push(request);
      const nodes: AnyNode[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const file of request.files) {
        readFileSync(file, 'utf8').split('\n').forEach((text, index) => {
          if (text.trim() === '') return;
          const m = /^domain (\S+) tls=(1\.[0-3])$/.exec(text);
          if (!m?.[1] || !m[2]) {
            diagnostics.push({ severity: 'error', file, line: index + 1, message: `cannot parse "${text}"`, provider: 'terraform' });
            return;
          }
          const source = fileSource(file, index + 1);
          nodes.push({
            id: `terraform:${m[1]}`, kind: 'api.domain', name: m[1], provider: 'terraform', platform: 'aws', source, native: { type: 'test_domain' },
            attrs: {
              hostname: set(m[1]), minTlsVersion: set(m[2] as TlsVersion, source), securityPolicy: set(`TLS_${m[2]}`), weakCiphers: set([]), allowsPlainHttp: set(false),
              mutualTls: set(false), endpointType: set('regional'),
            },
          });
        });
      }
      return Promise.resolve({ nodes, edges: [], diagnostics });
    },
  };
}

const tls = definePolicy({
  id: 'GW-TLS-001', slug: 'tls-version', title: 'TLS 1.2 or newer', severity: 'high', category: 'encryption', control: 'tls-version',
  owasp: [], target: 'api.domain', rationale: 'test', remediation: {}, references: [],
  evaluate: (d) => (d.attrs.minTlsVersion.state !== 'unknown' && d.attrs.minTlsVersion.value < '1.2' ? fail(`${d.name} accepts TLS ${d.attrs.minTlsVersion.value}`) : pass()),
});
const mtls = definePolicy({
  id: 'GW-TLS-004', slug: 'mutual-tls', title: 'Mutual TLS', severity: 'low', category: 'encryption', control: 'client-certificate',
  owasp: [], target: 'api.domain', rationale: 'test', remediation: {}, references: [],
  evaluate: (d) => fail(`${d.name} has no mutual TLS`),
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gw-scan-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('scanWith', () => {
  it('discovers, loads, builds the graph and runs the policies, timing each phase', async () => {
    write('b.domains', 'domain old tls=1.0\ndomain new tls=1.2\n');
    write('a.domains', 'domain older tls=1.1\nnot a domain\n');
    write('notes.md', 'ignored');
    const requests: LoadRequest[] = [];
    const result = await scanWith({ paths: ['.'], cwd: root, providers: [domainsAdapter(requests)], policies: [tls] });

    expect(requests).toEqual([{ files: [path.join(root, 'a.domains'), path.join(root, 'b.domains')], options: { varFiles: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES, cwd: root, scanRoots: [root] } }]);
    expect(result.filesScanned).toBe(2);
    expect(result.results.map((r) => `${r.status} ${r.node.name}`)).toEqual(['fail older', 'fail old', 'pass new']);
    expect(result.diagnostics).toEqual([
      { severity: 'error', file: path.join(root, 'a.domains'), line: 2, message: 'cannot parse "not a domain"', provider: 'terraform' },
    ]);
    expect(result.graph.nodesOf('api.domain').map((n) => n.name)).toEqual(['older', 'old', 'new']);
    expect(Object.keys(result.timings)).toEqual(['discover', 'load', 'graph', 'policies', 'total']);
    for (const ms of Object.values(result.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('reports a node declared twice (graph builder) beside discovery diagnostics', async () => {
    write('a.domains', 'domain api tls=1.2\n');
    write('b.domains', 'domain api tls=1.0\n');
    const result = await scanWith({ paths: ['.', 'a.domains'], cwd: root, providers: [domainsAdapter()], policies: [tls] });
    expect(result.filesScanned).toBe(2); // a.domains named twice is read once
    expect(result.diagnostics.map((d) => d.message)).toEqual(['terraform:api is declared more than once; only the first declaration is checked']);
  });

  it('selects policies with only / skip', async () => {
    write('a.domains', 'domain api tls=1.2\n');
    const run = (only: string[], skip: string[]) =>
      scanWith({ paths: ['.'], cwd: root, providers: [domainsAdapter()], policies: [tls, mtls], only, skip }).then((r) => r.results.map((x) => x.policy.id));
    await expect(run([], [])).resolves.toEqual(['GW-TLS-001', 'GW-TLS-004']);
    await expect(run(['encryption/mutual-tls'], [])).resolves.toEqual(['GW-TLS-004']);
    await expect(run([], ['GW-TLS-004'])).resolves.toEqual(['GW-TLS-001']);
    await expect(run(['GW-NOPE-001'], [])).rejects.toThrow(UsageError);
  });

  it('passes --var-file paths resolved and the file size limit to the providers; a missing var file is a usage error', async () => {
    write('a.domains', 'domain api tls=1.2\n');
    const vars = write('env/prod.tfvars', 'x = 1\n');
    const requests: LoadRequest[] = [];
    await scanWith({ cwd: root, varFiles: ['env/prod.tfvars'], maxFileBytes: 100, providers: [domainsAdapter(requests)], policies: [] });
    expect(requests[0]?.options).toEqual({ varFiles: [vars], maxFileBytes: 100, cwd: root, scanRoots: [root] });
    await expect(scanWith({ cwd: root, varFiles: ['nope.tfvars'], providers: [], policies: [] })).rejects.toThrow('--var-file nope.tfvars cannot be read');
    await expect(scanWith({ cwd: root, maxFileBytes: 0, providers: [], policies: [] })).rejects.toThrow(UsageError);
  });

  it('treats an adapter that throws as a bug, not as bad input', async () => {
    write('a.domains', 'domain api tls=1.2\n');
    const broken: ProviderAdapter = { ...domainsAdapter(), load: () => Promise.reject(new TypeError('x is undefined')) };
    const attempt = scanWith({ cwd: root, providers: [broken], policies: [tls] });
    await expect(attempt).rejects.toThrow(InternalError);
    await expect(attempt).rejects.toThrow('the terraform provider failed');
  });

  it('ignores live adapters', async () => {
    write('a.domains', 'domain api tls=1.2\n');
    const live: ProviderAdapter = { ...domainsAdapter(), id: 'aws', kind: 'live', load: () => Promise.reject(new Error('must not be called')) };
    const result = await scanWith({ cwd: root, providers: [live, domainsAdapter()], policies: [tls] });
    expect(result.filesScanned).toBe(1);
  });
});
