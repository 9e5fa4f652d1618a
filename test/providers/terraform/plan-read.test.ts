import { readFileSync } from 'node:fs';
import terraform from '../../../providers/terraform';
import { looksLikePlanJson } from '../../../providers/terraform/plan/detect-plan';
import { scan } from '../../../src/scan/scan';
import { fixture, loadTerraform } from './plan-helpers';
import { tempTree } from './tf-helpers';

const head = (fileOrText: string): string => (fileOrText.startsWith('{') ? fileOrText : readFileSync(fileOrText, 'utf8')).slice(0, 1024);

/** The JSON with every object's keys in sorted order, as `jq -S` writes it. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

describe('plan and state JSON: detection', () => {
  test.each([
    ['plan', fixture('plan-only', 'plan.json')],
    ['plan made from .tf files', fixture('with-sources', 'plan.json')],
    ['pretty-printed state', fixture('state', 'state.json')],
  ])('claims terraform show -json output: %s', (_name, file) => {
    expect(terraform.matches?.({ path: file, head: head(file) })).toBe(true);
  });

  test.each([
    ['pretty-printed', 2],
    ['on one line', undefined],
  ])('claims a plan whose keys were sorted (jq -S, Go and Python tools), %s: format_version lies past the head', (_name, indent) => {
    const text = JSON.stringify(sortedKeys(JSON.parse(readFileSync(fixture('plan-only', 'plan.json'), 'utf8'))), null, indent);
    expect(head(text).indexOf('"format_version"')).toBe(-1);
    expect(looksLikePlanJson('sorted.json', head(text))).toBe(true);
    expect(looksLikePlanJson('sorted.json', `\uFEFF${head(text)}`)).toBe(true);
  });

  test.each([
    ['a CloudFormation template', 'template.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}'],
    ['JSON starting with a "configuration" of something else', 'settings.json', '{"configuration": {"name": "x", "root_module": 1}}'],
    ['JSON starting with a "complete" that is not a boolean', 'status.json', '{"complete": "yes", "checks": []}'],
    ['JSON starting with a boolean "complete" (a sorted plan starts with "applyable" before it)', 'progress.json', '{"complete": false, "steps": 3}'],
    ['JSON starting with a boolean "errored"', 'job.json', '{"errored": true, "message": "x"}'],
    ['JSON starting with a boolean "applyable" and something else', 'rules.json', '{"applyable": true, "rules": []}'],
    ['a raw terraform.tfstate (not the documented interchange format)', 'terraform.tfstate.json', '{"version":4,"terraform_version":"1.6.6","serial":3,"lineage":"x","resources":[]}'],
    ['a package.json', 'package.json', '{"name":"x","version":"1.0.0"}'],
    ['a plan-like head in a non-JSON file', 'plan.txt', '{"format_version":"1.2","terraform_version":"1.6.6"}'],
  ])('leaves alone %s', (_name, path, text) => {
    expect(looksLikePlanJson(path, text)).toBe(false);
  });

  test('a plan with sorted keys in a directory is found and read as the plan it is, each resource at its planned values', async () => {
    const original = readFileSync(fixture('plan-only', 'plan.json'), 'utf8');
    const sorted = JSON.stringify(sortedKeys(JSON.parse(original)), null, 2);
    const tree = tempTree({ 'plan-only/plan.json': original, 'sorted/plan.json': sorted });
    try {
      const verdicts = async (dir: string): Promise<string[]> => {
        const result = await scan({ paths: [tree.path(dir)], cwd: tree.root });
        expect(result.filesScanned).toBe(1);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        return result.results.map((r) => `${r.policy.id} ${r.node.id.replace(dir, '')} ${r.status} ${r.message}`).sort();
      };
      expect(await verdicts('sorted')).toEqual(await verdicts('plan-only'));
      const result = await scan({ paths: [tree.path('sorted')], cwd: tree.root });
      const lines = sorted.split('\n');
      const plannedValues = lines.findIndex((line) => line.startsWith('  "planned_values"'));
      for (const node of result.graph.nodes()) {
        const { line, address } = node.source as { line: number; address: string };
        expect({ address, written: lines[line - 1]?.trim() }).toEqual({ address, written: `"address": ${JSON.stringify(address)},` });
        expect(line).toBeGreaterThan(plannedValues + 1);
      }
    } finally {
      tree.cleanup();
    }
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

  test('invalid plan files say what most often makes them so: wrapper output, a file cut short', async () => {
    const plan = readFileSync(fixture('plan-only', 'plan.json'), 'utf8');
    const tree = tempTree({
      'wrapped.json': `[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n${plan}\n::debug::Terraform exited with code 0.\n`,
      'cut.json': plan.slice(0, 5000),
      'cut-pretty.json': JSON.stringify(JSON.parse(plan), null, 2).slice(0, 5000),
    });
    try {
      const { diagnostics } = await loadTerraform([tree.path('wrapped.json'), tree.path('cut.json'), tree.path('cut-pretty.json')]);
      expect(diagnostics).toEqual([
        expect.objectContaining({ severity: 'error', file: tree.path('wrapped.json'), message: expect.stringContaining('the output of the setup-terraform wrapper') }),
        expect.objectContaining({ severity: 'error', file: tree.path('cut.json'), line: 1, message: expect.stringContaining('the file ends inside the JSON') }),
        expect.objectContaining({ severity: 'error', file: tree.path('cut-pretty.json'), line: expect.any(Number) as number }),
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

describe('plan JSON written by other tools', () => {
  test('a resource entry with only its address, type and values is read, its name and mode taken from the address; one without an address is reported', async () => {
    const plan = {
      format_version: '1.2', terraform_version: '1.9.0',
      planned_values: { root_module: { resources: [
        { address: 'aws_api_gateway_stage.prod', type: 'aws_api_gateway_stage', values: { stage_name: 'prod', rest_api_id: 'a1b2c3' } },
        { address: 'module.api.aws_api_gateway_stage.test[0]', values: { stage_name: 'test', rest_api_id: 'a1b2c3' } },
        { type: 'aws_api_gateway_stage', name: 'nameless', values: { stage_name: 'dev' } },
      ] } },
    };
    const tree = tempTree({ 'plan.json': JSON.stringify(plan) });
    try {
      const result = await scan({ paths: [tree.path('plan.json')], cwd: tree.root });
      expect(result.graph.nodesOf('api.stage').map((n) => `${n.id} ${n.name}`).sort()).toEqual([
        'terraform:.:aws_api_gateway_stage.prod prod',
        'terraform:.:module.api.aws_api_gateway_stage.test[0] test[0]',
      ]);
      expect(result.diagnostics).toContainEqual(expect.objectContaining({
        severity: 'warning', file: tree.path('plan.json'), message: 'resource entry has no address, or no type and name its address says; not checked',
      }));
    } finally {
      tree.cleanup();
    }
  });
});
