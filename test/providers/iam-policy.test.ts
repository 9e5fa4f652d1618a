import { policyFromDocument } from '../../providers/aws-shared/iam-policy';

const withCondition = (condition: unknown) => policyFromDocument({
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: condition }],
})?.statements[0];

describe('policyFromDocument: source address conditions', () => {
  it.each([
    { case: 'IpAddress on aws:SourceIp, a list', condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }, expected: { negated: false, ranges: ['10.0.0.0/8', '192.168.0.0/16'] } },
    { case: 'NotIpAddress, one value, key in another case', condition: { NotIpAddress: { 'AWS:SourceIp': '203.0.113.0/24' } }, expected: { negated: true, ranges: ['203.0.113.0/24'] } },
    { case: 'another condition beside it', condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } }, expected: undefined },
    { case: 'another key in the same operator', condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8', 'aws:VpcSourceIp': '10.0.0.1' } }, expected: undefined },
    { case: 'another operator', condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } }, expected: undefined },
  ])('$case', ({ condition, expected }) => {
    const statement = withCondition(condition);
    expect(statement?.hasCondition).toBe(true);
    expect(statement?.sourceIp).toEqual(expected);
  });
});

describe('policyFromDocument: a Deny of everyone but some', () => {
  it('is left out, so the policy looks as open as it is', () => {
    const policy = policyFromDocument({ Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
      { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/ops' }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
    ] });
    expect(policy?.statements.map((s) => s.effect)).toEqual(['Allow']);
  });
});
