import { join } from 'node:path';
import { tempTree, type TempTree } from './tf-helpers';
import { loadTerraform } from './plan-helpers';

describe('a top-level block with the wrong number of labels', () => {
  let tree: TempTree;
  afterEach(() => {
    tree.cleanup();
  });

  it('is an error at the block, never silently skipped, and the rest is checked', async () => {
    tree = tempTree({
      'main.tf': [
        'resource "aws_api_gateway_rest_api" {',
        '  name = "one label"',
        '}',
        'module "a" "b" {',
        '  source = "./m"',
        '}',
        'resource "aws_api_gateway_rest_api" "ok" {',
        '  name = "ok"',
        '}',
      ].join('\n'),
    });
    const { graph, diagnostics } = await loadTerraform([join(tree.root, 'main.tf')], { cwd: tree.root });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 1, message: 'a resource block takes 2 labels (type, name), not "aws_api_gateway_rest_api"; Terraform rejects it, and it is not checked' }),
      expect.objectContaining({ severity: 'error', line: 4, message: 'a module block takes 1 label (name), not "a" "b"; Terraform rejects it, and it is not checked' }),
    ]);
    expect(graph.nodes().filter((node) => node.kind === 'api').map((node) => node.name)).toEqual(['ok']);
  });
});
