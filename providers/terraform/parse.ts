import { readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { HclFile } from './hcl/ast';
import { MAX_SYNTAX_DEPTH, SyntaxConverter } from './hcl/syntax-to-ast';

/**
 * The only importer of web-tree-sitter. tree-sitter-hcl gives positions on every node and is
 * 2-5x faster than @cdktf/hcl2json (docs/hcl-parser.md). The WASM runtime and the grammar are
 * loaded once per process; each parse frees its tree.
 */

export interface ParsedHcl {
  readonly file: HclFile;
  readonly diagnostics: readonly Diagnostic[];
}

export interface HclParser {
  /** Synchronous once the parser is loaded, so evaluation code never awaits. */
  parse(text: string, file: string): ParsedHcl;
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
  return {
    parse(text: string, file: string): ParsedHcl {
      const tree = parser.parse(text);
      if (!tree) {
        return { file: { file, body: { attributes: [], blocks: [], line: 1, endLine: 1 } }, diagnostics: [{ severity: 'error', message: 'the HCL parser returned no tree', file, provider: 'terraform' }] };
      }
      try {
        const root = tree.rootNode;
        const diagnostics: Diagnostic[] = [];
        if (root.hasError) {
          const problem = firstProblem(root);
          const line = (problem?.startPosition.row ?? 0) + 1;
          const what = problem?.isMissing ? `missing ${JSON.stringify(problem.type)}` : 'unexpected input';
          diagnostics.push({ severity: 'error', message: `HCL syntax error at line ${line}: ${what}; blocks containing errors are skipped`, file, line, provider: 'terraform' });
        }
        const converter = new SyntaxConverter(text);
        const body = converter.convertFile(root);
        const truncated = converter.truncatedAtLines[0];
        if (truncated !== undefined) {
          diagnostics.push({ severity: 'warning', message: `nesting deeper than ${MAX_SYNTAX_DEPTH} levels at line ${truncated}: the deeper part is treated as unknown`, file, line: truncated, provider: 'terraform' });
        }
        return { file: { file, body }, diagnostics };
      } finally {
        tree.delete();
      }
    },
  };
}

/** The first ERROR or MISSING node in document order, without recursion (the tree may be deep). */
function firstProblem(root: Node): Node | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}
