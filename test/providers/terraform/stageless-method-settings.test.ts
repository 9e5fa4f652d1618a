import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import terraform from '../../../providers/terraform';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gw-stageless-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('method settings whose stage is not in the scan', () => {
  it('are reported as a notice naming the stage, not dropped silently', async () => {
    const file = join(dir, 'main.tf');
    writeFileSync(file, [
      'variable "api_id" {}',
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = var.api_id',
      '  stage_name  = "prod"',
      '  method_path = "*/*"',
      '  settings {',
      '    data_trace_enabled = true',
      '  }',
      '}',
      '',
    ].join('\n'));
    const { diagnostics } = await terraform.load({ files: [file], options: {} });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', file, line: 2, message: expect.stringMatching(/aws_api_gateway_method_settings\.all configures stage "prod", which is not in this scan/) as unknown }),
    ]);
  });

  it('say nothing when the stage is scanned', async () => {
    const file = join(dir, 'with-stage', 'main.tf');
    mkdirSync(join(dir, 'with-stage'));
    writeFileSync(file, [
      'resource "aws_api_gateway_rest_api" "api" {',
      '  name = "api"',
      '}',
      'resource "aws_api_gateway_stage" "prod" {',
      '  rest_api_id   = aws_api_gateway_rest_api.api.id',
      '  deployment_id = "d"',
      '  stage_name    = "prod"',
      '}',
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  stage_name  = aws_api_gateway_stage.prod.stage_name',
      '  method_path = "*/*"',
      '  settings {',
      '    logging_level = "ERROR"',
      '  }',
      '}',
      '',
    ].join('\n'));
    const { diagnostics } = await terraform.load({ files: [file], options: {} });
    expect(diagnostics).toEqual([]);
  });
});
