import policy from '../../policies/encryption/tls-version';
import { runPolicies } from '../../src/engine/run';
import { applySuppressions, globToRegExp, todayUtc } from '../../src/engine/suppressions';
import { fileSource } from '../../src/graph/source';
import { g } from '../helpers';

describe('resource globs', () => {
  it.each([
    ['terraform:envs/*:aws_api_gateway_stage.*', 'terraform:envs/prod:aws_api_gateway_stage.prod', true],
    ['terraform:envs/*:aws_api_gateway_stage.*', 'terraform:envs/prod/eu:aws_api_gateway_stage.prod', false],
    ['terraform:envs/**:aws_api_gateway_stage.*', 'terraform:envs/prod/eu:aws_api_gateway_stage.prod', true],
    ['terraform:*:aws_api_gateway_stage.this["prod"]', 'terraform:.:aws_api_gateway_stage.this["prod"]', true],
    ['terraform:.:aws_api_gateway_stage.?', 'terraform:.:aws_api_gateway_stage.a', true],
    ['terraform:.:aws_api_gateway_stage.a', 'terraform:.:aws_api_gateway_stage.ab', false],
    ['**', 'aws:arn:aws:apigateway:eu-west-1::/restapis/a1b2c3', true],
  ])('%s matches %s: %s', (glob, id, expected) => {
    expect(globToRegExp(glob).test(id)).toBe(expected);
  });
});

describe('applySuppressions', () => {
  const graph = g.domain({ name: 'legacy', minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLS_1_0'), weakCiphers: g.byDefault<readonly string[]>([]) });
  const results = runPolicies(graph, [policy]);
  const node = results[0]?.node;
  const source = node?.source.kind === 'file' ? node.source : undefined;

  it('applies inline comments to results whose node lies in the range, up to and including the expiry day', () => {
    if (!source || source.line === undefined) throw new Error('the builder gives nodes a file and line');
    const inline = { policy: 'GW-TLS-001', reason: 'legacy clients until Q3', expires: '2030-01-31', file: source.file, line: source.line - 1, appliesTo: { file: source.file, fromLine: source.line, toLine: source.line + 3 } };
    const on = (today: string) => applySuppressions(results, { inline: [inline], policies: [policy], ran: new Set([policy.id]), today });
    expect(on('2030-01-31').results.map((r) => r.suppression?.kind)).toEqual(['inline']);
    expect(on('2030-01-31').results[0]?.suppression?.source).toEqual(fileSource(source.file, source.line - 1));
    expect(on('2030-02-01').results.map((r) => r.suppression)).toEqual([undefined]);
    expect(on('2030-02-01').diagnostics).toEqual([{ severity: 'warning', file: source.file, line: source.line - 1, message: 'gatewarden:ignore GW-TLS-001 expired on 2030-01-31; its findings are reported again' }]);
  });

  it('does not call suppressions of policies that did not run unused', () => {
    const config = [{ policy: 'GW-TLS-001', resource: 'nothing:*', reason: 'not used at all', file: '/x/.gatewarden.yml', line: 3 }];
    expect(applySuppressions(results, { config, policies: [policy], ran: new Set(), today: '2030-01-01' }).diagnostics).toEqual([]);
    expect(applySuppressions(results, { config, policies: [policy], ran: new Set([policy.id]), today: '2030-01-01' }).diagnostics).toHaveLength(1);
  });

  it('today is a UTC calendar day', () => {
    expect(todayUtc(new Date('2030-05-06T23:59:59-05:00'))).toBe('2030-05-07');
  });
});
