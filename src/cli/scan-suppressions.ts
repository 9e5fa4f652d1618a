import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinPolicies } from '../../policies';
import { parseYamlDocument } from '../../providers/yaml/parse';
import { createBaseline, formatBaseline, parseBaseline } from '../engine/baseline';
import type { GatewardenConfig } from '../engine/config';
import type { ScanResult } from '../engine/scan-result';
import { applyBaseline, type BaselineFilter } from '../engine/suppressions';
import { UsageError } from '../errors';
import { TOOL } from '../report/tool';
import { loadConfig } from '../scan/load-config';
import type { Io } from './io';

export interface SuppressionFlags {
  /** `--config FILE`; else `.gatewarden.yml` is searched for upward from the working directory. */
  readonly config?: string;
  /** `--baseline FILE`. */
  readonly baseline?: string;
  /** `--write-baseline FILE`. */
  readonly writeBaseline?: string;
}

/** The config and baseline a scan applies; bad files are errors (exit 2) with a one-line reason. */
export function loadSuppressionInputs(flags: SuppressionFlags, io: Io): { config?: GatewardenConfig; baseline?: BaselineFilter } {
  const config = loadConfig({ ...(flags.config !== undefined && { file: flags.config }), cwd: io.cwd, parseYaml: parseYamlDocument, policies: builtinPolicies });
  const baseline = flags.baseline !== undefined ? readBaseline(flags.baseline, io.cwd) : undefined;
  return { ...(config && { config }), ...(baseline && { baseline }) };
}

function readBaseline(given: string, cwd: string): BaselineFilter {
  const file = path.resolve(cwd, given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${given}`, { cause: error });
  }
  return { label: given, file, fingerprints: parseBaseline(text, given) };
}

/**
 * `--write-baseline FILE`: records the current findings, then reports them as accepted by that baseline, since
 * that is what the next run with `--baseline FILE` will do.
 */
export function writeBaselineIfAsked(result: ScanResult, flags: SuppressionFlags, io: Io, now: Date = new Date()): ScanResult {
  const given = flags.writeBaseline;
  if (given === undefined) return result;
  const file = path.resolve(io.cwd, given);
  const baseline = createBaseline(result.results, TOOL, now);
  try {
    io.writeFile(file, formatBaseline(baseline));
  } catch (error) {
    throw new UsageError(`cannot write the baseline to ${given}`, { cause: error });
  }
  const fingerprints = new Set(baseline.findings.map((f) => f.fingerprint));
  return { ...result, results: applyBaseline(result.results, { label: given, file, fingerprints }) };
}
