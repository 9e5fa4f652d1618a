import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplate } from '../../../providers/cloudformation';
import { CfnContext } from '../../../providers/cloudformation/adapt/context';
import { isCfnUnknown, type CfnValue } from '../../../providers/cloudformation/template';

const TEMPLATE = `
Parameters:
  Env: { Type: String, Default: dev }
  Host: { Type: String }
  Zones: { Type: CommaDelimitedList, Default: "a, b, c" }
  Secret: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /api/key }
Mappings:
  Stages:
    dev: { Name: development }
    prod: { Name: production }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  HasHost: !Not [!Equals [!Ref Host, '']]
  Either: !Or [!Condition IsProd, !Condition HasHost]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  ProdOnly:
    Type: AWS::ApiGateway::RestApi
    Condition: IsProd
  Probe:
    Type: Custom::Probe
    Properties:
      Literal: plain
      Param: !Ref Env
      NoDefault: !Ref Host
      Ssm: !Ref Secret
      Pseudo: !Ref AWS::Region
      List: !Ref Zones
      Sub: !Sub 'api-\${Env}-\${!Literal}'
      SubVars: !Sub ['\${Name}.example.com', { Name: !FindInMap [Stages, !Ref Env, Name] }]
      SubUnknown: !Sub 'https://\${Host}/orders'
      SubRefs: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Api.RootResourceId}'
      Join: !Join ['-', [a, !Ref Env, !Select [1, !Ref Zones]]]
      Split: !Select [2, !Split [',', 'x,y,z']]
      IfDecided: !If [IsDev, yes-dev, no-dev]
      IfUnknown: !If [HasHost, with-host, !Ref AWS::NoValue]
      IfSame: !If [HasHost, same, same]
      NotDecidable: !If [Either, a, b]
      Removed: !If [IsProd, x, !Ref AWS::NoValue]
      ListNoValue: [a, !If [IsProd, b, !Ref AWS::NoValue], c]
      GetAtt: !GetAtt Api.RootResourceId
      Import: !ImportValue shared
      Dynamic: '{{resolve:secretsmanager:api-key:SecretString:key}}'
      Base64: !Base64 hi
      Json: { 'Fn::ToJsonString': { a: [1, 2] } }
      Bogus: { 'Fn::Bogus': [1] }
`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cfn-resolve-'));
  const file = join(dir, 'template.yaml');
  writeFileSync(file, TEMPLATE);
  const loaded = loadTemplate(file, 'template.yaml', new Map());
  if (!loaded.template || !loaded.resolver) throw new Error(JSON.stringify(loaded.diagnostics));
  const ctx = new CfnContext(loaded.template, loaded.resolver);
  const probe = ctx.resource('Probe');
  if (!probe) throw new Error('no probe');
  const body = ctx.read.body(probe);
  return { ctx, body, loaded };
}

function show(value: CfnValue | undefined): unknown {
  return isCfnUnknown(value) ? { unknown: value.expr, prefix: value.prefix } : value;
}

describe('resolution', () => {
  const { ctx, body, loaded } = setup();
  const value = (name: string): unknown => show(ctx.read.prop(body, name)?.value);

  it.each([
    ['Literal', 'plain'],
    ['Param', 'dev'],
    ['NoDefault', { unknown: 'parameter Host has no value (no Default, no override)', prefix: '' }],
    ['Ssm', { unknown: 'SSM parameter /api/key', prefix: '' }],
    ['Pseudo', { unknown: 'AWS::Region', prefix: '' }],
    ['List', ['a', 'b', 'c']],
    ['Sub', 'api-dev-${Literal}'],
    ['SubVars', 'development.example.com'],
    ['SubUnknown', { unknown: 'https://${Host}/orders', prefix: 'https://' }],
    ['Join', 'a-dev-b'],
    ['Split', 'z'],
    ['IfDecided', 'yes-dev'],
    ['IfUnknown', { unknown: expect.stringMatching(/^!If /), prefix: '' }],
    ['IfSame', 'same'],
    ['NotDecidable', { unknown: expect.stringMatching(/^!If /), prefix: '' }],
    ['Removed', undefined],
    ['ListNoValue', ['a', 'c']],
    ['GetAtt', { unknown: '!GetAtt Api.RootResourceId', prefix: '' }],
    ['Import', { unknown: expect.stringMatching(/^!ImportValue/), prefix: '' }],
    ['Dynamic', { unknown: '{{resolve:secretsmanager:api-key:SecretString:key}}', prefix: '' }],
    ['Base64', 'aGk='],
    ['Json', '{"a":[1,2]}'],
  ])('%s', (name, expected) => {
    expect(value(name)).toEqual(expected);
  });

  it('records references to resources, with their attribute', () => {
    expect(ctx.read.prop(body, 'SubRefs')?.refs).toEqual([{ logicalId: 'Api' }, { logicalId: 'Api', attribute: 'RootResourceId' }]);
    expect(ctx.read.prop(body, 'GetAtt')?.refs).toEqual([{ logicalId: 'Api', attribute: 'RootResourceId' }]);
    expect(ctx.read.prop(body, 'Param')?.refs).toEqual([]);
  });

  it('locates a property at its line', () => {
    expect(ctx.read.prop(body, 'Sub')?.source).toMatchObject({ line: TEMPLATE.split('\n').findIndex((l) => l.includes('Sub: !Sub')) + 1 });
  });

  it('leaves out resources whose condition is false, with a notice', () => {
    expect(ctx.resource('ProdOnly')).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/ProdOnly is not created/) }));
  });

  it('reports an unknown intrinsic function as an error at its line', () => {
    expect(value('Bogus')).toEqual({ unknown: expect.stringMatching(/Bogus/), prefix: '' });
    expect(loaded.resolver?.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', message: 'unknown intrinsic function Fn::Bogus', line: expect.any(Number) }));
  });

  it('applies parameter overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-cfn-resolve-'));
    const file = join(dir, 'template.yaml');
    writeFileSync(file, TEMPLATE);
    const overridden = loadTemplate(file, 'template.yaml', new Map([['Env', 'prod'], ['Host', 'h.example.com']]));
    if (!overridden.template || !overridden.resolver) throw new Error('not loaded');
    const octx = new CfnContext(overridden.template, overridden.resolver);
    const probe = octx.resource('Probe');
    if (!probe) throw new Error('no probe');
    const obody = octx.read.body(probe);
    expect(octx.resource('ProdOnly')).toBeDefined();
    expect(octx.read.prop(obody, 'SubVars')?.value).toBe('production.example.com');
    expect(octx.read.prop(obody, 'SubUnknown')?.value).toBe('https://h.example.com/orders');
    expect(octx.read.prop(obody, 'IfUnknown')?.value).toBe('with-host');
  });
});
