import { constants } from 'node:buffer';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import { readTextFile } from '../../read-text-file';
import { parsePlanJson, type ParsedPlanJson } from './lean-plan-parse';
import { isObject, objectAt, stringAt, type JsonObject } from './plan-json';

/**
 * Plans are legitimately big (a plan holds every resource's values twice, its prior state and the configuration):
 * 50 MB plans are common in CI, so plan files may be up to 512 MiB, or `maxFileBytes` when that is larger.
 * The ceiling is V8's longest string, which `JSON.parse` needs the whole file in.
 */
export const PLAN_MAX_FILE_BYTES = Math.min(512 * 1024 * 1024, constants.MAX_STRING_LENGTH);

/** Major versions of the JSON output format this reader understands (0.x from Terraform 0.12–1.0, 1.x since). */
const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1']);

export interface PlanDocument {
  readonly file: string;
  /** The file's text, kept to find the line of a resource only when its location is needed. */
  readonly text: string;
  /** A plan (`terraform show -json tfplan`) or a state (`terraform show -json` / `terraform show -json terraform.tfstate`). */
  readonly kind: 'plan' | 'state';
  readonly json: JsonObject;
  /** Where each change of `resource_changes` names its resource, when the parse found it (see {@link ParsedPlanJson}). */
  readonly changeAddressOffsets?: readonly number[];
}

export type PlanReadResult = { readonly document: PlanDocument } | { readonly diagnostic: Diagnostic };

export function readPlanFile(file: string, maxFileBytes: number): PlanReadResult {
  const read = readTextFile(file, Math.max(maxFileBytes, PLAN_MAX_FILE_BYTES));
  if ('diagnostic' in read) return { diagnostic: { ...read.diagnostic, provider: 'terraform' } };
  return parsePlanText(file, read.text);
}

export function parsePlanText(file: string, text: string): PlanReadResult {
  let parsed: ParsedPlanJson;
  try {
    parsed = parsePlanJson(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A file cut short fails at its end: its last line, a trailing newline aside.
    const line = syntaxErrorLine(text, message) ?? (endsInside(text, message) ? lineAt(text, text.length - 1) : undefined);
    return failure(file, `invalid JSON in Terraform plan/state: ${message}${invalidJsonHint(text, message)}`, line);
  }
  const json = parsed.json;
  if (!isObject(json)) return failure(file, 'not a Terraform plan or state: the JSON is not an object');
  const version = stringAt(json, 'format_version');
  if (version === undefined) return failure(file, 'not a Terraform plan or state: format_version is missing');
  if (!SUPPORTED_MAJOR_VERSIONS.has(version.split('.')[0] ?? '')) {
    return failure(file, `unsupported Terraform JSON format_version "${version}" (this version of gatewarden reads 0.x and 1.x)`);
  }
  if (objectAt(json, 'planned_values') !== undefined || Array.isArray(json['resource_changes'])) {
    const offsets = parsed.changeAddressOffsets;
    return { document: { file, text, kind: 'plan', json, ...(offsets && { changeAddressOffsets: offsets }) } };
  }
  if (objectAt(json, 'values') !== undefined) return { document: { file, text, kind: 'state', json } };
  // `terraform show -json` of an empty state prints no values at all.
  return { diagnostic: { severity: 'warning', message: 'Terraform JSON with neither planned_values nor values (an empty state?); nothing to check', file, provider: 'terraform' } };
}

/** What most often makes a plan file invalid, when the text shows it. */
function invalidJsonHint(text: string, message: string): string {
  // hashicorp/setup-terraform wraps terraform in a script that prints the command and GitHub workflow commands too.
  if (/^\[command\]|^::(?:debug|set-output)/m.test(text.slice(0, 4096))) {
    return ' (the file holds the output of the setup-terraform wrapper, not only the JSON: set terraform_wrapper: false, or run the terraform binary itself)';
  }
  if (endsInside(text, message)) return ' (the file ends inside the JSON: was it cut short?)';
  return '';
}

/** Whether the parser ran out of text: the end of input, or an error at the very end (a string never closed there). */
function endsInside(text: string, message: string): boolean {
  const position = errorPosition(message);
  return /end of JSON input/.test(message) || (position !== undefined && position >= text.trimEnd().length);
}

/** The offset V8 names in `... in JSON at position 1234`. */
function errorPosition(message: string): number | undefined {
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : Number(position);
}

/** The 1-based line of the character at `offset` (the last line past the end). */
function lineAt(text: string, offset: number): number {
  const end = Math.min(offset, text.length);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** V8 says `... in JSON at position 1234` (and, from Node 22, `(line 3 column 5)`). */
function syntaxErrorLine(text: string, message: string): number | undefined {
  const explicit = /\(line (\d+) column \d+\)/.exec(message);
  if (explicit?.[1] !== undefined) return Number(explicit[1]);
  const position = errorPosition(message);
  return position === undefined ? undefined : lineAt(text, position);
}

function failure(file: string, message: string, line?: number): PlanReadResult {
  return { diagnostic: { severity: 'error', message, file, ...(line !== undefined && { line }), provider: 'terraform' } };
}
