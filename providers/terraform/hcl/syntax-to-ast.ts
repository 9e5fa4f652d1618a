import type { BinaryOperator, Expr, HclAttribute, HclBlock, HclBody, ObjectItem, Step, TemplatePart } from './ast';

/**
 * The part of a tree-sitter node this converter reads. Declared structurally so that only
 * parse.ts imports web-tree-sitter. Indices are UTF-16 offsets into the source string, rows are 0-based.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly hasError: boolean;
  readonly children: readonly (SyntaxNode | null)[];
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly endPosition: { readonly row: number; readonly column: number };
}

/** Nesting past this depth becomes an `unsupported` expression: a hostile file cannot exhaust the stack. */
export const MAX_SYNTAX_DEPTH = 200;

const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
const POSTFIX_TYPES: ReadonlySet<string> = new Set(['get_attr', 'index', 'splat']);

/** Converts a tree-sitter HCL tree into the plain syntax tree of ast.ts. Syntax-error subtrees are skipped. */
export class SyntaxConverter {
  private readonly source: string;
  /** Places where the converter gave up (depth cap); reported by the caller. */
  readonly truncatedAtLines: number[] = [];

  constructor(source: string) {
    this.source = source;
  }

  /** `root` is the tree's `config_file` node. */
  convertFile(root: SyntaxNode): HclBody {
    const body = children(root).find((child) => child.type === 'body');
    return body ? this.convertBody(body, root, 0) : { attributes: [], blocks: [], line: line(root), endLine: endLine(root) };
  }

  private convertBody(body: SyntaxNode, owner: SyntaxNode, depth: number): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (const child of children(body)) {
      if (child.hasError) continue;
      if (child.type === 'attribute') {
        const attribute = this.convertAttribute(child);
        if (attribute) attributes.push(attribute);
      } else if (child.type === 'block') {
        if (depth >= MAX_SYNTAX_DEPTH) {
          this.truncatedAtLines.push(line(child));
          continue;
        }
        const block = this.convertBlock(child, depth + 1);
        if (block) blocks.push(block);
      }
    }
    return { attributes, blocks, line: line(owner), endLine: endLine(owner) };
  }

  private convertAttribute(node: SyntaxNode): HclAttribute | undefined {
    const parts = children(node);
    const name = parts.find((child) => child.type === 'identifier');
    const expression = parts.find((child) => child.type === 'expression');
    if (!name || !expression) return undefined;
    return { name: this.text(name), expr: this.convertExpression(expression, 0), line: line(node), endLine: endLine(node) };
  }

  private convertBlock(node: SyntaxNode, depth: number): HclBlock | undefined {
    const parts = children(node);
    const type = parts[0];
    if (!type || type.type !== 'identifier') return undefined;
    const labels: string[] = [];
    let body: HclBody | undefined;
    for (const part of parts.slice(1)) {
      if (part.type === 'identifier') labels.push(this.text(part));
      else if (part.type === 'string_lit') labels.push(this.stringLiteral(part));
      else if (part.type === 'body') body = this.convertBody(part, node, depth);
    }
    return { type: this.text(type), labels, body: body ?? { attributes: [], blocks: [], line: line(node), endLine: endLine(node) }, line: line(node), endLine: endLine(node) };
  }

  private convertExpression(node: SyntaxNode, depth: number): Expr {
    if (depth > MAX_SYNTAX_DEPTH) {
      this.truncatedAtLines.push(line(node));
      return { kind: 'unsupported', reason: `nesting deeper than ${MAX_SYNTAX_DEPTH}`, text: this.text(node), line: line(node) };
    }
    const parts = children(node);
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.type === 'conditional') return this.convertConditional(only, depth + 1);
    return this.convertTerm(parts, node, depth + 1);
  }

  /** A term is inlined by the grammar: a primary (or `( expr )`) followed by get_attr / index / splat nodes. */
  private convertTerm(parts: readonly SyntaxNode[], owner: SyntaxNode, depth: number): Expr {
    const first = parts[0];
    if (!first) return this.unsupported(owner, 'empty expression');
    let base: Expr;
    let rest: readonly SyntaxNode[];
    if (first.type === '(') {
      const inner = parts[1];
      if (!inner || inner.type !== 'expression' || parts[2]?.type !== ')') return this.unsupported(owner, 'unbalanced parentheses');
      base = { kind: 'parenthesized', inner: this.convertExpression(inner, depth), text: this.slice(first.startIndex, parts[2].endIndex), line: line(first) };
      rest = parts.slice(3);
    } else {
      base = this.convertPrimary(first, depth);
      rest = parts.slice(1);
    }
    if (rest.length === 0) return base;
    const steps = this.convertSteps(rest, depth);
    if (!steps) return this.unsupported(owner, 'unexpected syntax after a term');
    const last = rest[rest.length - 1] ?? first;
    return { kind: 'traversal', base, steps, text: this.slice(first.startIndex, last.endIndex), line: line(first) };
  }

  private convertSteps(nodes: readonly SyntaxNode[], depth: number): Step[] | undefined {
    const steps: Step[] = [];
    for (const node of nodes) {
      if (!POSTFIX_TYPES.has(node.type)) return undefined;
      const step = this.convertStep(node, depth);
      if (!step) return undefined;
      steps.push(step);
    }
    return steps;
  }

  private convertStep(node: SyntaxNode, depth: number): Step | undefined {
    switch (node.type) {
      case 'get_attr': {
        const name = children(node).find((child) => child.type === 'identifier');
        return name ? { kind: 'attr', name: this.text(name) } : undefined;
      }
      case 'index': {
        const index = children(node)[0];
        if (index?.type === 'new_index') {
          const key = children(index).find((child) => child.type === 'expression');
          return key ? { kind: 'index', key: this.convertExpression(key, depth) } : undefined;
        }
        if (index?.type === 'legacy_index') {
          // `list.0`: the old index syntax, still accepted by Terraform.
          const digits = this.text(index).slice(1);
          return { kind: 'index', key: { kind: 'literal', value: Number(digits), text: digits, line: line(index) } };
        }
        return undefined;
      }
      case 'splat': {
        const splat = children(node)[0];
        if (!splat) return undefined;
        const inner = this.convertSteps(children(splat).slice(1), depth);
        return inner ? { kind: 'splat', full: splat.type === 'full_splat', steps: inner } : undefined;
      }
      default:
        return undefined;
    }
  }

  private convertPrimary(node: SyntaxNode, depth: number): Expr {
    const text = this.text(node);
    const at = line(node);
    switch (node.type) {
      case 'literal_value':
        return this.convertLiteral(node);
      case 'template_expr': {
        const template = children(node)[0];
        if (template?.type === 'quoted_template') return { kind: 'template', parts: this.quotedParts(template, depth), heredoc: false, text, line: at };
        if (template?.type === 'heredoc_template') return this.convertHeredoc(template, depth);
        return this.unsupported(node, 'unknown template form');
      }
      case 'collection_value': {
        const collection = children(node)[0];
        if (collection?.type === 'tuple') {
          return { kind: 'tuple', items: children(collection).filter((c) => c.type === 'expression').map((c) => this.convertExpression(c, depth)), text, line: at };
        }
        if (collection?.type === 'object') return { kind: 'object', items: this.objectItems(collection, depth), text, line: at };
        return this.unsupported(node, 'unknown collection form');
      }
      case 'variable_expr':
        return { kind: 'variable', name: text, text, line: at };
      case 'function_call':
        return this.convertCall(node, depth);
      case 'for_expr':
        return this.convertFor(node, depth);
      case 'operation':
        return this.convertOperation(node, depth);
      case 'expression':
        return this.convertExpression(node, depth);
      default:
        return this.unsupported(node, `unexpected ${node.type}`);
    }
  }

  private convertLiteral(node: SyntaxNode): Expr {
    const literal = children(node)[0];
    const text = this.text(node);
    const at = line(node);
    switch (literal?.type) {
      case 'numeric_lit':
        return { kind: 'literal', value: text.startsWith('0x') ? Number.parseInt(text.slice(2), 16) : Number(text), text, line: at };
      case 'bool_lit':
        return { kind: 'literal', value: text === 'true', text, line: at };
      case 'null_lit':
        return { kind: 'literal', value: null, text, line: at };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLiteral(literal), text, line: at };
      case undefined:
      default:
        return this.unsupported(node, 'unknown literal');
    }
  }

  /** A `string_lit` has no interpolation: its text between the quotes, unescaped. */
  private stringLiteral(node: SyntaxNode): string {
    const parts = children(node);
    const start = parts[0];
    const end = parts[parts.length - 1];
    if (!start || !end || parts.length < 2) return '';
    return unescapeQuoted(this.slice(start.endIndex, end.startIndex));
  }

  private quotedParts(template: SyntaxNode, depth: number): TemplatePart[] {
    const parts = children(template);
    const start = parts[0];
    const end = parts[parts.length - 1];
    if (!start || !end || parts.length < 2) return [];
    return this.templateParts(parts.slice(1, -1), start.endIndex, end.startIndex, depth, unescapeQuoted);
  }

  private convertHeredoc(node: SyntaxNode, depth: number): Expr {
    const parts = children(node);
    const flush = this.text(parts[0] ?? node) === '<<-';
    const identifiers = parts.filter((child) => child.type === 'heredoc_identifier');
    const open = identifiers[0];
    const close = identifiers[1];
    const text = this.text(node);
    if (!open || !close) return this.unsupported(node, 'unterminated heredoc');
    // Content starts on the line after the opening marker and ends with the newline before the closing marker's line.
    const newline = this.source.indexOf('\n', open.endIndex);
    const contentStart = newline < 0 || newline >= close.startIndex ? close.startIndex : newline + 1;
    const contentEnd = Math.max(contentStart, this.source.lastIndexOf('\n', close.startIndex - 1) + 1);
    const inner = parts.filter((child) => child.startIndex >= contentStart && child.endIndex <= contentEnd && child.type !== 'heredoc_identifier');
    const indent = flush ? minimumIndent(this.slice(contentStart, contentEnd)) : 0;
    const unescape = (raw: string): string => unescapeTemplateSequences(raw);
    const templateParts = this.templateParts(inner, contentStart, contentEnd, depth, unescape, indent);
    return { kind: 'template', parts: templateParts, heredoc: true, text, line: line(node) };
  }

  /**
   * Builds template parts from the nodes in [start, end): literal text is taken from the source
   * between interpolations and directives, since the grammar drops whitespace from literal chunks.
   */
  private templateParts(nodes: readonly SyntaxNode[], start: number, end: number, depth: number, unescape: (raw: string) => string, indent = 0): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = start;
    let stripNext = false;
    const pushLiteral = (from: number, to: number): void => {
      if (to <= from) return;
      let raw = this.slice(from, to);
      if (indent > 0) raw = stripIndent(raw, indent, from === start || this.source[from - 1] === '\n');
      let value = unescape(raw);
      if (stripNext) value = value.trimStart();
      stripNext = false;
      if (value !== '') parts.push({ kind: 'literal', value });
    };
    for (const node of nodes) {
      if (node.type !== 'template_interpolation' && node.type !== 'template_directive') continue;
      pushLiteral(cursor, node.startIndex);
      cursor = node.endIndex;
      const markers = stripMarkers(node);
      if (markers.before) trimLastLiteral(parts);
      stripNext = false;
      const part = node.type === 'template_interpolation' ? this.interpolation(node, depth) : this.directive(node, depth, unescape, indent);
      if (part) parts.push(part);
      stripNext = markers.after;
    }
    pushLiteral(cursor, end);
    return parts;
  }

  private interpolation(node: SyntaxNode, depth: number): TemplatePart | undefined {
    const expression = children(node).find((child) => child.type === 'expression');
    return expression ? { kind: 'interpolation', expr: this.convertExpression(expression, depth) } : undefined;
  }

  private directive(node: SyntaxNode, depth: number, unescape: (raw: string) => string, indent: number): TemplatePart | undefined {
    const directive = children(node)[0];
    if (!directive) return undefined;
    const parts = children(directive);
    const intro = parts[0];
    const close = parts[parts.length - 1];
    if (!intro || !close) return undefined;
    const introExpression = children(intro).find((child) => child.type === 'expression');
    if (!introExpression) return undefined;
    if (directive.type === 'template_if') {
      const elseIntro = parts.find((child) => child.type === 'template_else_intro');
      const thenEnd = elseIntro ?? close;
      const thenNodes = parts.filter((child) => child.startIndex >= intro.endIndex && child.endIndex <= thenEnd.startIndex);
      const elseNodes = elseIntro ? parts.filter((child) => child.startIndex >= elseIntro.endIndex && child.endIndex <= close.startIndex) : [];
      return {
        kind: 'if',
        condition: this.convertExpression(introExpression, depth),
        then: this.templateParts(thenNodes, intro.endIndex, thenEnd.startIndex, depth, unescape, indent),
        otherwise: elseIntro ? this.templateParts(elseNodes, elseIntro.endIndex, close.startIndex, depth, unescape, indent) : [],
      };
    }
    if (directive.type === 'template_for') {
      const names = children(intro).filter((child) => child.type === 'identifier').map((child) => this.text(child));
      const bodyNodes = parts.filter((child) => child.startIndex >= intro.endIndex && child.endIndex <= close.startIndex);
      const body = this.templateParts(bodyNodes, intro.endIndex, close.startIndex, depth, unescape, indent);
      const collection = this.convertExpression(introExpression, depth);
      if (names.length === 2 && names[0] !== undefined && names[1] !== undefined) return { kind: 'for', keyVar: names[0], valueVar: names[1], collection, body };
      return names[0] !== undefined ? { kind: 'for', valueVar: names[0], collection, body } : undefined;
    }
    return undefined;
  }

  private objectItems(object: SyntaxNode, depth: number): ObjectItem[] {
    const items: ObjectItem[] = [];
    for (const element of children(object)) {
      if (element.type !== 'object_elem') continue;
      const expressions = children(element).filter((child) => child.type === 'expression');
      const key = expressions[0];
      const value = expressions[1];
      if (!key || !value) continue;
      const keyParts = children(key);
      const keyIsIdentifier = keyParts.length === 1 && keyParts[0]?.type === 'variable_expr';
      items.push({ key: this.convertExpression(key, depth), keyIsIdentifier, value: this.convertExpression(value, depth) });
    }
    return items;
  }

  private convertCall(node: SyntaxNode, depth: number): Expr {
    const parts = children(node);
    const name = parts.find((child) => child.type === 'identifier');
    const args = parts.find((child) => child.type === 'function_arguments');
    const argNodes = args ? children(args) : [];
    return {
      kind: 'call',
      name: name ? this.text(name) : '',
      args: argNodes.filter((child) => child.type === 'expression').map((child) => this.convertExpression(child, depth)),
      expandFinal: argNodes.some((child) => child.type === 'ellipsis'),
      text: this.text(node),
      line: line(node),
    };
  }

  private convertFor(node: SyntaxNode, depth: number): Expr {
    const form = children(node)[0];
    if (!form) return this.unsupported(node, 'empty for expression');
    const parts = children(form);
    const intro = parts.find((child) => child.type === 'for_intro');
    if (!intro) return this.unsupported(node, 'for expression without intro');
    const introParts = children(intro);
    const names = introParts.filter((child) => child.type === 'identifier').map((child) => this.text(child));
    const collectionNode = introParts.find((child) => child.type === 'expression');
    const expressions = parts.filter((child) => child.type === 'expression');
    const conditionNode = parts.find((child) => child.type === 'for_cond');
    const conditionExpression = conditionNode ? children(conditionNode).find((child) => child.type === 'expression') : undefined;
    if (!collectionNode || names.length === 0) return this.unsupported(node, 'for expression without collection');
    const [first, second] = names;
    const keyVar = names.length === 2 ? first : undefined;
    const valueVar = (names.length === 2 ? second : first) ?? '';
    const base = {
      kind: 'for' as const,
      ...(keyVar !== undefined && { keyVar }),
      valueVar,
      collection: this.convertExpression(collectionNode, depth),
      group: parts.some((child) => child.type === 'ellipsis'),
      ...(conditionExpression && { condition: this.convertExpression(conditionExpression, depth) }),
      text: this.text(node),
      line: line(node),
    };
    if (form.type === 'for_object_expr') {
      const [keyNode, valueNode] = expressions;
      if (!keyNode || !valueNode) return this.unsupported(node, 'object for expression without key or value');
      return { ...base, keyExpr: this.convertExpression(keyNode, depth), valueExpr: this.convertExpression(valueNode, depth) };
    }
    const valueNode = expressions[0];
    if (!valueNode) return this.unsupported(node, 'for expression without value');
    return { ...base, valueExpr: this.convertExpression(valueNode, depth) };
  }

  private convertOperation(node: SyntaxNode, depth: number): Expr {
    const operation = children(node)[0];
    if (!operation) return this.unsupported(node, 'empty operation');
    const parts = children(operation);
    const text = this.text(node);
    if (operation.type === 'unary_operation') {
      const operator = parts[0]?.type;
      if (operator !== '-' && operator !== '!') return this.unsupported(node, 'unknown unary operator');
      return { kind: 'unary', operator, operand: this.convertTerm(parts.slice(1), operation, depth + 1), text, line: line(node) };
    }
    const at = parts.findIndex((child) => !child.isNamed && BINARY_OPERATORS.has(child.type));
    const operator = parts[at]?.type;
    if (at <= 0 || operator === undefined) return this.unsupported(node, 'unknown binary operator');
    return {
      kind: 'binary',
      operator: operator as BinaryOperator,
      left: this.convertTerm(parts.slice(0, at), operation, depth + 1),
      right: this.convertTerm(parts.slice(at + 1), operation, depth + 1),
      text,
      line: line(node),
    };
  }

  private convertConditional(node: SyntaxNode, depth: number): Expr {
    const [condition, then, otherwise] = children(node).filter((child) => child.type === 'expression');
    if (!condition || !then || !otherwise) return this.unsupported(node, 'incomplete conditional');
    return {
      kind: 'conditional',
      condition: this.convertExpression(condition, depth),
      then: this.convertExpression(then, depth),
      otherwise: this.convertExpression(otherwise, depth),
      text: this.text(node),
      line: line(node),
    };
  }

  private unsupported(node: SyntaxNode, reason: string): Expr {
    return { kind: 'unsupported', reason, text: this.text(node), line: line(node) };
  }

  private text(node: SyntaxNode): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  private slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }
}

function children(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment');
}

function line(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** The last line holding the node; a node ending at column 0 ends on the line before. */
function endLine(node: SyntaxNode): number {
  const { row, column } = node.endPosition;
  return column === 0 && row > node.startPosition.row ? row : row + 1;
}

function stripMarkers(node: SyntaxNode): { before: boolean; after: boolean } {
  // For a directive the markers sit inside its opening / closing tags.
  const tags = node.type === 'template_directive' ? directiveTags(node) : [node];
  const first = tags[0];
  const last = tags[tags.length - 1];
  const firstParts = first ? children(first) : [];
  const lastParts = last ? children(last) : [];
  return { before: firstParts[1]?.type === 'strip_marker', after: lastParts[lastParts.length - 2]?.type === 'strip_marker' };
}

function directiveTags(node: SyntaxNode): SyntaxNode[] {
  const directive = children(node)[0];
  if (!directive) return [];
  const parts = children(directive);
  const first = parts[0];
  const last = parts[parts.length - 1];
  return first && last ? [first, last] : [];
}

function trimLastLiteral(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'literal') return;
  const value = last.value.trimEnd();
  if (value === '') parts.pop();
  else parts[parts.length - 1] = { kind: 'literal', value };
}

/** Smallest leading whitespace over the non-blank lines of a `<<-` heredoc. */
function minimumIndent(content: string): number {
  let minimum = Number.POSITIVE_INFINITY;
  for (const text of content.split('\n')) {
    if (text.trim() === '') continue;
    const indent = text.length - text.trimStart().length;
    minimum = Math.min(minimum, indent);
  }
  return Number.isFinite(minimum) ? minimum : 0;
}

function stripIndent(raw: string, indent: number, atLineStart: boolean): string {
  const lines = raw.split('\n');
  return lines.map((text, index) => (index === 0 && !atLineStart ? text : stripLeading(text, indent))).join('\n');
}

function stripLeading(text: string, indent: number): string {
  let count = 0;
  while (count < indent && count < text.length && (text[count] === ' ' || text[count] === '\t')) count++;
  return text.slice(count);
}

/** `$${` and `%%{` are the template escapes for a literal `${` and `%{`, in quoted strings and heredocs. */
function unescapeTemplateSequences(raw: string): string {
  return raw.replaceAll('$${', '${').replaceAll('%%{', '%{');
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Backslash escapes of quoted HCL strings: https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences */
export function unescapeQuoted(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1] ?? '';
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i++;
        continue;
      }
      const width = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + width);
      if (width > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        const code = Number.parseInt(hex, 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
        i += 1 + width;
        continue;
      }
    }
    if ((char === '$' || char === '%') && raw[i + 1] === char && raw[i + 2] === '{') {
      out += `${char}{`;
      i += 2;
      continue;
    }
    out += char ?? '';
  }
  return out;
}
