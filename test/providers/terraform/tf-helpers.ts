import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { TerraformReadResult } from '../../../providers/terraform/load';
import { readTerraform } from '../../../providers/terraform/load';
import terraform from '../../../providers/terraform';
import type { TfResource, TfValue } from '../../../providers/terraform/model';
import type { ProviderOptions } from '../../../src/graph/adapter';
import type { PolicyResult } from '../../../src/engine/run';
import { scan } from '../../../src/scan/scan';

/** A temporary directory of real files, removed by `cleanup()`. */
export interface TempTree {
  readonly root: string;
  path(relativePath: string): string;
  write(relativePath: string, content: string | Buffer): string;
  cleanup(): void;
}

export function tempTree(files: Readonly<Record<string, string | Buffer>> = {}): TempTree {
  const root = mkdtempSync(join(tmpdir(), 'gatewarden-tf-'));
  const tree: TempTree = {
    root,
    path: (relativePath) => join(root, relativePath),
    write(relativePath, content) {
      const target = join(root, relativePath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    cleanup: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [name, content] of Object.entries(files)) tree.write(name, content);
  return tree;
}

/** Writes the files, reads every .tf among them with the real reader, and cleans up. */
export async function readTree(files: Readonly<Record<string, string | Buffer>>, options: ProviderOptions = {}, only?: readonly string[]): Promise<TerraformReadResult & { root: string }> {
  const tree = tempTree(files);
  try {
    const paths = (only ?? Object.keys(files)).filter((name) => name.endsWith('.tf') || name.endsWith('.tfvars')).map((name) => tree.path(name)).sort();
    const resolvedOptions = { ...options, ...(options.varFiles && { varFiles: options.varFiles.map((file) => tree.path(file)) }) };
    return { ...(await readTerraform(paths, resolvedOptions)), root: tree.root };
  } finally {
    tree.cleanup();
  }
}

/**
 * Adapts `main.tf` (with `text`) and any other files through the real Terraform provider, and cleans up. Node and edge
 * ids come without their root label (`terraform:aws_x.y`); `path` is where `main.tf` was.
 */
export async function adaptTree(text: string, files: Readonly<Record<string, string>> = {}) {
  const tree = tempTree({ 'main.tf': text, ...files });
  try {
    const path = tree.path('main.tf');
    const loaded = await terraform.load({ files: [path], options: {} });
    const unscope = (id: string) => id.replace(/^terraform:[^:]*:/, 'terraform:');
    const nodes = loaded.nodes.map((n) => ({ ...n, id: unscope(n.id) }));
    const edges = loaded.edges.map((e) => ({ ...e, from: unscope(e.from), to: unscope(e.to) }));
    return { nodes, edges, diagnostics: loaded.diagnostics, path, node: (id: string) => nodes.find((n) => n.id === id) };
  } finally {
    tree.cleanup();
  }
}

/** The value of `attr` on the resource with this address. */
export function valueOf(result: { resources: readonly TfResource[] }, address: string, attr: string): TfValue | undefined {
  return find(result, address).body.attributes[attr]?.value;
}

export function find(result: { resources: readonly TfResource[] }, address: string): TfResource {
  const resource = result.resources.find((candidate) => candidate.address === address);
  if (!resource) throw new Error(`no resource ${address}; have ${result.resources.map((r) => r.address).join(', ')}`);
  return resource;
}

/** Evaluates `expr` as a local in a one-file configuration and returns the value of `aws_test.t.value`. */
export async function evaluateExpression(expr: string, prelude = ''): Promise<TfValue | undefined> {
  const result = await readTree({ 'main.tf': `${prelude}\nresource "aws_test" "t" {\n  value = ${expr}\n}\n` });
  return valueOf(result, 'aws_test.t', 'value');
}

/** The results of the policies `only` on a tree of files (a configuration, its .tfvars, plans). */
export async function scanResults(files: Readonly<Record<string, string>>, only: readonly string[]): Promise<readonly PolicyResult[]> {
  const tree = tempTree(files);
  try {
    return (await scan({ paths: [tree.root], cwd: tree.root, only })).results;
  } finally {
    tree.cleanup();
  }
}

/** The results of the policies `only` on a configuration written as one main.tf, each as `format` writes it. */
export async function scanVerdicts(source: string, only: readonly string[], format: (result: PolicyResult) => string): Promise<string[]> {
  return (await scanResults({ 'main.tf': source }, only)).map(format);
}

/** `file:line` (the file's base name) of where a result points. */
export function placeOf(result: PolicyResult): string {
  return result.location.kind === 'file' ? `${basename(result.location.file)}:${result.location.line ?? ''}` : result.location.kind;
}
