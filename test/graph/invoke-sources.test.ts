import { invokeSources } from '../../src/graph/invoke-sources';
import type { PolicyStatement } from '../../src/graph/kinds';

const statement = (over: Partial<PolicyStatement>): PolicyStatement => ({
  effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'], hasCondition: false, ...over,
});
const fromIps = (ranges: string[], negated = false): Partial<PolicyStatement> => ({ hasCondition: true, sourceIp: { negated, ranges } });

describe('invokeSources', () => {
  it.each([
    { case: 'an Allow to anyone', statements: [statement({})], expected: { kind: 'any' } },
    { case: 'Allows only from listed ranges', statements: [statement(fromIps(['10.0.0.0/8'])), statement({ actions: ['execute-api:*'], ...fromIps(['192.168.0.0/16']) })], expected: { kind: 'ranges', ranges: ['10.0.0.0/8', '192.168.0.0/16'] } },
    { case: 'one Allow without a range beside one with', statements: [statement(fromIps(['10.0.0.0/8'])), statement({})], expected: { kind: 'any' } },
    { case: 'a Deny outside listed ranges', statements: [statement({}), statement({ effect: 'Deny', ...fromIps(['203.0.113.0/24'], true) })], expected: { kind: 'ranges', ranges: ['203.0.113.0/24'] } },
    { case: 'a Deny of Invoke to everyone on the whole API', statements: [statement({ actions: ['*'] }), statement({ effect: 'Deny', actions: ['execute-api:Inv*'], resources: ['execute-api:/*/*/*'] })], expected: { kind: 'nobody' } },
    { case: 'a Deny of every API\'s Invoke', statements: [statement({}), statement({ effect: 'Deny', resources: ['arn:aws:execute-api:*:*:*/*'] })], expected: { kind: 'nobody' } },
    { case: 'a Deny on an API id, maybe another API', statements: [statement({}), statement({ effect: 'Deny', resources: ['arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/*/*/*'] })], expected: { kind: 'any' } },
    { case: 'an Allow by a wildcard action', statements: [statement({ actions: ['execute-api:Inv*'], ...fromIps(['10.0.0.0/8']) })], expected: { kind: 'ranges', ranges: ['10.0.0.0/8'] } },
    { case: 'a Deny of other actions only', statements: [statement({}), statement({ effect: 'Deny', actions: ['execute-api:InvalidateCache'] })], expected: { kind: 'any' } },
    { case: 'a Deny of one route', statements: [statement({}), statement({ effect: 'Deny', resources: ['execute-api:/*/DELETE/*'] })], expected: { kind: 'any' } },
    { case: 'a Deny under another condition', statements: [statement({}), statement({ effect: 'Deny', hasCondition: true })], expected: { kind: 'any' } },
    { case: 'a Deny to one account', statements: [statement({}), statement({ effect: 'Deny', principals: ['arn:aws:iam::123456789012:root'] })], expected: { kind: 'any' } },
    { case: 'Allows only to named principals', statements: [statement({ principals: ['arn:aws:iam::123456789012:root'], ...fromIps(['10.0.0.0/8']) })], expected: { kind: 'any' } },
  ])('$case', ({ statements, expected }) => {
    expect(invokeSources({ statements })).toEqual(expected);
  });
});
