import { Command, InvalidArgumentError } from 'commander';
import { scan } from '../../scan/scan';
import { DEFAULT_MAX_FILE_BYTES } from '../../scan/scan-with';
import type { Io } from '../io';
import { addOutputOptions, addPolicyOptions, addSuppressionOptions, collect, outputsOf, reportResult, type ReportFlags } from '../report-options';
import { loadSuppressionInputs } from '../scan-suppressions';

interface ScanFlags extends ReportFlags {
  readonly varFile: string[];
  readonly cfnParameters: string[];
  readonly cfnParameter: Record<string, string>;
  readonly maxFileSize: number;
  readonly allowUnreadable: boolean;
}

/** `gatewarden scan [paths...]`; `setExitCode` receives the decision of {@link exitCodeFor}. */
export function scanCommand(io: Io, setExitCode: (code: number) => void): Command {
  const command = new Command('scan')
    .description('Check infrastructure code (Terraform and plans, CloudFormation/SAM, Kubernetes) for API security problems')
    .argument('[paths...]', 'files or directories to scan (.git, .terraform and node_modules are skipped)', ['.']);
  addOutputOptions(command)
    .option('--var-file <file>', 'Terraform variables file, after terraform.tfvars and *.auto.tfvars (repeatable)', collect, [])
    .option('--cfn-parameters <file>', 'CloudFormation parameter values file (CLI JSON, CodePipeline configuration or Key: Value), later files win (repeatable)', collect, [])
    .option('--cfn-parameter <key=value>', 'CloudFormation parameter value; wins over --cfn-parameters (repeatable)', collectKeyValue, {});
  addPolicyOptions(command)
    .option('--max-file-size <bytes>', 'larger files are reported as errors instead of read', parseBytes, DEFAULT_MAX_FILE_BYTES)
    .option('--allow-unreadable', 'files that cannot be read or parsed are still listed, but no longer force exit code 2', false);
  return addSuppressionOptions(command)
    .action(async (paths: string[], flags: ScanFlags) => {
      setExitCode(await runScan(paths, flags, io));
    });
}

async function runScan(paths: readonly string[], flags: ScanFlags, io: Io): Promise<number> {
  const outputs = outputsOf(flags, io);
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
  return reportResult(scanned, flags, outputs, io, flags.allowUnreadable);
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
