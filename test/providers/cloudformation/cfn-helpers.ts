import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloudformation from '../../../providers/cloudformation';
import type { ProviderOptions } from '../../../src/graph/adapter';
import { buildGraph } from '../../../src/graph/build';
import type { AnyNode } from '../../../src/graph/kinds';

/** Writes template text to a fresh directory and loads it through the real provider, as a scan would. */
export async function loadTemplateText(text: string, name = 'template.yaml', options: ProviderOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cfn-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  const result = await cloudformation.load({ files: [file], options: { cwd: dir, ...options } });
  const { graph } = buildGraph([result]);
  return { dir, file, result, graph, node: (id: string): AnyNode => {
    const found = graph.get(`cloudformation:${name}:${id}`);
    if (!found) throw new Error(`no node ${id}; have ${graph.nodes().map((n) => n.id).join(', ')}`);
    return found;
  } };
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Each operation's authorization by `METHOD path`. */
export function authorizationOf(operations: readonly AnyNode[]): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const op of operations) {
    const attrs = op.attrs as { method?: { value?: unknown }; path?: { value?: unknown }; authorization?: { value?: unknown } };
    found[`${String(attrs.method?.value)} ${String(attrs.path?.value)}`] = attrs.authorization?.value;
  }
  return found;
}
