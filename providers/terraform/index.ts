import type { LoadRequest, LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import { adaptTerraform } from './adapt';
import { readTerraform } from './load';

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
    const adapted = adaptTerraform(read.resources);
    return { nodes: adapted.nodes, edges: adapted.edges, diagnostics: [...read.diagnostics, ...adapted.diagnostics] };
  },
};

export default terraform;
