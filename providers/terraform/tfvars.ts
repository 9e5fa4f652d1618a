import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { readTextFile } from '../read-text-file';
import type { HclParser } from './parse';
import type { EvalContext } from './hcl/context';
import { BudgetExceededError, createBudget } from './hcl/context';
import { evaluateOrUnknown } from './hcl/evaluate';
import { compareStrings, objectFrom, unknownValue } from './hcl/value';
import type { TfValue } from './model';

export interface VariableFilesResult {
  readonly values: Map<string, TfValue>;
  readonly diagnostics: Diagnostic[];
  readonly filesRead: number;
}

/**
 * Values for a root module's variables, in Terraform's precedence (later wins): terraform.tfvars,
 * terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then each --var-file in order.
 * https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
 */
export function readVariableFiles(rootDir: string, varFiles: readonly string[], parser: HclParser, maxBytes: number): VariableFilesResult {
  const values = new Map<string, TfValue>();
  const diagnostics: Diagnostic[] = [];
  let filesRead = 0;
  for (const file of [...autoLoadedFiles(rootDir), ...varFiles.map((path) => resolve(path))]) {
    const read = readTextFile(file, maxBytes);
    if ('diagnostic' in read) {
      diagnostics.push({ ...read.diagnostic, provider: 'terraform' });
      continue;
    }
    filesRead++;
    const parsed = file.endsWith('.json') ? fromJsonText(read.text, file, diagnostics) : fromHclText(read.text, file, parser, diagnostics);
    for (const [name, value] of parsed) values.set(name, value);
  }
  return { values, diagnostics, filesRead };
}

function autoLoadedFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // The directory was listed by discovery a moment ago; if it is gone there is nothing to auto-load.
    return [];
  }
  const auto = names.filter((name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort(compareStrings);
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)), ...auto].map((name) => join(dir, name));
}

function fromJsonText(text: string, file: string, diagnostics: Diagnostic[]): [string, TfValue][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    diagnostics.push({ severity: 'error', message: `invalid JSON in ${basename(file)}: ${error instanceof Error ? error.message : String(error)}`, file, provider: 'terraform' });
    return [];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.push({ severity: 'error', message: `${basename(file)} must hold a JSON object of variable values`, file, provider: 'terraform' });
    return [];
  }
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => [name, fromJson(value)]);
}

function fromJson(value: unknown): TfValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') return objectFrom(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, fromJson(item)]));
  return null;
}

/** .tfvars values are constant expressions: references and unknown functions evaluate to unknown. */
function fromHclText(text: string, file: string, parser: HclParser, diagnostics: Diagnostic[]): [string, TfValue][] {
  const parsed = parser.parse(text, file);
  diagnostics.push(...parsed.diagnostics);
  const context: EvalContext = {
    resolver: { resolve: (_name, _steps, exprText) => unknownValue(exprText) },
    bindings: new Map(),
    refs: new Set(),
    budget: createBudget(),
  };
  return parsed.file.body.attributes.map((attribute) => {
    try {
      return [attribute.name, evaluateOrUnknown(attribute.expr, context)];
    } catch (error) {
      if (error instanceof BudgetExceededError) return [attribute.name, unknownValue(attribute.expr.text)];
      throw error;
    }
  });
}
