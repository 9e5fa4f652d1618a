import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import terraform from '../../../providers/terraform';
import type { Edge } from '../../../src/graph/kinds';

/** The Terraform provider end to end on real .tf text: HCL reader, evaluation, then the adapters. */

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gatewarden-adapt-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
async function load(files: Readonly<Record<string, string>>) {
  const dir = join(root, `case-${++counter}`);
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
  const loaded = await terraform.load({ files: paths.filter((p) => /\.tf(vars)?$/.test(p)), options: {} });
  // Ids carry the root module directory (see root-scope.ts); the cases below each have one root, named by address alone.
  const unscope = (id: string) => id.replace(/^terraform:[^:]*:/, 'terraform:');
  const result = {
    ...loaded,
    nodes: loaded.nodes.map((n) => ({ ...n, id: unscope(n.id) })),
    edges: loaded.edges.map((e) => ({ ...e, from: unscope(e.from), to: unscope(e.to) })),
  };
  return { ...result, dir, node: (id: string) => result.nodes.find((n) => n.id === id) };
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`${needle} not in text`);
  return index + 1;
}

const hasEdge = (edges: readonly Edge[], from: string, rel: string, to: string) => edges.some((e) => e.from === from && e.rel === rel && e.to === to);

const REST = `
resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{id}"
}

resource "aws_api_gateway_authorizer" "lambda" {
  name           = "token"
  rest_api_id    = aws_api_gateway_rest_api.api.id
  authorizer_uri = var.authorizer_uri
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.lambda.id
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "http://orders.internal.example.com/{id}"
}

resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level      = "ERROR"
    data_trace_enabled = false
  }
}

resource "aws_api_gateway_method_settings" "get_order" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "\${trimprefix(aws_api_gateway_resource.order.path, "/")}/\${aws_api_gateway_method.get_order.http_method}"
  settings {
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.regional.arn
}

resource "aws_wafv2_web_acl" "regional" {
  name  = "regional"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "regional"
    sampled_requests_enabled   = true
  }
}

variable "authorizer_uri" {
  type = string
}
`;

describe('Terraform provider on real .tf files', () => {
  it('builds a REST API with paths, authorizer, integration, stage settings and WAF', async () => {
    const { nodes, edges, diagnostics, node, dir } = await load({ 'main.tf': REST });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = join(dir, 'main.tf');

    expect(node('terraform:aws_api_gateway_rest_api.api')).toMatchObject({
      source: { file, line: lineOf(REST, 'resource "aws_api_gateway_rest_api" "api"') },
      attrs: { endpointType: { state: 'set', value: 'regional', source: { line: lineOf(REST, 'types = ["REGIONAL"]') } } },
    });
    expect(node('terraform:aws_api_gateway_method.get_order')).toMatchObject({
      attrs: {
        path: { state: 'set', value: '/orders/{id}' },
        authorization: { state: 'set', value: 'lambda', source: { line: lineOf(REST, 'authorization = "CUSTOM"') } },
        throttling: { state: 'set', value: { rateLimit: 20, burstLimit: 40 } },
      },
    });
    expect(node('terraform:aws_api_gateway_integration.get_order')).toMatchObject({ attrs: { usesTls: { state: 'set', value: false } } });
    expect(node('terraform:aws_api_gateway_stage.prod')).toMatchObject({
      attrs: {
        executionLogging: { state: 'set', value: 'error', source: { line: lineOf(REST, 'logging_level      = "ERROR"') } },
        dataTrace: { state: 'set', value: false },
        throttling: { state: 'default', value: null },
        accessLogging: { state: 'default', value: false, source: { line: lineOf(REST, 'resource "aws_api_gateway_stage" "prod"') } },
      },
    });
    expect(node('terraform:aws_api_gateway_authorizer.lambda')).toMatchObject({ attrs: { type: { state: 'default', value: 'lambda' } } });
    expect(node('terraform:aws_wafv2_web_acl.regional')).toMatchObject({ attrs: { managedRuleGroups: { value: ['AWS/AWSManagedRulesCommonRuleSet'] }, mode: { value: 'prevention' } } });

    const api = 'terraform:aws_api_gateway_rest_api.api';
    expect(hasEdge(edges, api, 'api-has-operation', 'terraform:aws_api_gateway_method.get_order')).toBe(true);
    expect(hasEdge(edges, api, 'api-has-stage', 'terraform:aws_api_gateway_stage.prod')).toBe(true);
    expect(hasEdge(edges, api, 'api-has-authorizer', 'terraform:aws_api_gateway_authorizer.lambda')).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_api_gateway_method.get_order', 'operation-uses-authorizer', 'terraform:aws_api_gateway_authorizer.lambda')).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_api_gateway_method.get_order', 'operation-calls-backend', 'terraform:aws_api_gateway_integration.get_order')).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_wafv2_web_acl.regional', 'waf-protects', 'terraform:aws_api_gateway_stage.prod')).toBe(true);
    // A deployment without stage_name is no stage.
    expect(nodes.filter((n) => n.kind === 'api.stage').map((n) => n.id)).toEqual(['terraform:aws_api_gateway_stage.prod']);
  });

  it('names for_each instances with their key and links each to its API instance', async () => {
    const text = `
resource "aws_api_gateway_rest_api" "api" {
  for_each = toset(["eu", "us"])
  name     = "api-\${each.key}"
}

resource "aws_api_gateway_stage" "prod" {
  for_each      = toset(["eu", "us"])
  rest_api_id   = aws_api_gateway_rest_api.api[each.key].id
  deployment_id = "d"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "fixed" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.api["eu"].id
  deployment_id = "d"
  stage_name    = "s\${count.index}"
}
`;
    const { nodes, edges } = await load({ 'main.tf': text });
    expect(nodes.filter((n) => n.kind === 'api').map((n) => n.name).sort()).toEqual(['api["eu"]', 'api["us"]']);
    expect(nodes.filter((n) => n.kind === 'api.stage').map((n) => n.name).sort()).toEqual(['fixed[0]', 'fixed[1]', 'prod["eu"]', 'prod["us"]']);
    expect(hasEdge(edges, 'terraform:aws_api_gateway_rest_api.api["eu"]', 'api-has-stage', 'terraform:aws_api_gateway_stage.fixed[1]')).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_api_gateway_rest_api.api["us"]', 'api-has-stage', 'terraform:aws_api_gateway_stage.prod["us"]')).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_api_gateway_rest_api.api["eu"]', 'api-has-stage', 'terraform:aws_api_gateway_stage.prod["us"]')).toBe(false);
    expect(edges.filter((e) => e.rel === 'api-has-stage' && e.to === 'terraform:aws_api_gateway_stage.fixed[0]').map((e) => e.from)).toEqual([
      'terraform:aws_api_gateway_rest_api.api["eu"]',
    ]);
  });

  it('follows a local module: API in the module, custom domain and CloudFront outside', async () => {
    const moduleText = `
variable "name" {
  type = string
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true
}

output "api_id" {
  value = aws_apigatewayv2_api.this.id
}

output "stage_id" {
  value = aws_apigatewayv2_stage.default.id
}

output "endpoint" {
  value = aws_apigatewayv2_api.this.api_endpoint
}
`;
    const rootText = `
module "http" {
  source = "./modules/http"
  name   = "catalog"
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:1:certificate/x"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  api_id      = module.http.api_id
  domain_name = aws_apigatewayv2_domain_name.api.id
  stage       = module.http.stage_id
}

resource "aws_cloudfront_distribution" "edge" {
  enabled = true
  aliases = ["www.example.com"]
  origin {
    domain_name = replace(module.http.endpoint, "https://", "")
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:1:certificate/y"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1_2016"
  }
}
`;
    const { edges, node, diagnostics } = await load({ 'main.tf': rootText, 'modules/http/main.tf': moduleText });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const api = 'terraform:module.http.aws_apigatewayv2_api.this';
    const stage = 'terraform:module.http.aws_apigatewayv2_stage.default';
    expect(node(api)).toMatchObject({ name: 'this', attrs: { flavor: 'http' } });
    expect(hasEdge(edges, api, 'api-has-stage', stage)).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_apigatewayv2_domain_name.api', 'domain-serves', stage)).toBe(true);
    expect(hasEdge(edges, 'terraform:aws_cloudfront_distribution.edge', 'cdn-fronts', api)).toBe(true);
    expect(node('terraform:aws_cloudfront_distribution.edge#viewer')).toMatchObject({
      attrs: { hostname: { value: 'www.example.com' }, minTlsVersion: { value: '1.0' }, allowsPlainHttp: { state: 'set', value: true } },
    });
  });

  it('reads API key values: literal through a variable default, secret store, generated', async () => {
    const secret = 'lit3ralKeyValue0123456789';
    const text = `
variable "partner_key" {
  default = "${secret}"
}

data "aws_secretsmanager_secret_version" "key" {
  secret_id = "partner-key"
}

resource "aws_api_gateway_api_key" "literal" {
  name  = "partner"
  value = var.partner_key
}

resource "aws_api_gateway_api_key" "stored" {
  name  = "stored"
  value = data.aws_secretsmanager_secret_version.key.secret_string
}

resource "aws_api_gateway_api_key" "generated" {
  name = "generated"
}
`;
    const { nodes, node } = await load({ 'main.tf': text });
    expect(node('terraform:aws_api_gateway_api_key.literal')).toMatchObject({ attrs: { valueSource: { value: 'literal' }, valuePreview: { value: expect.stringMatching(/^lit3…sha256:/) } } });
    expect(node('terraform:aws_api_gateway_api_key.stored')).toMatchObject({ attrs: { valueSource: { value: 'secret-store' } } });
    expect(node('terraform:aws_api_gateway_api_key.generated')).toMatchObject({ attrs: { valueSource: { state: 'default', value: 'generated' } } });
    expect(JSON.stringify(nodes)).not.toContain(secret);
  });

  it('matches only Terraform files', () => {
    const matches = (path: string) => terraform.matches?.({ path, head: '' });
    expect([matches('/a/main.tf'), matches('/a/prod.tfvars'), matches('/a/x.tfvars.json'), matches('/a/x.yaml'), matches('/a/x.tf.bak')]).toEqual([true, true, true, false, false]);
  });

  it('keeps resources with the same address in two root modules apart, each linked within its own root', async () => {
    const api = `resource "aws_api_gateway_rest_api" "api" {\n  name = "NAME"\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n`;
    const dir = join(root, `case-${++counter}`);
    const files = ['staging', 'production'].map((env) => {
      const path = join(dir, env, 'main.tf');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, api.replace('NAME', env));
      return path;
    });
    const { nodes, edges } = await terraform.load({ files: files.sort(), options: {} });
    const apis = nodes.filter((n) => n.kind === 'api');
    expect(apis.map((n) => n.id)).toHaveLength(2);
    expect(new Set(apis.map((n) => n.id)).size).toBe(2);
    for (const api of apis) {
      const stages = edges.filter((e) => e.from === api.id && e.rel === 'api-has-stage').map((e) => e.to);
      expect(stages).toHaveLength(1);
      expect(stages[0]?.startsWith(api.id.slice(0, api.id.lastIndexOf(':')))).toBe(true);
      expect(api.id).toMatch(/^terraform:.*(staging|production):aws_api_gateway_rest_api\.api$/);
    }
  });
});
