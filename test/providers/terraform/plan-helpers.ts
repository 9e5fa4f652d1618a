import { join } from 'node:path';
import terraform from '../../../providers/terraform';
import { buildGraph } from '../../../src/graph/build';
import type { ResourceGraph } from '../../../src/graph/graph';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { ProviderOptions } from '../../../src/graph/adapter';

export const PLAN_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'terraform-plan');

export function fixture(...parts: string[]): string {
  return join(PLAN_FIXTURES, ...parts);
}

/** Loads files through the real terraform provider, as a scan does, with node ids relative to the fixtures. */
export async function loadTerraform(files: readonly string[], options: ProviderOptions = {}): Promise<{ graph: ResourceGraph; diagnostics: Diagnostic[] }> {
  const result = await terraform.load({ files, options: { cwd: PLAN_FIXTURES, ...options } });
  return buildGraph([result]);
}
