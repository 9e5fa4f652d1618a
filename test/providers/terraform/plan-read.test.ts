import { readFileSync } from 'node:fs';
import terraform from '../../../providers/terraform';
import { looksLikePlanJson } from '../../../providers/terraform/plan/detect-plan';
import { scan } from '../../../src/scan/scan';
import { fixture, loadTerraform } from './plan-helpers';
import { tempTree } from './tf-helpers';

const head = (file: string): string => readFileSync(file, 'utf8').slice(0, 1024);

describe('plan and state JSON: detection', () => {
  test.each([
    ['plan', fixture('plan-only', 'plan.json')],
    ['plan made from .tf files', fixture('with-sources', 'plan.json')],
    ['pretty-printed state', fixture('state', 'state.json')],
  ])('claims terraform show -json output: %s', (_name, file) => {
    expect(terraform.matches?.({ path: file, head: head(file) })).toBe(true);
  });

  test.each([
    ['a CloudFormation template', 'template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}'],
    ['a raw terraform.tfstate (not the documented interchange format)', 'terraform.tfstate.json', '{"version":4,"terraform_version":"1.6.6","serial":3,"lineage":"x","resources":[]}'],
    ['a package.json', 'package.json', '{"name":"x","version":"1.0.0"}'],
    ['a plan-like head in a non-JSON file', 'plan.txt', '{"format_version":"1.2","terraform_version":"1.6.6"}'],
  ])('leaves alone %s', (_name, path, text) => {
    expect(looksLikePlanJson(path, text)).toBe(false);
  });

  test('a scan of a directory finds plans and states wherever they are, and reads them with the terraform provider', async () => {
    const result = await scan({ paths: [fixture('plan-only'), fixture('state')], cwd: fixture() });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.filesScanned).toBe(2);
    expect(result.graph.nodesOf('api.domain').map((n) => n.id).sort()).toEqual([
      'terraform:plan-only:aws_api_gateway_domain_name.computed_policy',
      'terraform:plan-only:aws_api_gateway_domain_name.replaced',
      'terraform:plan-only:module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]',
      'terraform:plan-only:module.edge.aws_api_gateway_domain_name.this["orders.example.com"]',
      'terraform:state:aws_api_gateway_domain_name.legacy',
    ]);
  });
});

describe('plan and state JSON: bad input', () => {
  test('invalid JSON is an error with the file and the line of the syntax error', async () => {
    const { diagnostics } = await loadTerraform([fixture('bad', 'truncated.json')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: fixture('bad', 'truncated.json'), line: 2, message: expect.stringMatching(/^invalid JSON in Terraform plan\/state: .*position 158/) }),
    ]);
  });

  test('an unsupported format_version is an error naming the version', async () => {
    const { diagnostics, graph } = await loadTerraform([fixture('bad', 'future-format.json')]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: fixture('bad', 'future-format.json'), message: expect.stringContaining('format_version "2.0"') })]);
    expect(graph.nodes()).toEqual([]);
  });

  test('one bad plan does not stop the others', async () => {
    const { diagnostics, graph } = await loadTerraform([fixture('bad', 'truncated.json'), fixture('state', 'state.json')]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(graph.nodesOf('api').map((n) => n.name)).toEqual(['api']);
  });

  test('JSON that is not an object, or has no values at all', async () => {
    const tree = tempTree({
      'list.json': '[{"format_version":"1.2","terraform_version":"1.6.6"}]',
      'empty-state.json': '{"format_version":"1.0","terraform_version":"1.6.6"}',
    });
    try {
      const { diagnostics } = await loadTerraform([tree.path('list.json'), tree.path('empty-state.json')]);
      expect(diagnostics).toEqual([
        expect.objectContaining({ severity: 'error', file: tree.path('list.json'), message: expect.stringContaining('not an object') }),
        expect.objectContaining({ severity: 'warning', file: tree.path('empty-state.json'), message: expect.stringContaining('nothing to check') }),
      ]);
    } finally {
      tree.cleanup();
    }
  });

  test('plans are read beyond the size limit of source files (plans are legitimately big)', async () => {
    const plan = fixture('plan-only', 'plan.json');
    const { diagnostics, graph } = await loadTerraform([plan], { maxFileBytes: 1024 });
    expect(readFileSync(plan).length).toBeGreaterThan(1024);
    expect(diagnostics).toEqual([]);
    expect(graph.nodesOf('api.stage')).toHaveLength(2);
  });
});
