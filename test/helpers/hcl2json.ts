import { parse } from '@cdktf/hcl2json';

/** JSON as @cdktf/hcl2json returns it: blocks as arrays, expressions as `"${...}"` strings, no positions. */
export type Hcl2Json = null | boolean | number | string | Hcl2Json[] | { [key: string]: Hcl2Json };

/**
 * HashiCorp's HCL parser (Go, compiled to WASM), used only as the oracle of the differential test
 * of our tree-sitter reader. The only importer of @cdktf/hcl2json.
 */
export async function parseWithHcl2Json(file: string, text: string): Promise<{ [key: string]: Hcl2Json }> {
  return (await parse(file, text)) as { [key: string]: Hcl2Json };
}
