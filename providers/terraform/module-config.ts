import { basename } from 'node:path';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { Expr, HclAttribute, HclBlock, HclFile } from './hcl/ast';

/** The declarations of one Terraform module directory, indexed by name, before any evaluation. */
export interface ModuleConfig {
  /** Absolute directory. */
  readonly dir: string;
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, LocalDecl>;
  /** Keyed `type.name` for managed resources, `data.type.name` for data sources; in file order. */
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly moduleCalls: ReadonlyMap<string, ModuleCallDecl>;
  readonly outputs: ReadonlyMap<string, OutputDecl>;
  /** Declarations Terraform would reject, such as a resource declared twice. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface VariableDecl {
  readonly name: string;
  readonly default?: Expr;
  readonly type?: Expr;
  readonly file: string;
}

export interface LocalDecl {
  readonly name: string;
  readonly attribute: HclAttribute;
  readonly file: string;
}

export interface ResourceDecl {
  /** Its key in {@link ModuleConfig.resources}: `type.name`, or `data.type.name`. */
  readonly key: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly block: HclBlock;
  readonly file: string;
}

export interface ModuleCallDecl {
  readonly name: string;
  /** The `source` argument when it is a literal string (Terraform requires one). */
  readonly source?: string;
  readonly block: HclBlock;
  readonly file: string;
}

export interface OutputDecl {
  readonly name: string;
  readonly value?: Expr;
  readonly file: string;
}

export function buildModuleConfig(dir: string, files: readonly HclFile[]): ModuleConfig {
  const variables = new Map<string, VariableDecl>();
  const locals = new Map<string, LocalDecl>();
  const resources = new Map<string, ResourceDecl>();
  const moduleCalls = new Map<string, ModuleCallDecl>();
  const outputs = new Map<string, OutputDecl>();
  const diagnostics: Diagnostic[] = [];
  for (const { file, body } of files) {
    for (const block of body.blocks) {
      const first = block.labels[0];
      const second = block.labels[1];
      const wrongLabels = labelProblem(block);
      if (wrongLabels) {
        diagnostics.push({ severity: 'error', message: wrongLabels, file, line: block.line, provider: 'terraform' });
        continue;
      }
      switch (block.type) {
        case 'variable':
          if (first !== undefined) {
            const defaultExpr = attribute(block, 'default');
            const typeExpr = attribute(block, 'type');
            variables.set(first, { name: first, file, ...(defaultExpr && { default: defaultExpr }), ...(typeExpr && { type: typeExpr }) });
          }
          break;
        case 'locals':
          for (const local of block.body.attributes) locals.set(local.name, { name: local.name, attribute: local, file });
          break;
        case 'resource':
        case 'data':
          if (first !== undefined && second !== undefined) {
            const mode = block.type === 'data' ? 'data' : 'managed';
            const key = resourceKey(mode, first, second);
            const declared = resources.get(key);
            // Terraform rejects the second declaration ("Duplicate resource configuration"): the first is checked.
            if (declared) diagnostics.push(duplicateResource(key, declared, file, block.line));
            else resources.set(key, { key, mode, type: first, name: second, block, file });
          }
          break;
        case 'module':
          if (first !== undefined) {
            const source = moduleSource(block);
            moduleCalls.set(first, { name: first, block, file, ...(source !== undefined && { source }) });
          }
          break;
        case 'output':
          if (first !== undefined) {
            const value = attribute(block, 'value');
            outputs.set(first, { name: first, file, ...(value && { value }) });
          }
          break;
        default:
          break;
      }
    }
  }
  return { dir, variables, locals, resources, moduleCalls, outputs, diagnostics };
}

/** Labels each top-level block takes; Terraform rejects a block with another number, so it is not checked. */
const LABELS: Readonly<Record<string, readonly string[]>> = {
  resource: ['type', 'name'], data: ['type', 'name'], module: ['name'], variable: ['name'], output: ['name'], locals: [],
};

function labelProblem(block: HclBlock): string | undefined {
  const wanted = Object.prototype.hasOwnProperty.call(LABELS, block.type) ? LABELS[block.type] : undefined;
  if (!wanted || wanted.length === block.labels.length) return undefined;
  const written = block.labels.length === 0 ? 'no labels' : block.labels.map((label) => JSON.stringify(label)).join(' ');
  return `a ${block.type} block takes ${wanted.length === 0 ? 'no labels' : `${wanted.length} label${wanted.length > 1 ? 's' : ''} (${wanted.join(', ')})`}, not ${written}; Terraform rejects it, and it is not checked`;
}

/** A resource's address within its module: `type.name`, or `data.type.name` (its key in {@link ModuleConfig.resources}). */
export function resourceKey(mode: ResourceDecl['mode'], type: string, name: string): string {
  return `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

function duplicateResource(key: string, first: ResourceDecl, file: string, line: number): Diagnostic {
  return {
    severity: 'error',
    // Both are in one module directory: the file name says where, without the machine's path.
    message: `${key} is declared twice (first at ${basename(first.file)}:${first.block.line}); Terraform rejects this, and only the first declaration is checked`,
    file,
    line,
    provider: 'terraform',
  };
}

export function attribute(block: HclBlock, name: string): Expr | undefined {
  return block.body.attributes.find((candidate) => candidate.name === name)?.expr;
}

/** The `source` argument of a `module` block when it is a literal string (Terraform requires one). */
export function moduleSource(block: HclBlock): string | undefined {
  return literalString(attribute(block, 'source'));
}

function literalString(expr: Expr | undefined): string | undefined {
  if (expr?.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr?.kind === 'template') {
    let text = '';
    for (const part of expr.parts) {
      if (part.kind !== 'literal') return undefined;
      text += part.value;
    }
    return text;
  }
  return undefined;
}

/** Local module sources start with ./ or ../ : https://developer.hashicorp.com/terraform/language/modules/sources#local-paths */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}
