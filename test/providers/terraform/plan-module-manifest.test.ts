import { readTerraform } from '../../../providers/terraform/load';
import { tempTree } from './tf-helpers';

const root = {
  'main.tf': [
    'module "api" {',
    '  source  = "acme/api/aws"',
    '  version = "~> 1.2"',
    '  name    = "payments"',
    '}',
    '',
    'module "waf" {',
    '  source = "git::https://example.com/waf.git//modules/acl?ref=v2"',
    '}',
  ].join('\n'),
};

const downloaded = {
  '.terraform/modules/modules.json': JSON.stringify({
    Modules: [
      { Key: '', Source: '', Dir: '.' },
      { Key: 'api', Source: 'registry.terraform.io/acme/api/aws', Version: '1.2.3', Dir: '.terraform/modules/api' },
      { Key: 'api.stage', Source: './modules/stage', Dir: '.terraform/modules/api/modules/stage' },
      { Key: 'api.logs', Source: 'registry.terraform.io/acme/logs/aws', Version: '0.4.0', Dir: '.terraform/modules/api.logs' },
    ],
  }),
  '.terraform/modules/api/main.tf': [
    'variable "name" {}',
    'resource "aws_api_gateway_rest_api" "this" {',
    '  name = var.name',
    '}',
    'module "stage" {',
    '  source      = "./modules/stage"',
    '  rest_api_id = aws_api_gateway_rest_api.this.id',
    '}',
    'module "logs" {',
    '  source  = "acme/logs/aws"',
    '  version = "0.4.0"',
    '}',
  ].join('\n'),
  '.terraform/modules/api/modules/stage/main.tf': [
    'variable "rest_api_id" {}',
    'resource "aws_api_gateway_stage" "this" {',
    '  rest_api_id = var.rest_api_id',
    '  stage_name  = "prod"',
    '}',
  ].join('\n'),
  '.terraform/modules/api.logs/main.tf': 'resource "aws_cloudwatch_log_group" "this" {\n  name = "api"\n}\n',
};

describe('registry and git modules downloaded by terraform init (.terraform/modules/modules.json)', () => {
  test('a module call is read from the directory the manifest gives for its key, nested keys too', async () => {
    const tree = tempTree({ ...root, ...downloaded });
    try {
      const result = await readTerraform([tree.path('main.tf')], {});
      expect(result.resources.map((r) => r.address)).toEqual([
        'module.api.aws_api_gateway_rest_api.this',
        'module.api.module.stage.aws_api_gateway_stage.this',
        'module.api.module.logs.aws_cloudwatch_log_group.this',
      ]);
      const api = result.resources[0];
      expect(api?.body.attributes.name?.value).toBe('payments');
      expect(api?.source).toMatchObject({ file: tree.path('.terraform/modules/api/main.tf'), line: 2 });
      expect(result.resources[1]?.body.attributes.rest_api_id?.refs).toEqual(['module.api.aws_api_gateway_rest_api.this']);
      // The git module is not in the manifest (not downloaded): its resources are not checked, and a notice says so.
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ severity: 'notice', file: tree.path('main.tf'), line: 7, message: expect.stringContaining('module.waf: module waf from "git::https://example.com/waf.git//modules/acl?ref=v2" is not downloaded') }),
      ]);
    } finally {
      tree.cleanup();
    }
  });

  test('without the manifest, registry modules are not checked and the notice says how to fix it', async () => {
    const tree = tempTree(root);
    try {
      const result = await readTerraform([tree.path('main.tf')], {});
      expect(result.resources).toEqual([]);
      expect(result.diagnostics.map((d) => d.message)).toEqual([
        'module.api: module api from "acme/api/aws" is not downloaded; its resources are not checked; run terraform init or scan a plan',
        expect.stringContaining('module.waf: module waf from'),
      ]);
    } finally {
      tree.cleanup();
    }
  });

  test('a manifest that is not JSON is a warning, and the scan goes on', async () => {
    const tree = tempTree({ ...root, '.terraform/modules/modules.json': '{"Modules": [' });
    try {
      const result = await readTerraform([tree.path('main.tf')], {});
      expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', file: tree.path('.terraform/modules/modules.json'), message: expect.stringContaining('module manifest') });
    } finally {
      tree.cleanup();
    }
  });
});
