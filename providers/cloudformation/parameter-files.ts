import type { Diagnostic } from '../../src/graph/diagnostic';
import { readTextFile } from '../read-text-file';
import { parseYaml } from '../yaml/parse';
import { isRecord } from '../is-record';

/**
 * Parameter overrides from files (later files win) and from direct values (which win over files).
 * Formats: https://docs.aws.amazon.com/cli/latest/reference/cloudformation/create-stack.html (`--parameters file://`),
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/continuous-delivery-codepipeline-cfn-artifacts.html#w2ab1c21c15c15
 * (template configuration), and `aws cloudformation deploy --parameter-overrides` (`Key=Value`).
 */
export function readParameterOverrides(
  files: readonly string[], direct: Readonly<Record<string, string>>, maxBytes: number | undefined,
): { overrides: Map<string, string>; diagnostics: Diagnostic[] } {
  const overrides = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = readTextFile(file, maxBytes);
    if ('diagnostic' in read) {
      diagnostics.push({ ...read.diagnostic, provider: 'cloudformation' });
      continue;
    }
    const parsed = parseYaml(read.text, file);
    const entries = parsed.ok ? overridesIn(parsed.value) : undefined;
    if (!entries) {
      diagnostics.push({
        severity: 'error', file, provider: 'cloudformation',
        message: parsed.ok ? 'not a CloudFormation parameters file (a list of ParameterKey/ParameterValue, {"Parameters": {...}}, a mapping, or Key=Value strings)' : `cannot parse the parameters file: ${parsed.reason}`,
        ...(!parsed.ok && parsed.line !== undefined && { line: parsed.line }),
      });
      continue;
    }
    for (const [key, value] of entries) overrides.set(key, value);
  }
  for (const [key, value] of Object.entries(direct)) overrides.set(key, value);
  return { overrides, diagnostics };
}

function overridesIn(value: unknown): [string, string][] | undefined {
  if (Array.isArray(value)) {
    const entries: [string, string][] = [];
    for (const item of value) {
      if (typeof item === 'string' && item.includes('=')) entries.push([item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]);
      else if (isRecord(item) && typeof item['ParameterKey'] === 'string' && isScalar(item['ParameterValue'])) entries.push([item['ParameterKey'], String(item['ParameterValue'])]);
      else if (!(isRecord(item) && item['UsePreviousValue'] === true)) return undefined;
    }
    return entries;
  }
  if (!isRecord(value)) return undefined;
  const map = isRecord(value['Parameters']) ? value['Parameters'] : value;
  const entries: [string, string][] = [];
  for (const [key, item] of Object.entries(map)) {
    if (isScalar(item)) entries.push([key, String(item)]);
    else if (Array.isArray(item) && item.every(isScalar)) entries.push([key, item.map(String).join(',')]);
    else if (map === value['Parameters']) return undefined;
  }
  return entries;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

