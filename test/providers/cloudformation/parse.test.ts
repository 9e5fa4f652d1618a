import { parseTemplate } from '../../../providers/cloudformation/parse';

function root(text: string): unknown {
  const parsed = parseTemplate(text, 't.yaml');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.root;
}

describe('parseTemplate: short-form tags become long forms', () => {
  it.each([
    ['!Ref Api', { Ref: 'Api' }],
    ['!GetAtt Api.RootResourceId', { 'Fn::GetAtt': ['Api', 'RootResourceId'] }],
    ['!GetAtt Stack.Outputs.Url', { 'Fn::GetAtt': ['Stack', 'Outputs.Url'] }],
    ['!GetAtt [Api, Arn]', { 'Fn::GetAtt': ['Api', 'Arn'] }],
    ['!Sub "https://${Host}/x"', { 'Fn::Sub': 'https://${Host}/x' }],
    ['!Sub ["${A}-x", {A: !Ref B}]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!If [IsProd, a, !Ref AWS::NoValue]', { 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] }],
    ['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
    ['!And [!Condition A, !Not [!Condition B]]', { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!FindInMap [M, a, b]', { 'Fn::FindInMap': ['M', 'a', 'b'] }],
    ['!ImportValue shared-api-id', { 'Fn::ImportValue': 'shared-api-id' }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!Transform {Name: AWS::Include, Parameters: {Location: s3://b/api.yaml}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/api.yaml' } } }],
  ])('%s', (tag, expected) => {
    expect(root(`Value: ${tag}\n`)).toEqual({ Value: expected });
  });

  it('refuses unknown tags, with the line', () => {
    expect(parseTemplate('Resources:\n  A:\n    Type: !Foo x\n', 't.yaml')).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/!Foo/) });
  });

  it('reports invalid YAML with its line, and refuses several documents and alias bombs', () => {
    expect(parseTemplate('Resources:\n  A: [\n', 't.yaml')).toMatchObject({ ok: false, line: expect.any(Number) });
    expect(parseTemplate('Resources: {}\n---\nResources: {}\n', 't.yaml')).toMatchObject({ ok: false, reason: expect.stringMatching(/2 YAML documents/) });
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(parseTemplate(levels.join('\n'), 't.yaml')).toMatchObject({ ok: false, reason: expect.stringMatching(/expands to more than/) });
  });
});

describe('parseTemplate: key lines', () => {
  const yaml = [
    'Resources:', //               1
    '  Api:', //                   2
    '    Type: AWS::ApiGateway::RestApi',
    '    Properties:', //          4
    '      Name: orders', //       5
    '      Policy: !If', //        6
    '        - IsProd', //         7
    '        - Statement: []', //  8
    '        - !Ref AWS::NoValue',
    '      Tags:', //              10
    '        - Key: team', //      11
    '          Value: api', //     12
    '  Other:', //                 13
    '    Type: AWS::S3::Bucket', // 14
  ].join('\n');

  it('finds YAML keys, list items and the end of each block; short and long forms alike', () => {
    const parsed = parseTemplate(yaml, 't.yaml');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.lines.at(['Resources', 'Api'])).toEqual({ line: 2, endLine: 12 });
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Name'])).toEqual({ line: 5, endLine: 5 });
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Tags', 0, 'Value'])).toEqual({ line: 12, endLine: 12 });
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Policy', 'Fn::If', 1])?.line).toBe(8);
    // A key the file does not have is located at its nearest ancestor.
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Missing'])).toEqual({ line: 4, endLine: 12 });
    expect(parsed.lines.at(['Resources', 'Other'])).toEqual({ line: 13, endLine: 14 });
  });

  it('finds JSON keys lazily, with escapes', () => {
    const json = '{\n  "Resources": {\n    "Api": {\n      "Type": "AWS::ApiGateway::RestApi",\n      "Properties": {\n        "Na\\u006de": "x",\n        "Tags": [\n          {"Key": "a"},\n          {"Key": "b"}\n        ]\n      }\n    }\n  }\n}\n';
    const parsed = parseTemplate(json, 't.json');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.lines.at(['Resources', 'Api'])).toEqual({ line: 3, endLine: 12 });
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Name'])?.line).toBe(6);
    expect(parsed.lines.at(['Resources', 'Api', 'Properties', 'Tags', 1, 'Key'])?.line).toBe(9);
  });
});
