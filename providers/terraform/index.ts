import type { LoadRequest, LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import { adaptTerraform } from './adapt';
import { readTerraform } from './load';
import { rootLabel, scopeToRoot } from './root-scope';

/** Terraform configurations (HCL): `.tf` files, with `.tfvars` / `.tfvars.json` for variable values. */
const terraform: ProviderAdapter = {
  id: 'terraform',
  description: 'Terraform HCL configurations (*.tf, *.tfvars, *.tfvars.json)',
  kind: 'file',
  matches({ path }) {
    return /\.(tf|tfvars|tfvars\.json)$/i.test(path);
  },
  async load({ files, options }: LoadRequest): Promise<LoadResult> {
    const read = await readTerraform(files, options);
    const nodes = [];
    const edges = [];
    const diagnostics = [...read.diagnostics];
    for (const root of read.roots) {
      // Each root module is adapted on its own: references never cross roots.
      const adapted = adaptTerraform(root.resources);
      const scoped = scopeToRoot(adapted, rootLabel(root.rootDir, options.cwd ?? process.cwd()));
      nodes.push(...scoped.nodes);
      edges.push(...scoped.edges);
      diagnostics.push(...adapted.diagnostics);
    }
    return { nodes, edges, diagnostics };
  },
};

export default terraform;
