import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../../engine/policy';
import { UsageError } from '../../errors';
import { buildReport, formatters, FORMAT_NAMES, type FormatName } from '../../report';
import { scan } from '../../scan/scan';
import { DEFAULT_MAX_FILE_BYTES } from '../../scan/scan-with';
import { exitCodeFor } from '../exit-codes';
import { useColor, type Io } from '../io';

interface ScanFlags {
  readonly format: FormatName;
  readonly output?: string;
  readonly failOn: Severity | 'none';
  readonly varFile: string[];
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
    .addOption(new Option('--format <format>', 'report format').choices(FORMAT_NAMES).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .option('--var-file <file>', 'Terraform variables file, after terraform.tfvars and *.auto.tfvars (repeatable)', collect, [])
    .option('--policy <id>', 'run only this policy: ID, alias or <category>/<slug> (repeatable)', collect, [])
    .option('--skip-policy <id>', 'do not run this policy (repeatable)', collect, [])
    .option('--report-unknown', 'also list checks that could not be verified (unknown values), as info', false)
    .option('--max-file-size <bytes>', 'larger files are reported as errors instead of read', parseBytes, DEFAULT_MAX_FILE_BYTES)
    .option('--allow-unreadable', 'files that cannot be read or parsed are still listed, but no longer force exit code 2', false)
    .action(async (paths: string[], flags: ScanFlags) => {
      setExitCode(await runScan(paths, flags, io));
    });
}

async function runScan(paths: readonly string[], flags: ScanFlags, io: Io): Promise<number> {
  const result = await scan({
    paths,
    cwd: io.cwd,
    varFiles: flags.varFile,
    maxFileBytes: flags.maxFileSize,
    only: flags.policy,
    skip: flags.skipPolicy,
  });
  const report = buildReport(result, { cwd: io.cwd, reportUnknown: flags.reportUnknown });
  const toFile = flags.output !== undefined;
  const text = formatters[flags.format](report, { color: !toFile && useColor(io), failOn: flags.failOn });
  if (flags.output !== undefined) {
    const target = path.resolve(io.cwd, flags.output);
    try {
      io.writeFile(target, text);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${flags.output}`, { cause: error });
    }
  } else {
    io.stdout(text);
  }
  return exitCodeFor(report, { failOn: flags.failOn, allowUnreadable: flags.allowUnreadable });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseBytes(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a positive number of bytes, e.g. 10485760');
  }
  return Number(value);
}
