import { join } from 'node:path';
import terraform from '../../../providers/terraform';
import { buildGraph } from '../../../src/graph/build';
import { discover } from '../../../src/scan/discover';
import { tempTree, type TempTree } from './tf-helpers';

// Windows PowerShell 5.1 writes `terraform show -json plan > plan.json` as UTF-16LE with a byte-order mark.
const plan = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: {
    root_module: {
      resources: [{
        address: 'aws_api_gateway_stage.prod', mode: 'managed', type: 'aws_api_gateway_stage', name: 'prod',
        values: { stage_name: 'prod', rest_api_id: 'a1b2c3', deployment_id: 'd1', xray_tracing_enabled: true },
      }],
    },
  },
}, null, 2);

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
}

describe('a plan saved as UTF-16 with a byte-order mark', () => {
  let tree: TempTree;
  afterEach(() => {
    tree.cleanup();
  });

  it.each([['LE', utf16le], ['BE', utf16be]])('is found and read (UTF-16%s)', async (_, encode) => {
    tree = tempTree({ 'plan.json': encode(plan) });
    const found = await discover({ paths: ['.'], cwd: tree.root, adapters: [terraform] });
    expect(found.matched.find((a) => a.adapter.id === 'terraform')?.files).toEqual([join(tree.root, 'plan.json')]);

    const { graph, diagnostics } = buildGraph([await terraform.load({ files: [join(tree.root, 'plan.json')], options: { cwd: tree.root } })]);
    expect(diagnostics).toEqual([]);
    const stage = graph.nodes().find((n) => n.kind === 'api.stage');
    expect(stage?.attrs).toMatchObject({ tracing: { state: 'set', value: true } });
    // The line of its "address" in the decoded text.
    expect(stage?.source).toMatchObject({ line: 8 });
  });

  it('is an error, not a silent skip, when the bytes after the mark are not UTF-16', async () => {
    tree = tempTree({ 'plan.json': Buffer.concat([utf16le('{"format_version":"1.2","terraform_version":"1.9.0"}'), Buffer.from([0x00])]) });
    const { diagnostics } = await terraform.load({ files: [join(tree.root, 'plan.json')], options: { cwd: tree.root } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('not valid UTF-16LE') as unknown })]);
  });
});
