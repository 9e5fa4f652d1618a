import { Command, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../../engine/policy';
import { buildReport, FORMAT_NAMES } from '../../report';
import { scan } from '../../scan/scan';
import { DEFAULT_MAX_FILE_BYTES } from '../../scan/scan-with';
import { exitCodeFor } from '../exit-codes';
import type { Io } from '../io';
import { outputSpecs, writeOutputs } from '../outputs';
import { loadSuppressionInputs, writeBaselineIfAsked, type SuppressionFlags } from '../scan-suppressions';

interface ScanFlags extends SuppressionFlags {
  /** `name` or `name=file`, repeatable (src/cli/outputs.ts). */
  readonly format: string[];
  readonly output?: string;
  readonly failOn: Severity | 'none';
  readonly varFile: string[];
  readonly cfnParameters: string[];
  readonly cfnParameter: Record<string, string>;
  readonly policy: string[];
  readonly skipPolicy: string[];
  readonly reportUnknown: boolean;
  readonly maxFileSize: number;
  readonly allowUnreadable: boolean;
}

/** `gatewarden scan [paths...]`; `setExitCode` receives the decision of {@link exitCodeFor}. */
export function scanCommand(io: Io, setExitCode: (code: number) => void): Command {
  return new Command('scan')
    .description('Check infrastructure code (Terraform) for API security problems')
    .argument('[paths...]', 'files or directories to scan (.git, .terraform and node_modules are skipped)', ['.'])
    .option(
      '--format <format[=file]>',
      `report format: ${FORMAT_NAMES.join(', ')}; with =file, written to that file (repeatable; at most one to standard output; `
        + 'default text, or github when GITHUB_ACTIONS=true)',
      collect,
      [],
    )
    .option('-o, --output <file>', 'write the standard-output report to a file instead')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .option('--var-file <file>', 'Terraform variables file, after terraform.tfvars and *.auto.tfvars (repeatable)', collect, [])
    .option('--cfn-parameters <file>', 'CloudFormation parameter values file (CLI JSON, CodePipeline configuration or Key: Value), later files win (repeatable)', collect, [])
    .option('--cfn-parameter <key=value>', 'CloudFormation parameter value; wins over --cfn-parameters (repeatable)', collectKeyValue, {})
    .option('--policy <id>', 'run only this policy: ID, alias or <category>/<slug> (repeatable)', collect, [])
    .option('--skip-policy <id>', 'do not run this policy (repeatable)', collect, [])
    .option('--report-unknown', 'also list checks that could not be verified (unknown values), as info', false)
    .option('--max-file-size <bytes>', 'larger files are reported as errors instead of read', parseBytes, DEFAULT_MAX_FILE_BYTES)
    .option('--allow-unreadable', 'files that cannot be read or parsed are still listed, but no longer force exit code 2', false)
    .option('--config <file>', 'configuration file (default: .gatewarden.yml in the working directory or above, up to the repository root)')
    .option('--baseline <file>', 'findings recorded in this baseline are reported as suppressed and do not fail the run')
    .option('--write-baseline <file>', 'record the current findings in this baseline file (they are then reported as suppressed)')
    .action(async (paths: string[], flags: ScanFlags) => {
      setExitCode(await runScan(paths, flags, io));
    });
}

async function runScan(paths: readonly string[], flags: ScanFlags, io: Io): Promise<number> {
  const outputs = outputSpecs(flags.format, flags.output, io.env);
  const suppressionInputs = loadSuppressionInputs(flags, io);
  const scanned = await scan({
    ...suppressionInputs,
    paths,
    cwd: io.cwd,
    varFiles: flags.varFile,
    cfnParameterFiles: flags.cfnParameters,
    cfnParameters: flags.cfnParameter,
    maxFileBytes: flags.maxFileSize,
    only: flags.policy,
    skip: flags.skipPolicy,
  });
  const result = writeBaselineIfAsked(scanned, flags, io);
  const report = buildReport(result, { cwd: io.cwd, reportUnknown: flags.reportUnknown });
  writeOutputs(report, outputs, flags.failOn, io);
  return exitCodeFor(report, { failOn: flags.failOn, allowUnreadable: flags.allowUnreadable });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectKeyValue(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected Key=Value, e.g. Stage=prod');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function parseBytes(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a positive number of bytes, e.g. 10485760');
  }
  return Number(value);
}
