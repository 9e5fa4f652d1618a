import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Expr, HclBlock, HclBody, LiteralValue } from '../../../providers/terraform/hcl/ast';
import { parseHcl } from '../../../providers/terraform/parse';
import type { Hcl2Json as Json } from '../../helpers/hcl2json';
import { parseWithHcl2Json } from '../../helpers/hcl2json';

/**
 * Differential test: what the tree-sitter reader extracts before evaluation (blocks, attribute names,
 * literal values, expression text) must agree with @cdktf/hcl2json, HashiCorp's own HCL parser
 * compiled to WASM. This file is the only importer of @cdktf/hcl2json.
 */

const repoRoot = join(__dirname, '..', '..', '..');
const searchRoots = ['policies', 'examples', 'test/fixtures/terraform'];

function findTfFiles(dir: string, underFixtures: boolean, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // a search root that does not exist yet
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '.terraform') continue;
      findTfFiles(path, underFixtures || entry.name === '__fixtures__', out);
    } else if (entry.name.endsWith('.tf') && underFixtures) {
      out.push(path);
    }
  }
}

function discover(): string[] {
  const files: string[] = [];
  for (const root of searchRoots) {
    // Under policies/ only __fixtures__ count; examples/ and our own fixtures count entirely.
    findTfFiles(join(repoRoot, root), root !== 'policies', files);
  }
  return files.sort();
}

const files = discover();

describe('tree-sitter reader agrees with hcl2json', () => {
  test('finds .tf files to compare', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((file) => file.includes(join('test', 'fixtures', 'terraform')))).toBe(true);
  });

  test.each(files.map((file) => [relative(repoRoot, file), file]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const theirs = await parseWithHcl2Json(file, text);
    const ours = await parseHcl(text, file);
    expect(ours.diagnostics).toEqual([]);
    const problems: string[] = [];
    compareBody(ours.file.body, theirs, '', problems);
    expect(problems).toEqual([]);
    // The resources, explicitly: same type+name pairs.
    const ourResources = ours.file.body.blocks.filter((b) => b.type === 'resource').map((b) => b.labels.join('.')).sort();
    const theirResources = Object.entries((theirs.resource ?? {}) as Record<string, Record<string, unknown>>).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();
    expect(ourResources).toEqual(theirResources);
  });
});

function compareBody(ours: HclBody, theirs: Json, path: string, problems: string[]): void {
  if (!isRecord(theirs)) {
    problems.push(`${path}: hcl2json has ${JSON.stringify(theirs)} where we have a block body`);
    return;
  }
  const blockTypes = [...new Set(ours.blocks.map((block) => block.type))];
  const ourKeys = [...ours.attributes.map((a) => a.name), ...blockTypes].sort();
  const theirKeys = Object.keys(theirs).sort();
  if (JSON.stringify(ourKeys) !== JSON.stringify(theirKeys)) problems.push(`${path}: keys differ: ours ${ourKeys.join(',')} vs hcl2json ${theirKeys.join(',')}`);
  for (const attribute of ours.attributes) {
    if (attribute.name in theirs) compareExpr(attribute.expr, theirs[attribute.name] ?? null, `${path}${attribute.name}`, problems);
  }
  for (const type of blockTypes) {
    const byLabels = new Map<string, HclBlock[]>();
    for (const block of ours.blocks.filter((b) => b.type === type)) {
      const key = JSON.stringify(block.labels);
      byLabels.set(key, [...(byLabels.get(key) ?? []), block]);
    }
    for (const [key, blocks] of byLabels) {
      const labels = JSON.parse(key) as string[];
      let node: Json | undefined = theirs[type];
      for (const label of labels) node = isRecord(node) ? node[label] : undefined;
      const where = `${path}${[type, ...labels].join('.')}`;
      if (!Array.isArray(node)) {
        problems.push(`${where}: hcl2json has no list of blocks`);
        continue;
      }
      if (node.length !== blocks.length) problems.push(`${where}: ${blocks.length} blocks vs ${node.length} in hcl2json`);
      blocks.forEach((block, index) => {
        compareBody(block.body, node[index] ?? null, `${where}[${index}].`, problems);
      });
    }
  }
}

function compareExpr(expr: Expr, theirs: Json, path: string, problems: string[]): void {
  const literal = literalOf(expr);
  if (literal.ok) {
    if (canonical(literal.value) !== canonical(unescapeTheirs(theirs))) problems.push(`${path}: literal ${JSON.stringify(literal.value)} vs hcl2json ${JSON.stringify(theirs)}`);
    return;
  }
  if (expr.kind === 'tuple' && Array.isArray(theirs)) {
    if (theirs.length !== expr.items.length) problems.push(`${path}: ${expr.items.length} items vs ${theirs.length}`);
    expr.items.forEach((item, index) => {
      compareExpr(item, theirs[index] ?? null, `${path}[${index}]`, problems);
    });
    return;
  }
  if (expr.kind === 'object' && isRecord(theirs) && expr.items.every((item) => staticKey(item.key, item.keyIsIdentifier) !== undefined)) {
    const keys = expr.items.map((item) => staticKey(item.key, item.keyIsIdentifier) ?? '');
    if (JSON.stringify([...keys].sort()) !== JSON.stringify(Object.keys(theirs).sort())) problems.push(`${path}: object keys ${keys.join(',')} vs ${Object.keys(theirs).join(',')}`);
    expr.items.forEach((item, index) => {
      compareExpr(item.value, theirs[keys[index] ?? ''] ?? null, `${path}.${keys[index] ?? ''}`, problems);
    });
    return;
  }
  if (typeof theirs !== 'string') {
    problems.push(`${path}: expression ${expr.text} vs hcl2json ${JSON.stringify(theirs)}`);
    return;
  }
  const expected = expr.kind === 'template' ? templateSource(expr) : `\${${expr.text}}`;
  if (squash(expected) !== squash(theirs)) problems.push(`${path}: expression ${JSON.stringify(expected)} vs hcl2json ${JSON.stringify(theirs)}`);
}

/** The value of an expression made only of literals, as hcl2json would print it. */
function literalOf(expr: Expr): { ok: true; value: Json } | { ok: false } {
  switch (expr.kind) {
    case 'literal':
      return { ok: true, value: expr.value satisfies LiteralValue };
    case 'unary':
      // hcl2json folds `-1` into the number -1.
      return expr.operator === '-' && expr.operand.kind === 'literal' && typeof expr.operand.value === 'number' ? { ok: true, value: -expr.operand.value } : { ok: false };
    case 'template':
      return literalTemplate(expr);
    case 'tuple': {
      const values: Json[] = [];
      for (const item of expr.items) {
        const literal = literalOf(item);
        if (!literal.ok) return { ok: false };
        values.push(literal.value);
      }
      return { ok: true, value: values };
    }
    case 'object': {
      const entries: [string, Json][] = [];
      for (const item of expr.items) {
        const key = staticKey(item.key, item.keyIsIdentifier);
        const value = literalOf(item.value);
        if (key === undefined || !value.ok) return { ok: false };
        entries.push([key, value.value]);
      }
      return { ok: true, value: Object.fromEntries(entries) };
    }
    case 'variable':
    case 'traversal':
    case 'call':
    case 'conditional':
    case 'binary':
    case 'for':
    case 'parenthesized':
    case 'unsupported':
      return { ok: false };
  }
}

function literalTemplate(expr: Extract<Expr, { kind: 'template' }>): { ok: true; value: Json } | { ok: false } {
  let text = '';
  for (const part of expr.parts) {
    if (part.kind !== 'literal') return { ok: false };
    text += part.value;
  }
  return { ok: true, value: text };
}

function staticKey(key: Expr, isIdentifier: boolean): string | undefined {
  if (isIdentifier) return key.text;
  return key.kind === 'literal' && typeof key.value === 'string' ? key.value : undefined;
}

/** A template's source between its delimiters, with the escapes hcl2json decodes. */
function templateSource(expr: Extract<Expr, { kind: 'template' }>): string {
  if (expr.heredoc) {
    const firstNewline = expr.text.indexOf('\n');
    const lastNewline = expr.text.lastIndexOf('\n');
    return expr.text.slice(firstNewline + 1, lastNewline + 1);
  }
  const decoded: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };
  return expr.text.slice(1, -1).replace(/\\(["\\nrt])/g, (_m, c: string) => decoded[c] ?? c);
}

/** hcl2json writes Terraform JSON syntax, where a literal `${` is escaped as `$${`. */
function unescapeTheirs(value: Json): Json {
  if (typeof value === 'string') return value.replaceAll('$${', '${').replaceAll('%%{', '%{');
  if (Array.isArray(value)) return value.map(unescapeTheirs);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeTheirs(v)]));
  return value;
}

/** JSON with object keys sorted: HCL objects have no key order. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`).join(',')}}`;
  return JSON.stringify(value);
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
