/**
 * The HCL syntax tree the evaluator works on: plain data, independent of the parser library,
 * so the parser's tree can be freed right after parsing and evaluation stays pure.
 * Lines are 1-based.
 */

export interface HclFile {
  /** Absolute path. */
  readonly file: string;
  readonly body: HclBody;
}

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
  readonly line: number;
  readonly endLine: number;
}

export interface HclAttribute {
  readonly name: string;
  readonly expr: Expr;
  readonly line: number;
  readonly endLine: number;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: HclBody;
  readonly line: number;
  readonly endLine: number;
}

interface ExprBase {
  /** The expression's source text, for unknown values, messages and the differential test. */
  readonly text: string;
  readonly line: number;
}

export type LiteralValue = string | number | boolean | null;

export type Expr =
  | (ExprBase & { readonly kind: 'literal'; readonly value: LiteralValue })
  | (ExprBase & { readonly kind: 'template'; readonly parts: readonly TemplatePart[]; readonly heredoc: boolean })
  | (ExprBase & { readonly kind: 'tuple'; readonly items: readonly Expr[] })
  | (ExprBase & { readonly kind: 'object'; readonly items: readonly ObjectItem[] })
  | (ExprBase & { readonly kind: 'variable'; readonly name: string })
  | (ExprBase & { readonly kind: 'traversal'; readonly base: Expr; readonly steps: readonly Step[] })
  | (ExprBase & { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expandFinal: boolean })
  | (ExprBase & { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr })
  | (ExprBase & { readonly kind: 'unary'; readonly operator: '-' | '!'; readonly operand: Expr })
  | (ExprBase & { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: 'for'; readonly keyVar?: string; readonly valueVar: string; readonly collection: Expr; readonly keyExpr?: Expr; readonly valueExpr: Expr; readonly group: boolean; readonly condition?: Expr })
  | (ExprBase & { readonly kind: 'parenthesized'; readonly inner: Expr })
  /** Syntax the reader does not model (or nesting past the depth cap): always unknown. */
  | (ExprBase & { readonly kind: 'unsupported'; readonly reason: string });

export type BinaryOperator = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

export interface ObjectItem {
  /** A bare identifier key (`{ name = 1 }`) is the literal string, not a variable. */
  readonly key: Expr;
  readonly keyIsIdentifier: boolean;
  readonly value: Expr;
}

export type Step =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'index'; readonly key: Expr }
  /** `[*]` or `.*`: the steps that follow apply to each element. */
  | { readonly kind: 'splat'; readonly full: boolean; readonly steps: readonly Step[] };

/** Strip markers (`~`) are applied while building the parts. */
export type TemplatePart =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'interpolation'; readonly expr: Expr }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: readonly TemplatePart[]; readonly otherwise: readonly TemplatePart[] }
  | { readonly kind: 'for'; readonly keyVar?: string; readonly valueVar: string; readonly collection: Expr; readonly body: readonly TemplatePart[] };
