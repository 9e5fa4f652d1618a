/**
 * A tree-sitter tree copied out of the WASM heap in one walk: four integers per node, in document
 * order. Reading a node through web-tree-sitter costs a call across the WASM boundary per property,
 * so the parser reads each node's type and range exactly once and the converter (syntax-to-ast.ts)
 * works on plain integers. The buffer is transferable, so parse workers hand it over without copying.
 * Comment nodes are left out: nothing reads them.
 */
export interface CompactTree {
  /** Per node, at `4 * index`: type id | flags, start, end (UTF-16 offsets into the source), subtree size. */
  readonly nodes: Int32Array;
  /** The file had a syntax error: this is the first ERROR or MISSING node's line (1-based) and description. */
  readonly problem?: { readonly line: number; readonly what: string };
}

/** Node type names and whether each is named, by type id (the grammar's symbol table). */
export interface NodeTypeTable {
  readonly names: readonly string[];
  readonly named: readonly boolean[];
}

export const NODE_STRIDE = 4;
export const TYPE_MASK = 0xffff;
/** The node is, or contains, an ERROR or MISSING node. */
export const HAS_ERROR_FLAG = 1 << 16;
/** tree-sitter's symbol id for ERROR nodes. */
export const ERROR_TYPE_ID = 0xffff;
