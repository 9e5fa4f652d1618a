import { readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { HclFile } from './hcl/ast';
import { ERROR_TYPE_ID, HAS_ERROR_FLAG, NODE_STRIDE, type CompactTree, type NodeTypeTable } from './hcl/compact-tree';
import { MAX_SYNTAX_DEPTH, SyntaxConverter } from './hcl/syntax-to-ast';

/**
 * The only importer of web-tree-sitter. tree-sitter-hcl gives positions on every node and is
 * 2-5x faster than @cdktf/hcl2json (docs/hcl-parser.md). The WASM runtime and the grammar are
 * loaded once per process; each parse copies the tree out of WASM memory in one walk and frees it.
 */

export interface ParsedHcl {
  readonly file: HclFile;
  readonly diagnostics: readonly Diagnostic[];
}

export interface HclParser {
  /** Synchronous once the parser is loaded, so evaluation code never awaits. */
  parse(text: string, file: string): ParsedHcl;
  /** The WASM half of {@link parse}: parses and copies the tree (undefined if the parser returned none). */
  copy(text: string): CompactTree | undefined;
  /** The pure half of {@link parse}: converts a copied tree to the syntax tree of hcl/ast.ts. */
  convert(text: string, file: string, tree: CompactTree | undefined): ParsedHcl;
}

let loading: Promise<HclParser> | undefined;

/** Loads the WASM runtime and the Terraform grammar on first use. */
export function loadHclParser(): Promise<HclParser> {
  loading ??= createParser();
  return loading;
}

/** Parses one file and converts it to the syntax tree of hcl/ast.ts. */
export async function parseHcl(text: string, file: string): Promise<ParsedHcl> {
  return (await loadHclParser()).parse(text, file);
}

/** Parses and frees the tree without converting it: for the parser benchmark. */
export async function parseOnly(text: string): Promise<boolean> {
  const parser = await loadRawParser();
  const tree = parser.parse(text);
  if (!tree) return false;
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

let rawParser: Promise<Parser> | undefined;

function loadRawParser(): Promise<Parser> {
  rawParser ??= (async () => {
    await Parser.init();
    // The package ships an HCL and a Terraform dialect; the Terraform one knows Terraform's template escapes.
    // Bytes rather than a path: Language.load(path) uses a dynamic import(), which jest's CommonJS runtime refuses.
    const wasm = readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const language = await Language.load(new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return rawParser;
}

async function createParser(): Promise<HclParser> {
  const parser = await loadRawParser();
  const language = parser.language;
  if (!language) throw new Error('the HCL parser has no language');
  const types: NodeTypeTable = {
    names: language.types.map((name) => name || 'ERROR'),
    named: language.types.map((_, id) => language.nodeTypeIsNamed(id)),
  };
  const copier = new TreeCopier(types);
  const copy = (text: string): CompactTree | undefined => {
    const tree = parser.parse(text);
    if (!tree) return undefined;
    try {
      return copier.copy(tree.rootNode, text);
    } finally {
      tree.delete();
    }
  };
  const convert = (text: string, file: string, tree: CompactTree | undefined): ParsedHcl => {
    if (!tree) {
      return { file: { file, body: { attributes: [], blocks: [], line: 1, endLine: 1 } }, diagnostics: [{ severity: 'error', message: 'the HCL parser returned no tree', file, provider: 'terraform' }] };
    }
    const diagnostics: Diagnostic[] = [];
    if (tree.problem) {
      const { line, what } = tree.problem;
      diagnostics.push({ severity: 'error', message: `HCL syntax error at line ${line}: ${what}; blocks containing errors are skipped`, file, line, provider: 'terraform' });
    }
    const converter = new SyntaxConverter(text, tree, types);
    const body = converter.convertFile();
    const truncated = converter.truncatedAtLines[0];
    if (truncated !== undefined) {
      diagnostics.push({ severity: 'warning', message: `nesting deeper than ${MAX_SYNTAX_DEPTH} levels at line ${truncated}: the deeper part is treated as unknown`, file, line: truncated, provider: 'terraform' });
    }
    return { file: { file, body }, diagnostics };
  };
  return { copy, convert, parse: (text, file) => convert(text, file, copy(text)) };
}

/**
 * Named node types whose children hcl/syntax-to-ast.ts does not need (it takes their type or their text; a
 * `string_lit` is its quotes around its text): in an error-free tree they are copied without their children.
 */
const OPAQUE_TYPES: ReadonlySet<string> = new Set([
  'identifier', 'variable_expr', 'string_lit', 'numeric_lit', 'bool_lit', 'null_lit', 'legacy_index', 'ellipsis', 'strip_marker',
  'template_literal', 'heredoc_start', 'heredoc_identifier', 'quoted_template_start', 'quoted_template_end',
  'template_interpolation_start', 'template_interpolation_end', 'template_directive_start', 'template_directive_end',
  'block_start', 'block_end', 'object_start', 'object_end', 'tuple_start', 'tuple_end',
]);

/**
 * Copies a tree into a {@link CompactTree}, in document order. An error-free tree is walked with a cursor
 * (about four WASM calls per node); a tree with an error is copied in full with each node's error flag.
 * Iterative: a hostile file may nest deeply.
 */
class TreeCopier {
  private readonly types: NodeTypeTable;
  private readonly commentId: number;
  /** `.name`: copied without its children when the name follows the dot directly (see {@link mayHoldExtras}). */
  private readonly getAttrId: number;
  /** By type id: {@link OPAQUE_TYPES}. */
  private readonly opaque: readonly boolean[];
  /** Reused between files; each result is a right-sized copy. */
  private scratch: Int32Array = new Int32Array(1 << 16);

  constructor(types: NodeTypeTable) {
    this.types = types;
    this.commentId = types.names.indexOf('comment');
    this.getAttrId = types.names.indexOf('get_attr');
    this.opaque = types.names.map((name) => OPAQUE_TYPES.has(name));
  }

  copy(root: Node, text: string): CompactTree {
    return root.hasError ? this.copyWithErrors(root) : this.copyClean(root, text);
  }

  /**
   * An error-free tree, walked with a TreeCursor, which reads the current node's type and range without
   * making a Node object per child. A node with children starts where its first child starts and ends where
   * its last child ends (tree-sitter sizes a node by its children, and keeps extras such as whitespace and
   * comments out of its edges), so a first child is not asked for its start, and only childless named nodes
   * for their end.
   */
  private copyClean(root: Node, text: string): CompactTree {
    const cursor = root.walk();
    // Indices of the copied nodes the cursor is inside of, to fill in their end and subtree size on the way up.
    const open: number[] = [];
    let count = 0;
    let lastEnd = 0;
    // The start of the node the cursor just went down to (its parent's), or -1.
    let firstChildStart = -1;
    try {
      for (;;) {
        const typeId = cursor.nodeTypeId;
        if (typeId === this.commentId) {
          lastEnd = cursor.endIndex;
          firstChildStart = -1;
        } else {
          let nodes = this.scratch;
          const index = count++;
          if (count * NODE_STRIDE > nodes.length) nodes = this.grow();
          const at = index * NODE_STRIDE;
          const start = firstChildStart >= 0 ? firstChildStart : cursor.startIndex;
          firstChildStart = -1;
          nodes[at] = typeId;
          nodes[at + 1] = start;
          nodes[at + 3] = 1;
          if (this.types.named[typeId] === false) {
            lastEnd = start + (this.types.names[typeId] ?? '').length;
            nodes[at + 2] = lastEnd;
          } else {
            const opaque = this.opaque[typeId] === true || (typeId === this.getAttrId && !mayHoldExtras(text, start + 1));
            if (!opaque && cursor.gotoFirstChild()) {
              open.push(index);
              // Not below the root: it spans the whole text, leading and trailing whitespace included.
              if (index > 0) firstChildStart = start;
              continue;
            }
            lastEnd = cursor.endIndex;
            nodes[at + 2] = lastEnd;
          }
        }
        // Next: the next sibling, or that of the nearest ancestor that has one (closing each ancestor left).
        while (!cursor.gotoNextSibling()) {
          const parent = open.pop();
          if (parent === undefined) return { nodes: this.scratch.slice(0, count * NODE_STRIDE) };
          cursor.gotoParent();
          this.scratch[parent * NODE_STRIDE + 2] = parent === 0 ? cursor.endIndex : lastEnd;
          this.scratch[parent * NODE_STRIDE + 3] = count - parent;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /** A tree with a syntax error: every node is copied in full, with its error flag, through Node objects (which have `hasError`). */
  private copyWithErrors(root: Node): CompactTree {
    let problem: { line: number; what: string } | undefined;
    // A node, or the index of a copied node whose children have all been copied (to fill in its subtree size).
    const stack: (Node | number)[] = [root];
    let count = 0;
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      let nodes = this.scratch;
      if (typeof item === 'number') {
        nodes[item * NODE_STRIDE + 3] = count - item;
        continue;
      }
      const typeId = item.typeId;
      if (typeId === this.commentId) continue;
      const index = count++;
      if (count * NODE_STRIDE > nodes.length) nodes = this.grow();
      const at = index * NODE_STRIDE;
      let flags = 0;
      if (item.hasError) {
        flags = HAS_ERROR_FLAG;
        if (!problem && (typeId === ERROR_TYPE_ID || item.isMissing)) {
          problem = { line: item.startPosition.row + 1, what: item.isMissing ? `missing ${JSON.stringify(item.type)}` : 'unexpected input' };
        }
      }
      nodes[at] = typeId | flags;
      nodes[at + 1] = item.startIndex;
      nodes[at + 2] = item.endIndex;
      nodes[at + 3] = 1;
      const children = item.children;
      if (children.length === 0) continue;
      stack.push(index);
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
    // A tree with an error but no ERROR or MISSING node to point at: report it at the top.
    problem ??= { line: 1, what: 'unexpected input' };
    return { nodes: this.scratch.slice(0, count * NODE_STRIDE), problem };
  }

  private grow(): Int32Array {
    const larger = new Int32Array(this.scratch.length * 2);
    larger.set(this.scratch);
    this.scratch = larger;
    return larger;
  }
}

/**
 * Whether whitespace or a comment may start at `offset`: tree-sitter allows them between any two tokens, so
 * a node's text is its tokens' text only when none starts between them. Comments start with `#` or `/`.
 */
function mayHoldExtras(text: string, offset: number): boolean {
  const char = text.charCodeAt(offset);
  return char === 0x20 || char === 0x09 || char === 0x0a || char === 0x0d || char === 0x23 || char === 0x2f;
}
