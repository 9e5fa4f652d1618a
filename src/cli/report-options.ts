import { Option, type Command } from 'commander';
import type { ScanResult } from '../engine/scan-result';
import { SEVERITIES, type Severity } from '../engine/policy';
import { buildReport, FORMAT_NAMES } from '../report';
import { exitCodeFor } from './exit-codes';
import type { Io } from './io';
import { outputSpecs, writeOutputs, type OutputSpec } from './outputs';
import { writeBaselineIfAsked, type SuppressionFlags } from './scan-suppressions';

/** The flags every checking command (`scan`, `audit aws`) shares: outputs, threshold, policy selection, suppressions. */
export interface ReportFlags extends SuppressionFlags {
  /** `name` or `name=file`, repeatable (src/cli/outputs.ts). */
  readonly format: string[];
  readonly output?: string;
  readonly failOn: Severity | 'none';
  readonly policy: string[];
  readonly skipPolicy: string[];
  readonly reportUnknown: boolean;
}

/** `--format`, `--output` and `--fail-on`. */
export function addOutputOptions(command: Command): Command {
  return command
    .option(
      '--format <format[=file]>',
      `report format: ${FORMAT_NAMES.join(', ')}; with =file, written to that file (repeatable; at most one to standard output; `
        + 'default text, or github when GITHUB_ACTIONS=true)',
      collect,
      [],
    )
    .option('-o, --output <file>', 'write the standard-output report to a file instead')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'));
}

/** `--policy`, `--skip-policy` and `--report-unknown`. */
export function addPolicyOptions(command: Command): Command {
  return command
    .option('--policy <id>', 'run only this policy: ID, alias or <category>/<slug> (repeatable)', collect, [])
    .option('--skip-policy <id>', 'do not run this policy (repeatable)', collect, [])
    .option('--report-unknown', 'also list checks that could not be verified (unknown values), as info', false);
}

/** `--config`, `--baseline` and `--write-baseline`. */
export function addSuppressionOptions(command: Command): Command {
  return command
    .option('--config <file>', 'configuration file (default: .gatewarden.yml in the working directory or above, up to the repository root)')
    .option('--baseline <file>', 'findings recorded in this baseline are reported as suppressed and do not fail the run')
    .option('--write-baseline <file>', 'record the current findings in this baseline file (they are then reported as suppressed)');
}

/** Checks the output flags before any work is done, so a bad `--format` fails fast. */
export function outputsOf(flags: ReportFlags, io: Io): OutputSpec[] {
  return outputSpecs(flags.format, flags.output, io.env);
}

/**
 * The end every checking command shares: the baseline written if asked, the report built and written in each
 * format, and the exit code decided (0 clean, 1 findings at or above `--fail-on`, 2 input not read unless allowed).
 */
export function reportResult(result: ScanResult, flags: ReportFlags, outputs: readonly OutputSpec[], io: Io, allowUnreadable: boolean): number {
  const withBaseline = writeBaselineIfAsked(result, flags, io);
  const report = buildReport(withBaseline, { cwd: io.cwd, reportUnknown: flags.reportUnknown });
  writeOutputs(report, outputs, flags.failOn, io);
  return exitCodeFor(report, { failOn: flags.failOn, allowUnreadable });
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
