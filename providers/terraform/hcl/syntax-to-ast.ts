import type { BinaryOperator, Expr, HclAttribute, HclBlock, HclBody, ObjectItem, Step, TemplatePart } from './ast';
import { ERROR_TYPE_ID, HAS_ERROR_FLAG, NODE_STRIDE, TYPE_MASK, type CompactTree, type NodeTypeTable } from './compact-tree';

/** Nesting past this depth becomes an `unsupported` expression: a hostile file cannot exhaust the stack. */
export const MAX_SYNTAX_DEPTH = 200;

const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
const POSTFIX_TYPES: ReadonlySet<string> = new Set(['get_attr', 'index', 'splat']);

/**
 * Converts a tree-sitter HCL tree, as copied by parse.ts into a {@link CompactTree}, into the plain syntax tree
 * of ast.ts. Pure JavaScript over integers: no calls into WASM. Nodes are indices into the compact tree.
 * Syntax-error subtrees are skipped.
 */
export class SyntaxConverter {
  private readonly source: string;
  private readonly nodes: Int32Array;
  private readonly types: NodeTypeTable;
  /** Offsets of the source's line feeds, built on first use: tree-sitter counts rows by `\n` only. */
  private lineFeeds: number[] | undefined;
  /** Places where the converter gave up (depth cap); reported by the caller. */
  readonly truncatedAtLines: number[] = [];

  constructor(source: string, tree: CompactTree, types: NodeTypeTable) {
    this.source = source;
    this.nodes = tree.nodes;
    this.types = types;
  }

  /** Converts the whole tree; its root (node 0) is the `config_file` node. */
  convertFile(): HclBody {
    const root = 0;
    const body = this.kids(root).find((child) => this.typeOf(child) === 'body');
    return body ? this.convertBody(body, root, 0) : { attributes: [], blocks: [], line: this.line(root), endLine: this.endLine(root) };
  }

  private convertBody(body: number, owner: number, depth: number): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    const end = this.nextOf(body);
    for (let child = body + 1; child < end; child = this.nextOf(child)) {
      if (this.hasError(child)) continue;
      if (this.typeOf(child) === 'attribute') {
        const attribute = this.convertAttribute(child);
        if (attribute) attributes.push(attribute);
      } else if (this.typeOf(child) === 'block') {
        if (depth >= MAX_SYNTAX_DEPTH) {
          this.truncatedAtLines.push(this.line(child));
          continue;
        }
        const block = this.convertBlock(child, depth + 1);
        if (block) blocks.push(block);
      }
    }
    return { attributes, blocks, line: this.line(owner), endLine: this.endLine(owner) };
  }

  private convertAttribute(node: number): HclAttribute | undefined {
    const name = this.kid(node, 'identifier');
    const expression = this.kid(node, 'expression');
    if (name === undefined || expression === undefined) return undefined;
    return { name: this.text(name), expr: this.convertExpression(expression, 0), line: this.line(node), endLine: this.endLine(node) };
  }

  private convertBlock(node: number, depth: number): HclBlock | undefined {
    const end = this.nextOf(node);
    const type = node + 1;
    if (type >= end || this.typeOf(type) !== 'identifier') return undefined;
    const labels: string[] = [];
    let body: HclBody | undefined;
    for (let part = this.nextOf(type); part < end; part = this.nextOf(part)) {
      if (this.typeOf(part) === 'identifier') labels.push(this.text(part));
      else if (this.typeOf(part) === 'string_lit') labels.push(this.stringLiteral(part));
      else if (this.typeOf(part) === 'body') body = this.convertBody(part, node, depth);
    }
    const line = this.line(node);
    const endLine = this.endLine(node);
    return { type: this.text(type), labels, body: body ?? { attributes: [], blocks: [], line, endLine }, line, endLine };
  }

  private convertExpression(node: number, depth: number): Expr {
    if (depth > MAX_SYNTAX_DEPTH) {
      this.truncatedAtLines.push(this.line(node));
      return { kind: 'unsupported', reason: `nesting deeper than ${MAX_SYNTAX_DEPTH}`, text: this.text(node), line: this.line(node) };
    }
    const parts = this.kids(node);
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only !== undefined && this.typeOf(only) === 'conditional') return this.convertConditional(only, depth + 1);
    return this.convertTerm(parts, node, depth + 1);
  }

  /** A term is inlined by the grammar: a primary (or `( expr )`) followed by get_attr / index / splat nodes. */
  private convertTerm(parts: readonly number[], owner: number, depth: number): Expr {
    const first = parts[0];
    if (!first) return this.unsupported(owner, 'empty expression');
    let base: Expr;
    let rest: readonly number[];
    if (this.typeOf(first) === '(') {
      const inner = parts[1];
      const close = parts[2];
      if (inner === undefined || close === undefined || this.typeOf(inner) !== 'expression' || this.typeOf(close) !== ')') return this.unsupported(owner, 'unbalanced parentheses');
      base = { kind: 'parenthesized', inner: this.convertExpression(inner, depth), text: this.slice(this.startOf(first), this.endOf(close)), line: this.line(first) };
      rest = parts.slice(3);
    } else {
      base = this.convertPrimary(first, depth);
      rest = parts.slice(1);
    }
    if (rest.length === 0) return base;
    const steps = this.convertSteps(rest, depth);
    if (!steps) return this.unsupported(owner, 'unexpected syntax after a term');
    const last = rest[rest.length - 1] ?? first;
    return { kind: 'traversal', base, steps, text: this.slice(this.startOf(first), this.endOf(last)), line: this.line(first) };
  }

  private convertSteps(nodes: readonly number[], depth: number): Step[] | undefined {
    const steps: Step[] = [];
    for (const node of nodes) {
      if (!POSTFIX_TYPES.has(this.typeOf(node))) return undefined;
      const step = this.convertStep(node, depth);
      if (!step) return undefined;
      steps.push(step);
    }
    return steps;
  }

  private convertStep(node: number, depth: number): Step | undefined {
    switch (this.typeOf(node)) {
      case 'get_attr': {
        // Copied without its children (parse.ts) when the name follows the dot directly.
        if (this.nextOf(node) === node + 1) return { kind: 'attr', name: this.slice(this.startOf(node) + 1, this.endOf(node)) };
        const name = this.kid(node, 'identifier');
        return name !== undefined ? { kind: 'attr', name: this.text(name) } : undefined;
      }
      case 'index': {
        const index = this.kids(node)[0];
        if (index === undefined) return undefined;
        if (this.typeOf(index) === 'new_index') {
          const key = this.kids(index).find((child) => this.typeOf(child) === 'expression');
          return key ? { kind: 'index', key: this.convertExpression(key, depth) } : undefined;
        }
        if (this.typeOf(index) === 'legacy_index') {
          // `list.0`: the old index syntax, still accepted by Terraform.
          const digits = this.text(index).slice(1);
          return { kind: 'index', key: { kind: 'literal', value: Number(digits), text: digits, line: this.line(index) } };
        }
        return undefined;
      }
      case 'splat': {
        const splat = this.kids(node)[0];
        if (!splat) return undefined;
        const inner = this.convertSteps(this.kids(splat).slice(1), depth);
        return inner ? { kind: 'splat', full: this.typeOf(splat) === 'full_splat', steps: inner } : undefined;
      }
      default:
        return undefined;
    }
  }

  private convertPrimary(node: number, depth: number): Expr {
    const text = this.text(node);
    const at = this.line(node);
    switch (this.typeOf(node)) {
      case 'literal_value':
        return this.convertLiteral(node, text, at);
      case 'template_expr': {
        const template = this.kids(node)[0];
        if (template === undefined) return this.unsupported(node, 'unknown template form');
        if (this.typeOf(template) === 'quoted_template') return { kind: 'template', parts: this.quotedParts(template, depth), heredoc: false, text, line: at };
        if (this.typeOf(template) === 'heredoc_template') return this.convertHeredoc(template, depth);
        return this.unsupported(node, 'unknown template form');
      }
      case 'collection_value': {
        const collection = this.kids(node)[0];
        if (collection === undefined) return this.unsupported(node, 'unknown collection form');
        if (this.typeOf(collection) === 'tuple') {
          return { kind: 'tuple', items: this.kids(collection).filter((c) => this.typeOf(c) === 'expression').map((c) => this.convertExpression(c, depth)), text, line: at };
        }
        if (this.typeOf(collection) === 'object') return { kind: 'object', items: this.objectItems(collection, depth), text, line: at };
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
        return this.unsupported(node, `unexpected ${this.typeOf(node)}`);
    }
  }

  private convertLiteral(node: number, text: string, at: number): Expr {
    const literal = this.kid(node);
    if (literal === undefined) return this.unsupported(node, 'unknown literal');
    switch (this.typeOf(literal)) {
      case 'numeric_lit':
        return { kind: 'literal', value: text.startsWith('0x') ? Number.parseInt(text.slice(2), 16) : Number(text), text, line: at };
      case 'bool_lit':
        return { kind: 'literal', value: text === 'true', text, line: at };
      case 'null_lit':
        return { kind: 'literal', value: null, text, line: at };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLiteral(literal), text, line: at };
      default:
        return this.unsupported(node, 'unknown literal');
    }
  }

  /** A `string_lit` has no interpolation: its text between the quotes, unescaped. */
  private stringLiteral(node: number): string {
    // Copied without its children (parse.ts OPAQUE_TYPES): the text between its one-character quotes.
    if (this.nextOf(node) === node + 1) return this.endOf(node) - this.startOf(node) < 2 ? '' : unescapeQuoted(this.slice(this.startOf(node) + 1, this.endOf(node) - 1));
    const parts = this.kids(node);
    const start = parts[0];
    const end = parts[parts.length - 1];
    if (!start || !end || parts.length < 2) return '';
    return unescapeQuoted(this.slice(this.endOf(start), this.startOf(end)));
  }

  private quotedParts(template: number, depth: number): TemplatePart[] {
    const parts = this.kids(template);
    const start = parts[0];
    const end = parts[parts.length - 1];
    if (!start || !end || parts.length < 2) return [];
    return this.templateParts(parts.slice(1, -1), this.endOf(start), this.startOf(end), depth, unescapeQuoted);
  }

  private convertHeredoc(node: number, depth: number): Expr {
    const parts = this.kids(node);
    const flush = this.text(parts[0] ?? node) === '<<-';
    const identifiers = parts.filter((child) => this.typeOf(child) === 'heredoc_identifier');
    const open = identifiers[0];
    const close = identifiers[1];
    const text = this.text(node);
    if (!open || !close) return this.unsupported(node, 'unterminated heredoc');
    // Content starts on the line after the opening marker and ends with the newline before the closing marker's line.
    const newline = this.source.indexOf('\n', this.endOf(open));
    const contentStart = newline < 0 || newline >= this.startOf(close) ? this.startOf(close) : newline + 1;
    const contentEnd = Math.max(contentStart, this.source.lastIndexOf('\n', this.startOf(close) - 1) + 1);
    const inner = parts.filter((child) => this.startOf(child) >= contentStart && this.endOf(child) <= contentEnd && this.typeOf(child) !== 'heredoc_identifier');
    const indent = flush ? minimumIndent(this.slice(contentStart, contentEnd)) : 0;
    const unescape = (raw: string): string => unescapeTemplateSequences(raw);
    const templateParts = this.templateParts(inner, contentStart, contentEnd, depth, unescape, indent);
    return { kind: 'template', parts: templateParts, heredoc: true, text, line: this.line(node) };
  }

  /**
   * Builds template parts from the nodes in [start, end): literal text is taken from the source
   * between interpolations and directives, since the grammar drops whitespace from literal chunks.
   */
  private templateParts(nodes: readonly number[], start: number, end: number, depth: number, unescape: (raw: string) => string, indent = 0): TemplatePart[] {
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
      if (this.typeOf(node) !== 'template_interpolation' && this.typeOf(node) !== 'template_directive') continue;
      pushLiteral(cursor, this.startOf(node));
      cursor = this.endOf(node);
      const markers = this.stripMarkers(node);
      if (markers.before) trimLastLiteral(parts);
      stripNext = false;
      const part = this.typeOf(node) === 'template_interpolation' ? this.interpolation(node, depth) : this.directive(node, depth, unescape, indent);
      if (part) parts.push(part);
      stripNext = markers.after;
    }
    pushLiteral(cursor, end);
    return parts;
  }

  private interpolation(node: number, depth: number): TemplatePart | undefined {
    const expression = this.kids(node).find((child) => this.typeOf(child) === 'expression');
    return expression ? { kind: 'interpolation', expr: this.convertExpression(expression, depth) } : undefined;
  }

  private directive(node: number, depth: number, unescape: (raw: string) => string, indent: number): TemplatePart | undefined {
    const directive = this.kids(node)[0];
    if (!directive) return undefined;
    const parts = this.kids(directive);
    const intro = parts[0];
    const close = parts[parts.length - 1];
    if (!intro || !close) return undefined;
    const introExpression = this.kids(intro).find((child) => this.typeOf(child) === 'expression');
    if (!introExpression) return undefined;
    if (this.typeOf(directive) === 'template_if') {
      const elseIntro = parts.find((child) => this.typeOf(child) === 'template_else_intro');
      const thenEnd = elseIntro ?? close;
      const thenNodes = parts.filter((child) => this.startOf(child) >= this.endOf(intro) && this.endOf(child) <= this.startOf(thenEnd));
      const elseNodes = elseIntro ? parts.filter((child) => this.startOf(child) >= this.endOf(elseIntro) && this.endOf(child) <= this.startOf(close)) : [];
      return {
        kind: 'if',
        condition: this.convertExpression(introExpression, depth),
        then: this.strippedInside(intro, thenEnd, this.templateParts(thenNodes, this.endOf(intro), this.startOf(thenEnd), depth, unescape, indent)),
        otherwise: elseIntro ? this.strippedInside(elseIntro, close, this.templateParts(elseNodes, this.endOf(elseIntro), this.startOf(close), depth, unescape, indent)) : [],
      };
    }
    if (this.typeOf(directive) === 'template_for') {
      const names = this.kids(intro).filter((child) => this.typeOf(child) === 'identifier').map((child) => this.text(child));
      const bodyNodes = parts.filter((child) => this.startOf(child) >= this.endOf(intro) && this.endOf(child) <= this.startOf(close));
      const body = this.strippedInside(intro, close, this.templateParts(bodyNodes, this.endOf(intro), this.startOf(close), depth, unescape, indent));
      const collection = this.convertExpression(introExpression, depth);
      if (names.length === 2 && names[0] !== undefined && names[1] !== undefined) return { kind: 'for', keyVar: names[0], valueVar: names[1], collection, body };
      return names[0] !== undefined ? { kind: 'for', valueVar: names[0], collection, body } : undefined;
    }
    return undefined;
  }

  private objectItems(object: number, depth: number): ObjectItem[] {
    const items: ObjectItem[] = [];
    for (const element of this.kids(object)) {
      if (this.typeOf(element) !== 'object_elem') continue;
      const expressions = this.kids(element).filter((child) => this.typeOf(child) === 'expression');
      const key = expressions[0];
      const value = expressions[1];
      if (!key || !value) continue;
      const keyParts = this.kids(key);
      const keyIsIdentifier = keyParts.length === 1 && this.typeOf(keyParts[0]) === 'variable_expr';
      items.push({ key: this.convertExpression(key, depth), keyIsIdentifier, value: this.convertExpression(value, depth) });
    }
    return items;
  }

  private convertCall(node: number, depth: number): Expr {
    const parts = this.kids(node);
    const name = parts.find((child) => this.typeOf(child) === 'identifier');
    const args = parts.find((child) => this.typeOf(child) === 'function_arguments');
    const argNodes = args ? this.kids(args) : [];
    return {
      kind: 'call',
      name: name ? this.text(name) : '',
      args: argNodes.filter((child) => this.typeOf(child) === 'expression').map((child) => this.convertExpression(child, depth)),
      expandFinal: argNodes.some((child) => this.typeOf(child) === 'ellipsis'),
      text: this.text(node),
      line: this.line(node),
    };
  }

  private convertFor(node: number, depth: number): Expr {
    const form = this.kids(node)[0];
    if (!form) return this.unsupported(node, 'empty for expression');
    const parts = this.kids(form);
    const intro = parts.find((child) => this.typeOf(child) === 'for_intro');
    if (!intro) return this.unsupported(node, 'for expression without intro');
    const introParts = this.kids(intro);
    const names = introParts.filter((child) => this.typeOf(child) === 'identifier').map((child) => this.text(child));
    const collectionNode = introParts.find((child) => this.typeOf(child) === 'expression');
    const expressions = parts.filter((child) => this.typeOf(child) === 'expression');
    const conditionNode = parts.find((child) => this.typeOf(child) === 'for_cond');
    const conditionExpression = conditionNode ? this.kids(conditionNode).find((child) => this.typeOf(child) === 'expression') : undefined;
    if (!collectionNode || names.length === 0) return this.unsupported(node, 'for expression without collection');
    const [first, second] = names;
    const keyVar = names.length === 2 ? first : undefined;
    const valueVar = (names.length === 2 ? second : first) ?? '';
    const base = {
      kind: 'for' as const,
      ...(keyVar !== undefined && { keyVar }),
      valueVar,
      collection: this.convertExpression(collectionNode, depth),
      group: parts.some((child) => this.typeOf(child) === 'ellipsis'),
      ...(conditionExpression && { condition: this.convertExpression(conditionExpression, depth) }),
      text: this.text(node),
      line: this.line(node),
    };
    if (this.typeOf(form) === 'for_object_expr') {
      const [keyNode, valueNode] = expressions;
      if (!keyNode || !valueNode) return this.unsupported(node, 'object for expression without key or value');
      return { ...base, keyExpr: this.convertExpression(keyNode, depth), valueExpr: this.convertExpression(valueNode, depth) };
    }
    const valueNode = expressions[0];
    if (!valueNode) return this.unsupported(node, 'for expression without value');
    return { ...base, valueExpr: this.convertExpression(valueNode, depth) };
  }

  private convertOperation(node: number, depth: number): Expr {
    const operation = this.kids(node)[0];
    if (!operation) return this.unsupported(node, 'empty operation');
    const parts = this.kids(operation);
    const text = this.text(node);
    if (this.typeOf(operation) === 'unary_operation') {
      const operator = this.typeOf(parts[0]);
      if (operator !== '-' && operator !== '!') return this.unsupported(node, 'unknown unary operator');
      return { kind: 'unary', operator, operand: this.convertTerm(parts.slice(1), operation, depth + 1), text, line: this.line(node) };
    }
    const at = parts.findIndex((child) => !this.isNamed(child) && BINARY_OPERATORS.has(this.typeOf(child)));
    const operator = this.typeOf(parts[at]);
    if (at <= 0 || operator === undefined) return this.unsupported(node, 'unknown binary operator');
    return {
      kind: 'binary',
      operator: operator as BinaryOperator,
      left: this.convertTerm(parts.slice(0, at), operation, depth + 1),
      right: this.convertTerm(parts.slice(at + 1), operation, depth + 1),
      text,
      line: this.line(node),
    };
  }

  private convertConditional(node: number, depth: number): Expr {
    const [condition, then, otherwise] = this.kids(node).filter((child) => this.typeOf(child) === 'expression');
    if (!condition || !then || !otherwise) return this.unsupported(node, 'incomplete conditional');
    return {
      kind: 'conditional',
      condition: this.convertExpression(condition, depth),
      then: this.convertExpression(then, depth),
      otherwise: this.convertExpression(otherwise, depth),
      text: this.text(node),
      line: this.line(node),
    };
  }

  private unsupported(node: number, reason: string): Expr {
    return { kind: 'unsupported', reason, text: this.text(node), line: this.line(node) };
  }

  private text(node: number): string {
    return this.source.slice(this.startOf(node), this.endOf(node));
  }

  private slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  private stripMarkers(node: number): { before: boolean; after: boolean } {
    // For a directive the markers sit inside its opening / closing tags.
    const tags = this.typeOf(node) === 'template_directive' ? this.directiveTags(node) : [node];
    const first = tags[0];
    const last = tags[tags.length - 1];
    const firstParts = first !== undefined ? this.kids(first) : [];
    const lastParts = last !== undefined ? this.kids(last) : [];
    return { before: this.typeOf(firstParts[1]) === 'strip_marker', after: this.typeOf(lastParts[lastParts.length - 2]) === 'strip_marker' };
  }

  /**
   * The parts between two tags of a directive, with the whitespace next to a strip marker on the inner side of a tag
   * taken off: `%{ for x in xs ~}` strips the start of the body, `%{~ endfor }` its end.
   * https://developer.hashicorp.com/terraform/language/expressions/strings#whitespace-stripping
   */
  private strippedInside(openTag: number, closeTag: number, parts: TemplatePart[]): TemplatePart[] {
    const opening = this.kids(openTag);
    if (this.typeOf(opening[opening.length - 2]) === 'strip_marker') trimFirstLiteral(parts);
    if (this.typeOf(this.kids(closeTag)[1]) === 'strip_marker') trimLastLiteral(parts);
    return parts;
  }

  private directiveTags(node: number): number[] {
    const directive = this.kids(node)[0];
    if (directive === undefined) return [];
    const parts = this.kids(directive);
    const first = parts[0];
    const last = parts[parts.length - 1];
    return first !== undefined && last !== undefined ? [first, last] : [];
  }

  /** A node's children in order (comments are not in the compact tree). */
  private kids(node: number): number[] {
    const end = this.nextOf(node);
    const kids: number[] = [];
    for (let child = node + 1; child < end; child = this.nextOf(child)) kids.push(child);
    return kids;
  }

  /** The node's first child (of this type), without listing its children (the common question on hot paths). */
  private kid(node: number, type?: string): number | undefined {
    const end = this.nextOf(node);
    for (let child = node + 1; child < end; child = this.nextOf(child)) if (type === undefined || this.typeOf(child) === type) return child;
    return undefined;
  }

  /** The node after this one's subtree: its next sibling, or where its parent's subtree ends. */
  private nextOf(node: number): number {
    return node + (this.nodes[node * NODE_STRIDE + 3] ?? 1);
  }

  /** The node's type name; `undefined` for no node, so that `this.typeOf(parts[i]) === 'x'` reads like `parts[i]?.type`. */
  private typeOf(node: number): string;
  private typeOf(node: number | undefined): string | undefined;
  private typeOf(node: number | undefined): string | undefined {
    if (node === undefined) return undefined;
    const id = (this.nodes[node * NODE_STRIDE] ?? 0) & TYPE_MASK;
    return id === ERROR_TYPE_ID ? 'ERROR' : (this.types.names[id] ?? 'ERROR');
  }

  private isNamed(node: number): boolean {
    return this.types.named[(this.nodes[node * NODE_STRIDE] ?? 0) & TYPE_MASK] ?? true;
  }

  private hasError(node: number): boolean {
    return ((this.nodes[node * NODE_STRIDE] ?? 0) & HAS_ERROR_FLAG) !== 0;
  }

  private startOf(node: number): number {
    return this.nodes[node * NODE_STRIDE + 1] ?? 0;
  }

  private endOf(node: number): number {
    return this.nodes[node * NODE_STRIDE + 2] ?? 0;
  }

  /** 0-based row of a source offset: the number of line feeds before it. */
  private row(offset: number): number {
    this.lineFeeds ??= lineFeedOffsets(this.source);
    const feeds = this.lineFeeds;
    let low = 0;
    let high = feeds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((feeds[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private line(node: number): number {
    return this.row(this.startOf(node)) + 1;
  }

  /** The last line holding the node; a node ending at column 0 ends on the line before. */
  private endLine(node: number): number {
    const end = this.endOf(node);
    const row = this.row(end);
    const atColumnZero = end === 0 || this.source.charCodeAt(end - 1) === 10;
    return atColumnZero && row > this.row(this.startOf(node)) ? row : row + 1;
  }
}

function lineFeedOffsets(source: string): number[] {
  const feeds: number[] = [];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) feeds.push(at);
  return feeds;
}

function trimFirstLiteral(parts: TemplatePart[]): void {
  const first = parts[0];
  if (first?.kind !== 'literal') return;
  const value = first.value.trimStart();
  if (value === '') parts.shift();
  else parts[0] = { kind: 'literal', value };
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

/** A backslash escape, or a `$${` / `%%{` template escape, may start at one of these characters. */
const HAS_ESCAPE = /[\\$%]/;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Backslash escapes of quoted HCL strings: https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences */
export function unescapeQuoted(raw: string): string {
  // Most strings have nothing to unescape: return them without building a copy a character at a time.
  if (!HAS_ESCAPE.test(raw)) return raw;
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
