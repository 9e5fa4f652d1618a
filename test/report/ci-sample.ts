import * as path from 'node:path';
import { definePolicy, fail } from '../../src/engine/policy';
import { runPolicies, type PolicyResult } from '../../src/engine/run';
import type { ScanResult } from '../../src/engine/scan-result';
import { set } from '../../src/graph/attr';
import { fileSource } from '../../src/graph/source';
import { GraphBuilder } from '../helpers';
import { CWD, sampleResult } from './sample-result';

/** {@link sampleResult} with the `prod` stage's access-log finding accepted in config: everything CI formats render. */
export function ciSampleResult(): ScanResult {
  const result = sampleResult();
  return {
    ...result,
    results: result.results.map((r): PolicyResult => (r.status === 'fail' && r.node.name === 'prod'
      ? { ...r, suppression: { kind: 'config', reason: 'prod logs go to the SIEM through a firehose', expires: '2099-01-01' } }
      : r)),
  };
}

/** Names and values an attacker controls in a pull request, aimed at workflow commands, XML, Markdown and Mermaid. */
export const HOSTILE = [
  'evil\n::set-output name=pwned::1',
  'evil\r\n::add-mask::x',
  '%0A::error::forged',
  'a,b:c::d',
  '</failure><injected attr="1">&amp;',
  '"]-->X[pwned]\n```\n<script>alert(1)</script> @octocat #1 | cell',
  '\u0001\u001b[31mred\u0000',
];

const hostilePolicy = definePolicy({
  id: 'GW-TLS-001', slug: 'tls-version', title: 'Custom domains require TLS 1.2 or newer', severity: 'high',
  category: 'encryption', control: 'tls-version', owasp: ['API8:2023'], target: 'api.domain',
  rationale: 'Old TLS is broken.', remediation: { terraform: 'Set security_policy = "TLS_1_2".' }, references: [],
  evaluate: (domain) => fail(`\`${domain.name}\` accepts TLS ${domain.attrs.minTlsVersion.state === 'set' ? domain.attrs.minTlsVersion.value : '?'}`),
});

/** One failing domain per hostile name, each in a file whose name is hostile too, behind an API. */
export function hostileResult(): ScanResult {
  const b = new GraphBuilder();
  const api = b.node('api', { name: HOSTILE[5] ?? 'api', id: 'terraform:aws_api_gateway_rest_api.x' });
  HOSTILE.forEach((name, i) => {
    const domain = b.node('api.domain', { name, id: `terraform:aws_api_gateway_domain_name.d${i}`, minTlsVersion: set('1.0') });
    b.link(domain, 'domain-serves', api);
  });
  const graph = b.graph;
  const placed = new GraphBuilder().graph;
  for (const node of graph.nodes()) {
    const i = HOSTILE.indexOf(node.name);
    placed.add({ ...node, source: fileSource(path.join(CWD, `dir ${i}`, `${(HOSTILE[i] ?? 'x').replace(/[/\\]/g, '_')}.tf`), 3 + i, 5 + i) });
  }
  for (const e of graph.edges()) placed.link(e);
  return { results: runPolicies(placed, [hostilePolicy]), diagnostics: [], graph: placed, filesScanned: HOSTILE.length, timings: {} };
}
