import * as path from 'node:path';
import { definePolicy, fail, pass, unknown, type AnyPolicy } from '../../src/engine/policy';
import { runPolicies } from '../../src/engine/run';
import type { ScanResult } from '../../src/engine/scan-result';
import { set } from '../../src/graph/attr';
import { ResourceGraph } from '../../src/graph/graph';
import { fileSource, type SourceRef } from '../../src/graph/source';
import { GraphBuilder } from '../helpers';

/** A fixed working directory: every path below is made relative to it. */
export const CWD = path.join(path.sep, 'work', 'repo');
export const at = (rel: string, line?: number): SourceRef => fileSource(path.join(CWD, ...rel.split('/')), line, line === undefined ? undefined : line + 4, undefined);

export const tlsPolicy = definePolicy({
  id: 'GW-TLS-001', slug: 'tls-version', title: 'Custom domains require TLS 1.2 or newer', severity: 'high',
  category: 'encryption', control: 'tls-version', owasp: ['API8:2023'], target: 'api.domain',
  rationale: 'Old TLS is broken.',
  remediation: { terraform: 'resource "aws_api_gateway_domain_name" "api" {\n  security_policy = "TLS_1_2"\n}' },
  references: ['https://example.com/tls'],
  evaluate(domain) {
    const tls = domain.attrs.minTlsVersion;
    switch (tls.state) {
      case 'unknown':
        return unknown(`\`${domain.name}\`: TLS version not known (${tls.expr ?? '?'})`, tls.source);
      case 'set':
      case 'default':
        return tls.value === '1.2' || tls.value === '1.3' ? pass() : fail(`\`${domain.name}\` accepts TLS ${tls.value}`, tls.source);
    }
  },
});

export const logPolicy = definePolicy({
  id: 'GW-LOG-001', slug: 'access-logging', title: 'Stages write access logs', severity: 'medium',
  category: 'monitoring', control: 'access-logging', owasp: ['API9:2023'], target: 'api.stage',
  rationale: 'No logs, no investigation.',
  remediation: { terraform: 'Add an access_log_settings block to the stage.' },
  references: [],
  evaluate: (stage) => (stage.attrs.accessLogging.state === 'set' && stage.attrs.accessLogging.value ? pass() : fail(`\`${stage.name}\` writes no access logs`)),
});

export const crashingPolicy = definePolicy({
  id: 'GW-BUG-001', slug: 'crashes', title: 'Throws', severity: 'low', category: 'discovery', control: 'inventory', owasp: [],
  target: 'api', rationale: 'test', remediation: {}, references: [],
  evaluate: () => {
    throw new Error('boom');
  },
});

/**
 * Two files (given out of order), a cloud resource, an unknown value, a crashing policy and input diagnostics:
 * everything a reporter has to render.
 */
export function sampleResult(policies: readonly AnyPolicy[] = [tlsPolicy, logPolicy, crashingPolicy]): ScanResult {
  const b = new GraphBuilder();
  place(b.node('api.domain', { name: 'legacy', minTlsVersion: set('1.0', at('z/domains.tf', 12)) }), at('z/domains.tf', 10));
  place(b.node('api.domain', { name: 'modern', minTlsVersion: set('1.2', at('z/domains.tf', 22)) }), at('z/domains.tf', 20));
  place(b.node('api.domain', { name: 'varied', minTlsVersion: { state: 'unknown', expr: 'var.tls', source: at('a/vars.tf', 3) } }), at('a/vars.tf', 1));
  place(b.node('api.stage', { name: 'prod' }), at('a/stage.tf', 7));
  place(b.node('api.stage', { name: 'live' }), { kind: 'cloud', provider: 'aws', id: 'arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live', region: 'eu-west-1' });
  place(b.node('api', { name: 'payments' }), at('a/api.tf', 1));
  const graph = rebuilt(b.graph);
  return {
    results: runPolicies(graph, policies),
    diagnostics: [
      { severity: 'warning', file: path.join(CWD, 'empty.tf'), message: 'empty file, nothing to check', provider: 'terraform' },
      { severity: 'error', file: path.join(CWD, 'broken.tf'), line: 4, message: 'syntax error: unexpected "}"', provider: 'terraform' },
    ],
    graph,
    filesScanned: 6,
    timings: { total: 1 },
  };
}

const sources = new Map<string, SourceRef>();

function place(node: { id: string }, source: SourceRef): void {
  sources.set(node.id, source);
}

/** GraphBuilder puts every node at /test/main.tf; give each its own place. */
function rebuilt(graph: ResourceGraph): ResourceGraph {
  const out = new ResourceGraph();
  for (const node of graph.nodes()) {
    const live = sources.get(node.id)?.kind === 'cloud';
    out.add({ ...node, source: sources.get(node.id) ?? node.source, ...(live && { provider: 'aws' }) });
  }
  return out;
}
