import { scanVerdicts } from './tf-helpers';
import { expectAdapted, tf, type AdapterCase } from '../../helpers/tf-resources';

type Fields = Parameters<typeof tf.resource>[2];

const distribution = (name: string, fields: Fields = {}) => tf.resource('aws_cloudfront_distribution', name, {
  enabled: true,
  origin: tf.block({
    domain_name: 'origin.example.com', origin_id: 'o',
    custom_origin_config: tf.block({ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }),
  }),
  default_cache_behavior: tf.block({ target_origin_id: 'o', viewer_protocol_policy: 'redirect-to-https', allowed_methods: ['GET', 'HEAD'], cached_methods: ['GET', 'HEAD'] }),
  restrictions: tf.block({ geo_restriction: tf.block({ restriction_type: 'none' }) }),
  viewer_certificate: tf.block({ acm_certificate_arn: 'arn:acm', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }),
  ...fields,
});

const cases: AdapterCase[] = [
  {
    name: 'distribution makes a cdn and its viewer-side domain',
    resources: () => [distribution('cdn', { aliases: ['www.example.com'] })],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn': {
        kind: 'edge.cdn', name: 'cdn', attrs: { originProtocol: { state: 'set', value: 'https-only' }, enabled: { state: 'set', value: true } },
      },
      'terraform:aws_cloudfront_distribution.cdn#viewer': {
        kind: 'api.domain', name: 'cdn', native: { type: 'aws_cloudfront_distribution' },
        attrs: {
          hostname: { state: 'set', value: 'www.example.com' },
          minTlsVersion: { state: 'set', value: '1.2' },
          securityPolicy: { state: 'set', value: 'TLSv1.2_2021' },
          allowsPlainHttp: { state: 'set', value: false },
          mutualTls: { state: 'default', value: false },
          endpointType: { state: 'default', value: 'edge' },
        },
      },
    },
    edges: [{ from: 'terraform:aws_cloudfront_distribution.cdn#viewer', rel: 'domain-serves', to: 'terraform:aws_cloudfront_distribution.cdn' }],
  },
  {
    name: 'default certificate forces TLSv1; allow-all on an ordered behavior serves plain HTTP',
    resources: () => [distribution('cdn', {
      viewer_certificate: tf.block({ cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1.2_2021' }),
      ordered_cache_behavior: tf.blocks({ path_pattern: '/a/*', target_origin_id: 'o', viewer_protocol_policy: 'https-only' }, { path_pattern: '/b/*', target_origin_id: 'o', viewer_protocol_policy: 'allow-all' }),
    })],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn#viewer': {
        attrs: {
          hostname: { state: 'default', value: '*.cloudfront.net' },
          minTlsVersion: { state: 'set', value: '1.0' }, securityPolicy: { value: 'TLSv1' }, allowsPlainHttp: { state: 'set', value: true },
        },
      },
    },
  },
  {
    name: 'viewer certificate without minimum version defaults to TLSv1; S3-only origins follow the viewer',
    resources: () => [distribution('cdn', {
      origin: tf.block({ domain_name: 'bucket.s3.amazonaws.com', origin_id: 's3', s3_origin_config: tf.block({ origin_access_identity: '' }) }),
      viewer_certificate: tf.block({ acm_certificate_arn: 'arn:acm', ssl_support_method: 'sni-only' }),
    })],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn': { attrs: { originProtocol: { state: 'default', value: 'match-viewer' } } },
      'terraform:aws_cloudfront_distribution.cdn#viewer': { attrs: { minTlsVersion: { state: 'default', value: '1.0' }, securityPolicy: { state: 'default', value: 'TLSv1' } } },
    },
  },
  {
    name: 'weakest origin protocol wins; TLS 1.1 and 1.3 policies',
    resources: () => [
      distribution('mixed', {
        origin: tf.blocks(
          { domain_name: 'a.example.com', origin_id: 'a', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
          { domain_name: 'b.example.com', origin_id: 'b', custom_origin_config: tf.block({ origin_protocol_policy: 'http-only' }) },
        ),
        viewer_certificate: tf.block({ acm_certificate_arn: 'arn:acm', minimum_protocol_version: 'TLSv1.1_2016' }),
      }),
      distribution('modern', { viewer_certificate: tf.block({ acm_certificate_arn: 'arn:acm', minimum_protocol_version: 'TLSv1.3_2025' }) }),
    ],
    nodes: {
      'terraform:aws_cloudfront_distribution.mixed': { attrs: { originProtocol: { value: 'http-only' } } },
      'terraform:aws_cloudfront_distribution.mixed#viewer': { attrs: { minTlsVersion: { value: '1.1' } } },
      'terraform:aws_cloudfront_distribution.modern#viewer': { attrs: { minTlsVersion: { value: '1.3' } } },
    },
  },
  {
    name: 'unknown viewer policy and protocol version',
    resources: () => [distribution('cdn', {
      default_cache_behavior: tf.block({ target_origin_id: 'o', viewer_protocol_policy: tf.unknown('var.viewer_policy') }),
      viewer_certificate: tf.block({ acm_certificate_arn: 'arn:acm', minimum_protocol_version: tf.unknown('var.tls') }),
      enabled: tf.unknown('var.enabled'),
    })],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn': { attrs: { enabled: { state: 'unknown', expr: 'var.enabled' } } },
      'terraform:aws_cloudfront_distribution.cdn#viewer': {
        attrs: { allowsPlainHttp: { state: 'unknown', expr: 'var.viewer_policy' }, minTlsVersion: { state: 'unknown', expr: 'var.tls' } },
      },
    },
  },
  {
    name: 'fronting a REST stage, an HTTP API and a custom domain, with a WAF',
    resources: () => [
      tf.resource('aws_api_gateway_stage', 'prod', { rest_api_id: tf.ref('aws_api_gateway_rest_api.api'), stage_name: 'prod' }),
      tf.resource('aws_apigatewayv2_api', 'http', { protocol_type: 'HTTP' }),
      tf.resource('aws_api_gateway_domain_name', 'd', { domain_name: 'api.example.com' }),
      tf.resource('aws_wafv2_web_acl', 'edge', { scope: 'CLOUDFRONT', default_action: tf.block({ block: tf.block() }) }),
      distribution('cdn', {
        web_acl_id: tf.ref('aws_wafv2_web_acl.edge'),
        origin: tf.blocks(
          { domain_name: tf.ref('aws_api_gateway_stage.prod'), origin_id: 'rest', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
          { domain_name: tf.ref('aws_apigatewayv2_api.http'), origin_id: 'http', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
          { domain_name: tf.ref('aws_api_gateway_domain_name.d'), origin_id: 'domain', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
          { domain_name: tf.ref('aws_lb.alb'), origin_id: 'alb', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
        ),
      }),
    ],
    edges: [
      { from: 'terraform:aws_wafv2_web_acl.edge', rel: 'waf-protects', to: 'terraform:aws_cloudfront_distribution.cdn' },
      { from: 'terraform:aws_cloudfront_distribution.cdn', rel: 'cdn-fronts', to: 'terraform:aws_api_gateway_stage.prod' },
      { from: 'terraform:aws_cloudfront_distribution.cdn', rel: 'cdn-fronts', to: 'terraform:aws_apigatewayv2_api.http' },
      { from: 'terraform:aws_cloudfront_distribution.cdn', rel: 'cdn-fronts', to: 'terraform:aws_api_gateway_domain_name.d' },
    ],
  },
  {
    name: 'fronting a deployment: its inline stage, or its API',
    resources: () => [
      tf.resource('aws_api_gateway_deployment', 'inline', { rest_api_id: tf.ref('aws_api_gateway_rest_api.a'), stage_name: 'v1' }),
      tf.resource('aws_api_gateway_deployment', 'plain', { rest_api_id: tf.ref('aws_api_gateway_rest_api.b') }),
      distribution('cdn', {
        origin: tf.blocks(
          { domain_name: tf.ref('aws_api_gateway_deployment.inline'), origin_id: 'a', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
          { domain_name: tf.ref('aws_api_gateway_deployment.plain'), origin_id: 'b', custom_origin_config: tf.block({ origin_protocol_policy: 'https-only' }) },
        ),
      }),
    ],
    edges: [
      { from: 'terraform:aws_cloudfront_distribution.cdn', rel: 'cdn-fronts', to: 'terraform:aws_api_gateway_deployment.inline#stage' },
      { from: 'terraform:aws_cloudfront_distribution.cdn', rel: 'cdn-fronts', to: 'terraform:aws_api_gateway_rest_api.b' },
    ],
  },
  {
    name: 'a web ACL not declared in the scan (a data source) stands in front with rules not known',
    resources: () => [distribution('cdn', { web_acl_id: tf.ref('data.aws_wafv2_web_acl.shared') })],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn#web-acl': {
        kind: 'edge.waf', name: 'data.aws_wafv2_web_acl.shared',
        attrs: { defaultAction: { state: 'unknown', expr: 'web ACL data.aws_wafv2_web_acl.shared is not declared in the scanned code, so its rules are not known' } },
      },
    },
    edges: [{ from: 'terraform:aws_cloudfront_distribution.cdn#web-acl', rel: 'waf-protects', to: 'terraform:aws_cloudfront_distribution.cdn' }],
  },
  {
    name: 'a web_acl_id chosen by a condition not known statically: whether the declared ACL stands in front is not known',
    resources: () => [
      tf.resource('aws_wafv2_web_acl', 'edge', { scope: 'CLOUDFRONT', default_action: tf.block({ block: tf.block() }) }),
      distribution('cdn', { web_acl_id: tf.ref('aws_wafv2_web_acl.edge', tf.unknown('var.waf_enabled ? aws_wafv2_web_acl.edge.arn : null')) }),
    ],
    nodes: {
      'terraform:aws_cloudfront_distribution.cdn#web-acl': {
        kind: 'edge.waf', attrs: { defaultAction: { state: 'unknown', expr: 'web_acl_id may not name aws_wafv2_web_acl.edge: it is var.waf_enabled ? aws_wafv2_web_acl.edge.arn : null, not known statically' } },
      },
    },
    edges: [{ from: 'terraform:aws_cloudfront_distribution.cdn#web-acl', rel: 'waf-protects', to: 'terraform:aws_cloudfront_distribution.cdn' }],
  },
  {
    name: 'a known ARN (a plan) of a declared web ACL is that ACL, even without a reference',
    resources: () => [
      tf.resource('aws_wafv2_web_acl', 'edge', { scope: 'CLOUDFRONT', arn: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1', default_action: tf.block({ block: tf.block() }) }),
      distribution('cdn', { web_acl_id: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1' }),
    ],
    edges: [{ from: 'terraform:aws_wafv2_web_acl.edge', rel: 'waf-protects', to: 'terraform:aws_cloudfront_distribution.cdn' }],
  },
];

describe('Terraform adapter: CloudFront', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectAdapted(c);
  });

  it.each([null, ''])('takes web_acl_id %j for no web ACL', (value) => {
    const { nodes, edges } = expectAdapted({ name: 'no ACL', resources: () => [distribution('cdn', { web_acl_id: value })] });
    expect(nodes.filter((n) => n.kind === 'edge.waf')).toEqual([]);
    expect(edges.filter((e) => e.rel === 'waf-protects')).toEqual([]);
  });

  it.each([
    ['a declared WAF Classic ACL', [tf.resource('aws_waf_web_acl', 'classic', { name: 'c' })], tf.ref('aws_waf_web_acl.classic')],
    ['a WAF Classic data source', [], tf.ref('data.aws_waf_web_acl.classic')],
    ['a WAF Classic id written out', [], 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
  ])('web_acl_id naming %s: a WAF whose rules are not judged, not "no WAF"', (_name, others, webAcl) => {
    const { nodes } = expectAdapted({ name: 'classic', resources: () => [...others, distribution('cdn', { web_acl_id: webAcl })] });
    expect(nodes.flatMap((n) => (n.kind === 'edge.waf' ? [n.attrs.defaultAction] : []))).toEqual([
      expect.objectContaining({ state: 'unknown', expr: 'web_acl_id names a WAF Classic web ACL, which is not modelled: its rules are not judged' }),
    ]);
  });

  it('keeps origins outside API Gateway out of cdn-fronts', () => {
    const { edges } = expectAdapted(cases[5] as AdapterCase);
    expect(edges.filter((e) => e.rel === 'cdn-fronts').map((e) => e.to)).not.toContain('terraform:aws_lb.alb');
  });
});

describe('Terraform adapter: a distribution that may not exist', () => {
  /** An HTTP API fronted by a distribution with a blocking web ACL, with the `count` lines given (empty: none). */
  const config = (apiCount: string, distributionCount: string, apiRef: string): string => [
    'variable "enabled" { type = bool }',
    'variable "cdn_enabled" { type = bool }',
    'resource "aws_apigatewayv2_api" "http" {',
    apiCount,
    '  name          = "orders"',
    '  protocol_type = "HTTP"',
    '}',
    'resource "aws_apigatewayv2_stage" "default" {',
    apiCount,
    `  api_id      = ${apiRef}.id`,
    '  name        = "$default"',
    '  auto_deploy = true',
    '}',
    'resource "aws_wafv2_web_acl" "edge" {',
    '  name  = "edge"',
    '  scope = "CLOUDFRONT"',
    '  default_action {',
    '    block {}',
    '  }',
    '}',
    'resource "aws_cloudfront_distribution" "cdn" {',
    distributionCount,
    '  enabled    = true',
    '  web_acl_id = aws_wafv2_web_acl.edge.arn',
    '  origin {',
    '    origin_id   = "api"',
    `    domain_name = replace(${apiRef}.api_endpoint, "https://", "")`,
    '    custom_origin_config {',
    '      http_port              = 80',
    '      https_port             = 443',
    '      origin_protocol_policy = "https-only"',
    '      origin_ssl_protocols   = ["TLSv1.2"]',
    '    }',
    '  }',
    '}',
  ].join('\n');

  /** GW-MGMT-002's results on the configuration, as `status: message`. */
  const wafVerdicts = (source: string): Promise<string[]> => scanVerdicts(source, ['GW-MGMT-002'], (r) => `${r.status}: ${r.message}`);

  test('a distribution whose count is not known stands in front with nothing known, whatever its ACL blocks', async () => {
    expect(await wafVerdicts(config('', '  count = var.cdn_enabled ? 1 : 0', 'aws_apigatewayv2_api.http'))).toEqual([
      expect.stringMatching(/^unknown: .*aws_cloudfront_distribution\.cdn may not exist: its count or for_each/),
    ]);
  });

  test('the same distribution always there protects the stage', async () => {
    expect(await wafVerdicts(config('', '', 'aws_apigatewayv2_api.http'))).toEqual(['pass: ']);
  });

  test('a distribution switched on and off with the API it fronts (the same count) protects it whenever it exists', async () => {
    const sameCount = '  count = var.enabled ? 1 : 0';
    expect(await wafVerdicts(config(sameCount, sameCount, 'aws_apigatewayv2_api.http[0]'))).toEqual(['pass: ']);
  });
});
