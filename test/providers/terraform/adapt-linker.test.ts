import { parseAddress } from '../../../providers/terraform/adapt/address';
import { parseResourcePolicy } from '../../../providers/aws-shared/iam-policy';
import { Linker } from '../../../providers/terraform/adapt/linker';
import { secretPreview } from '../../../providers/aws-shared/secret-preview';
import { apiGatewayPolicyMinTls, cloudFrontMinTls } from '../../../providers/aws-shared/tls-policy';
import { tf } from '../../helpers/tf-resources';

describe('parseAddress', () => {
  it.each([
    ['aws_x.y', { modulePath: '', mode: 'managed', type: 'aws_x', name: 'y', instanceSuffix: '', base: 'aws_x.y' }],
    ['aws_x.y[0]', { type: 'aws_x', name: 'y', instanceSuffix: '[0]', base: 'aws_x.y' }],
    ['data.aws_x.y', { mode: 'data', type: 'aws_x', base: 'data.aws_x.y' }],
    ['module.a["k.1"].module.b.aws_x.y["e.u"]', { modulePath: 'module.a["k.1"].module.b', type: 'aws_x', name: 'y', instanceSuffix: '["e.u"]', base: 'module.a["k.1"].module.b.aws_x.y' }],
    ['module.m.data.aws_x.y', { modulePath: 'module.m', mode: 'data', type: 'aws_x', name: 'y' }],
  ])('%s', (address, expected) => {
    expect(parseAddress(address)).toMatchObject(expected);
  });

  it.each(['', 'var.x', 'aws_x', 'aws_x.y.z.w', 'aws_x.y["unterminated]'])('rejects %j', (address) => {
    expect(parseAddress(address)).toBeUndefined();
  });
});

describe('Linker', () => {
  const one = tf.resource('aws_api_gateway_rest_api', 'one', {});
  const each = ['a', 'b'].map((key) => tf.resource('aws_api_gateway_stage', 'env', { stage_name: key }, { key }));
  const inModule = tf.resource('aws_api_gateway_rest_api', 'this', {}, { module: 'module.api' });
  const linker = new Linker([one, ...each, inModule]);

  it('resolves an exact address', () => {
    expect(linker.resolve('aws_api_gateway_stage.env["a"]').map((r) => r.address)).toEqual(['aws_api_gateway_stage.env["a"]']);
  });

  it('resolves a ref without instance key to every instance', () => {
    expect(linker.resolve('aws_api_gateway_stage.env').map((r) => r.address)).toEqual(['aws_api_gateway_stage.env["a"]', 'aws_api_gateway_stage.env["b"]']);
  });

  it('does not resolve a missing instance or another module', () => {
    expect(linker.resolve('aws_api_gateway_stage.env["c"]')).toEqual([]);
    expect(linker.resolve('aws_api_gateway_rest_api.this')).toEqual([]);
    expect(linker.resolve('module.api.aws_api_gateway_rest_api.this')).toEqual([inModule]);
  });

  it('keeps dangling refs as computed ids and filters by type', () => {
    const attribute = { value: { unknown: true, expr: 'x' } as const, refs: ['aws_api_gateway_rest_api.gone', 'aws_lb.x', 'aws_api_gateway_rest_api.one'], source: one.source };
    expect(linker.ids(attribute, ['aws_api_gateway_rest_api'])).toEqual(['terraform:aws_api_gateway_rest_api.gone', 'terraform:aws_api_gateway_rest_api.one']);
  });

  it('scopes node ids to the root label it was made with', () => {
    const labelled = new Linker([one], 'envs/prod');
    expect(linker.nodeId('aws_api_gateway_rest_api.one', '#viewer')).toBe('terraform:aws_api_gateway_rest_api.one#viewer');
    expect(labelled.nodeId('aws_api_gateway_rest_api.one', '#viewer')).toBe('terraform:envs/prod:aws_api_gateway_rest_api.one#viewer');
    const attribute = { value: 'x', refs: ['aws_api_gateway_rest_api.gone', 'aws_api_gateway_rest_api.one'], source: one.source };
    expect(labelled.ids(attribute, ['aws_api_gateway_rest_api'])).toEqual(['terraform:envs/prod:aws_api_gateway_rest_api.gone', 'terraform:envs/prod:aws_api_gateway_rest_api.one']);
  });

  it('finds the sole target of a ref, and none when the ref names several instances', () => {
    const ref = (...refs: string[]) => ({ value: 'x', refs, source: one.source });
    expect(linker.soleTarget(ref('aws_lb.x', 'aws_api_gateway_stage.env["b"]'), ['aws_api_gateway_stage'])).toBe(each[1]);
    expect(linker.soleTarget(ref('aws_api_gateway_stage.env'), ['aws_api_gateway_stage'])).toBeUndefined();
    expect(linker.soleTarget(ref('aws_api_gateway_stage.env["a"]', 'aws_api_gateway_stage.env["b"]'), ['aws_api_gateway_stage'])).toBeUndefined();
    expect(linker.soleTarget(ref('aws_api_gateway_stage.env["a"]'), ['aws_api_gateway_rest_api'])).toBeUndefined();
    expect(linker.soleTarget(ref('aws_api_gateway_stage.gone'), ['aws_api_gateway_stage'])).toBeUndefined();
  });

  it('identifies by reference, else by literal value', () => {
    const byRef = { value: 'x', refs: ['aws_api_gateway_rest_api.one'], source: one.source };
    const literal = { value: 'a1b2c3', refs: [], source: one.source };
    const computed = { value: { unknown: true, expr: 'var.x' } as const, refs: [], source: one.source };
    expect(linker.identity(byRef, ['aws_api_gateway_rest_api'])).toBe('ref:aws_api_gateway_rest_api.one');
    expect(linker.identity(literal, ['aws_api_gateway_rest_api'])).toBe('literal:a1b2c3');
    expect(linker.identity(computed, ['aws_api_gateway_rest_api'])).toBeUndefined();
  });
});

describe('Linker.idsOrKnownId', () => {
  // A state writes `rest_api_id = "a1b2c3"` and the API's own `id = "a1b2c3"`, with no reference between them.
  const api = tf.resource('aws_api_gateway_rest_api', 'api', { id: 'a1b2c3' });
  const linker = new Linker([api]);
  const attribute = (value: string, refs: string[] = []) => ({ value, refs, source: api.source });

  it('links a literal id to the resource that has it', () => {
    expect(linker.idsOrKnownId(attribute('a1b2c3'), ['aws_api_gateway_rest_api'])).toEqual(['terraform:aws_api_gateway_rest_api.api']);
  });

  it('prefers references, and links no other id, empty value or type', () => {
    expect(linker.idsOrKnownId(attribute('zzz', ['aws_api_gateway_rest_api.gone']), ['aws_api_gateway_rest_api'])).toEqual(['terraform:aws_api_gateway_rest_api.gone']);
    expect(linker.idsOrKnownId(attribute('d4e5f6'), ['aws_api_gateway_rest_api'])).toEqual([]);
    expect(linker.idsOrKnownId(attribute(''), ['aws_api_gateway_rest_api'])).toEqual([]);
    expect(linker.idsOrKnownId(attribute('a1b2c3'), ['aws_apigatewayv2_api'])).toEqual([]);
  });
});

describe('Linker.ofTypeWhereOn', () => {
  // Every API has a `prod` stage, as in a large plan: a stage named on one API is that API's only.
  const apis = ['a', 'b'].map((name) => tf.resource('aws_api_gateway_rest_api', name, {}));
  const stages = ['a', 'b'].flatMap((api) => ['prod', 'dev'].map((stage) =>
    tf.resource('aws_api_gateway_stage', `${api}_${stage}`, { rest_api_id: tf.ref(`aws_api_gateway_rest_api.${api}`), stage_name: stage })));
  const literal = tf.resource('aws_api_gateway_stage', 'literal_prod', { rest_api_id: 'a1b2c3', stage_name: 'prod' });
  const linker = new Linker([...apis, ...stages, literal]);
  const onApi = (identity: string) => ({ attribute: 'rest_api_id', types: ['aws_api_gateway_rest_api'], identity });
  const named = (value: string, identity: string) => linker.ofTypeWhereOn('aws_api_gateway_stage', 'stage_name', value, onApi(identity)).map((r) => r.address);

  it('finds the resource of that name on that API only', () => {
    expect(named('prod', 'ref:aws_api_gateway_rest_api.b')).toEqual(['aws_api_gateway_stage.b_prod']);
    expect(named('dev', 'ref:aws_api_gateway_rest_api.a')).toEqual(['aws_api_gateway_stage.a_dev']);
    expect(named('prod', 'literal:a1b2c3')).toEqual(['aws_api_gateway_stage.literal_prod']);
  });

  it('finds nothing for another name or API', () => {
    expect(named('test', 'ref:aws_api_gateway_rest_api.a')).toEqual([]);
    expect(named('prod', 'ref:aws_api_gateway_rest_api.gone')).toEqual([]);
  });
});

describe('parseResourcePolicy', () => {
  it('reads statements, principals, NotPrincipal and conditions', () => {
    const policy = parseResourcePolicy(JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root'] }, Action: 'execute-api:Invoke', Resource: ['arn:a', 'arn:b'] },
        { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, NotAction: 'x:*', Resource: '*', Condition: {} },
        { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } },
      ],
    }));
    expect(policy?.statements).toEqual([
      { effect: 'Allow', principals: ['arn:aws:iam::1:root'], actions: ['execute-api:Invoke'], resources: ['arn:a', 'arn:b'], hasCondition: false },
      { effect: 'Allow', principals: ['*'], actions: ['*'], resources: ['*'], hasCondition: false },
      { effect: 'Deny', principals: ['*'], actions: ['*'], resources: ['*'], hasCondition: true },
    ]);
  });

  it.each(['not json', '[]', '{"Statement":[{"Effect":"Maybe"}]}'])('rejects %j', (text) => {
    expect(parseResourcePolicy(text)).toBeUndefined();
  });
});

describe('security policy names', () => {
  it.each([
    ['TLS_1_0', '1.0'], ['TLS_1_2', '1.2'], ['SecurityPolicy_TLS13_1_3_2025_09', '1.3'], ['SecurityPolicy_TLS13_1_3_FIPS_2025_09', '1.3'],
    ['SecurityPolicy_TLS13_1_2_2021_06', '1.2'], ['SecurityPolicy_TLS12_PFS_2025_EDGE', '1.2'], ['SecurityPolicy_TLS13_2025_EDGE', '1.2'], ['TLS_1_3', undefined],
  ])('API Gateway %s → %s', (name, version) => {
    expect(apiGatewayPolicyMinTls(name)).toBe(version);
  });

  it.each([
    ['SSLv3', '1.0'], ['TLSv1', '1.0'], ['TLSv1_2016', '1.0'], ['TLSv1.1_2016', '1.1'], ['TLSv1.2_2018', '1.2'], ['TLSv1.2_2021', '1.2'], ['TLSv1.2_2025', '1.2'],
    ['TLSv1.3_2025', '1.3'], ['TLSv1.0', '1.0'], ['TLSv1.1', '1.1'], ['TLSv1.0_2016', undefined], ['bogus', undefined],
  ])('CloudFront %s → %s', (name, version) => {
    expect(cloudFrontMinTls(name)).toBe(version);
  });
});

describe('secretPreview', () => {
  it('shows four characters and a fingerprint, never the value', () => {
    const value = 'abcdEFGHijklMNOPqrstUVWX';
    const preview = secretPreview(value);
    expect(preview).toMatch(/^abcd…sha256:[0-9a-f]{8}$/);
    expect(preview).not.toContain('EFGH');
    expect(secretPreview(value)).toBe(preview);
  });

  it('shows no characters of a short value', () => {
    expect(secretPreview('short')).toMatch(/^…sha256:[0-9a-f]{8}$/);
  });
});

describe('Linker identity through data sources', () => {
  it('treats refs to a data source of the type as the same thing', () => {
    const linker = new Linker([]);
    const source = tf.resource('aws_api_gateway_stage', 's', {}).source;
    const attribute = { value: { unknown: true, expr: 'data.aws_api_gateway_rest_api.x.id' } as const, refs: ['data.aws_api_gateway_rest_api.x'], source };
    expect(linker.identity(attribute, ['aws_api_gateway_rest_api'])).toBe('ref:data.aws_api_gateway_rest_api.x');
  });
});
