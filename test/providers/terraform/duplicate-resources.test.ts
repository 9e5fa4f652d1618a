import { join } from 'node:path';
import { tempTree, type TempTree } from './tf-helpers';
import { loadTerraform } from './plan-helpers';

describe('a resource declared twice in one module', () => {
  let tree: TempTree;
  afterEach(() => {
    tree.cleanup();
  });

  it('is an error at the second declaration, and the first is checked', async () => {
    tree = tempTree({
      'a.tf': 'resource "aws_api_gateway_rest_api" "api" {\n  name = "first"\n}\n',
      'b.tf': '\nresource "aws_api_gateway_rest_api" "api" {\n  name = "second"\n}\n',
    });
    const { graph, diagnostics } = await loadTerraform([join(tree.root, 'a.tf'), join(tree.root, 'b.tf')], { cwd: tree.root });
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: 'error',
      file: join(tree.root, 'b.tf'),
      line: 2,
      message: 'aws_api_gateway_rest_api.api is declared twice (first at a.tf:1); Terraform rejects this, and only the first declaration is checked',
    })]);
    const apis = graph.nodes().filter((node) => node.kind === 'api');
    expect(apis.map((node) => node.source)).toEqual([expect.objectContaining({ file: join(tree.root, 'a.tf'), line: 1 })]);
  });
});
