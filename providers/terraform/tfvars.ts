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
import { fileSource, type FileSource } from '../../src/graph/source';
import { lazyJsonKeyLines } from '../json-key-lines';

export interface VariableFilesResult {
  readonly values: Map<string, TfValue>;
  /** Where each value is written: the line of the file that gives it. */
  readonly sources: Map<string, FileSource>;
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
  const sources = new Map<string, FileSource>();
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
    for (const [name, value, line] of parsed) {
      values.set(name, value);
      sources.set(name, fileSource(file, line));
    }
  }
  return { values, sources, diagnostics, filesRead };
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

/** A variable's name, value and the line that gives it. */
type VariableValue = [name: string, value: TfValue, line: number | undefined];

function fromJsonText(text: string, file: string, diagnostics: Diagnostic[]): VariableValue[] {
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
  const lines = lazyJsonKeyLines(text);
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => [name, fromJson(value), lines.at([name])?.line]);
}

function fromJson(value: unknown): TfValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') return objectFrom(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, fromJson(item)]));
  return null;
}

/** .tfvars values are constant expressions: references and unknown functions evaluate to unknown. */
function fromHclText(text: string, file: string, parser: HclParser, diagnostics: Diagnostic[]): VariableValue[] {
  const parsed = parser.parse(text, file);
  diagnostics.push(...parsed.diagnostics);
  const context: EvalContext = {
    resolver: { resolve: (_name, _steps, exprText) => unknownValue(exprText) },
    bindings: new Map(),
    refs: new Set(),
    budget: createBudget(),
  };
  return parsed.file.body.attributes.map((attribute): VariableValue => {
    try {
      return [attribute.name, evaluateOrUnknown(attribute.expr, context), attribute.line];
    } catch (error) {
      if (error instanceof BudgetExceededError) return [attribute.name, unknownValue(attribute.expr.text), attribute.line];
      throw error;
    }
  });
}

/**
 * The variable files among `files` that Terraform does not load by itself (only `terraform.tfvars(.json)` and
 * `*.auto.tfvars(.json)` are) and that `--var-file` does not name: their values are not used, which a notice says
 * (`prod.tfvars`, kept for `terraform apply -var-file=prod.tfvars`, may hold the secrets GW-KEY-001 looks for).
 */
export function unloadedVariableFiles(files: readonly string[], varFiles: readonly string[]): Diagnostic[] {
  const given = new Set(varFiles.map((file) => resolve(file)));
  return files
    .filter((file) => /\.tfvars(\.json)?$/.test(file) && !isAutoLoaded(basename(file)) && !given.has(resolve(file)))
    .map((file) => ({
      severity: 'notice' as const, file, provider: 'terraform',
      message: `${basename(file)} is not loaded by Terraform unless named with -var-file; its values are not used (pass it with --var-file to scan with them)`,
    }));
}

function isAutoLoaded(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}
