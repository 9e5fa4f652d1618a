import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Generates a tree of API Gateway Terraform files for the benchmark: each file is one small API
 * (REST or HTTP) of 50–200 lines, with a mix of secure and insecure settings, variables and references.
 */
export function generateTerraformTree(root: string, fileCount: number): { files: number; bytes: number } {
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < fileCount; i++) {
    const dir = join(root, `team-${String(Math.floor(i / 50)).padStart(3, '0')}`);
    if (i % 50 === 0) mkdirSync(dir, { recursive: true });
    const text = i % 3 === 2 ? httpApi(i) : restApi(i);
    writeFileSync(join(dir, `api-${i}.tf`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: fileCount, bytes };
}

/** Deterministic pseudo-random choice so runs are comparable. */
function pick<T>(i: number, salt: number, options: readonly T[]): T {
  const n = (i * 2654435761 + salt * 40503) >>> 0;
  return options[n % options.length] as T;
}

function restApi(i: number): string {
  const routes = 1 + (i % 6);
  const parts: string[] = [
    `variable "stage_${i}" {\n  type    = string\n  default = "${pick(i, 1, ['prod', 'staging', 'dev'])}"\n}\n`,
    `locals {\n  api_${i}_name = "svc-${i}-\${var.stage_${i}}"\n}\n`,
    `resource "aws_api_gateway_rest_api" "api_${i}" {\n  name                         = local.api_${i}_name\n  disable_execute_api_endpoint = ${pick(i, 2, ['true', 'false'])}\n\n  endpoint_configuration {\n    types = ["${pick(i, 3, ['REGIONAL', 'EDGE', 'PRIVATE'])}"]\n  }\n}\n`,
  ];
  for (let r = 0; r < routes; r++) {
    const auth = pick(i + r, 4, ['NONE', 'AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM']);
    parts.push(
      `resource "aws_api_gateway_resource" "r${i}_${r}" {\n  rest_api_id = aws_api_gateway_rest_api.api_${i}.id\n  parent_id   = aws_api_gateway_rest_api.api_${i}.root_resource_id\n  path_part   = "items${r}"\n}\n`,
      `resource "aws_api_gateway_method" "m${i}_${r}" {\n  rest_api_id      = aws_api_gateway_rest_api.api_${i}.id\n  resource_id      = aws_api_gateway_resource.r${i}_${r}.id\n  http_method      = "${pick(i + r, 5, ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'])}"\n  authorization    = "${auth}"\n  api_key_required = ${pick(i + r, 6, ['true', 'false'])}\n}\n`,
      `resource "aws_api_gateway_integration" "i${i}_${r}" {\n  rest_api_id             = aws_api_gateway_rest_api.api_${i}.id\n  resource_id             = aws_api_gateway_resource.r${i}_${r}.id\n  http_method             = aws_api_gateway_method.m${i}_${r}.http_method\n  type                    = "HTTP_PROXY"\n  integration_http_method = "ANY"\n  uri                     = "${pick(i + r, 7, ['https', 'http'])}://backend-${i}.internal.example.com/items/${r}"\n}\n`,
    );
  }
  parts.push(
    `resource "aws_api_gateway_deployment" "d${i}" {\n  rest_api_id = aws_api_gateway_rest_api.api_${i}.id\n}\n`,
    `resource "aws_api_gateway_stage" "s${i}" {\n  rest_api_id          = aws_api_gateway_rest_api.api_${i}.id\n  deployment_id        = aws_api_gateway_deployment.d${i}.id\n  stage_name           = var.stage_${i}\n  xray_tracing_enabled = ${pick(i, 8, ['true', 'false'])}\n${i % 2 === 0 ? `\n  access_log_settings {\n    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-${i}"\n    format          = jsonencode({ requestId = "$context.requestId" })\n  }\n` : ''}}\n`,
    `resource "aws_api_gateway_method_settings" "ms${i}" {\n  rest_api_id = aws_api_gateway_rest_api.api_${i}.id\n  stage_name  = aws_api_gateway_stage.s${i}.stage_name\n  method_path = "*/*"\n\n  settings {\n    logging_level          = "${pick(i, 9, ['OFF', 'ERROR', 'INFO'])}"\n    data_trace_enabled     = ${pick(i, 10, ['true', 'false'])}\n    throttling_rate_limit  = ${pick(i, 11, ['100', '-1'])}\n    throttling_burst_limit = 200\n  }\n}\n`,
    `resource "aws_api_gateway_domain_name" "dn${i}" {\n  domain_name              = "api-${i}.example.com"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/${i}"\n  security_policy          = "${pick(i, 12, ['TLS_1_0', 'TLS_1_2'])}"\n\n  endpoint_configuration {\n    types = ["REGIONAL"]\n  }\n}\n`,
    `resource "aws_api_gateway_base_path_mapping" "bpm${i}" {\n  api_id      = aws_api_gateway_rest_api.api_${i}.id\n  stage_name  = aws_api_gateway_stage.s${i}.stage_name\n  domain_name = aws_api_gateway_domain_name.dn${i}.domain_name\n}\n`,
  );
  return parts.join('\n');
}

function httpApi(i: number): string {
  const routes = 2 + (i % 10);
  const parts: string[] = [
    `resource "aws_apigatewayv2_api" "api_${i}" {\n  name          = "http-${i}"\n  protocol_type = "HTTP"\n\n  cors_configuration {\n    allow_origins     = ["${pick(i, 13, ['*', 'https://app.example.com'])}"]\n    allow_credentials = ${pick(i, 14, ['true', 'false'])}\n  }\n}\n`,
    `resource "aws_apigatewayv2_authorizer" "jwt_${i}" {\n  api_id           = aws_apigatewayv2_api.api_${i}.id\n  authorizer_type  = "JWT"\n  name             = "jwt"\n  identity_sources = ["$request.header.Authorization"]\n\n  jwt_configuration {\n    issuer   = "https://issuer-${i}.example.com/"\n${i % 4 === 0 ? '' : `    audience = ["api-${i}"]\n`}  }\n}\n`,
    `resource "aws_apigatewayv2_integration" "int_${i}" {\n  api_id             = aws_apigatewayv2_api.api_${i}.id\n  integration_type   = "HTTP_PROXY"\n  integration_method = "ANY"\n  integration_uri    = "https://backend-${i}.example.com/{proxy}"\n}\n`,
  ];
  for (let r = 0; r < routes; r++) {
    const secured = pick(i + r, 15, [true, true, false]);
    parts.push(
      `resource "aws_apigatewayv2_route" "rt${i}_${r}" {\n  api_id             = aws_apigatewayv2_api.api_${i}.id\n  route_key          = "${pick(i + r, 16, ['GET', 'POST', 'DELETE'])} /v1/res${r}"\n  authorization_type = "${secured ? 'JWT' : 'NONE'}"\n${secured ? `  authorizer_id      = aws_apigatewayv2_authorizer.jwt_${i}.id\n` : ''}  target             = "integrations/\${aws_apigatewayv2_integration.int_${i}.id}"\n}\n`,
    );
  }
  parts.push(
    `resource "aws_apigatewayv2_stage" "st${i}" {\n  api_id      = aws_apigatewayv2_api.api_${i}.id\n  name        = "$default"\n  auto_deploy = true\n\n  default_route_settings {\n    throttling_rate_limit  = 50\n    throttling_burst_limit = 100\n  }\n}\n`,
  );
  return parts.join('\n');
}
