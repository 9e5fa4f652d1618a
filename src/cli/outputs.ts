import * as path from 'node:path';
import { UsageError } from '../errors';
import { FORMAT_NAMES, formatJobSummary, formatters, type FormatContext, type FormatName, type Report } from '../report';
import { useColor, type Io } from './io';

/** One `--format` value: `sarif` (standard output) or `sarif=results.sarif` (a file). */
export interface OutputSpec {
  readonly format: FormatName;
  /** As given, relative to the working directory; absent for standard output. */
  readonly file?: string;
}

/**
 * `--format` values → outputs. At most one format goes to standard output (or to `--output`). When no format names
 * standard output, it gets the default: `github` under GitHub Actions (`GITHUB_ACTIONS=true`), else `text`; so
 * `--format sarif=results.sarif` still shows the findings in the log.
 */
export function outputSpecs(values: readonly string[], output: string | undefined, env: Io['env']): OutputSpec[] {
  const specs = values.map(parseSpec);
  const toStdout = specs.filter((s) => s.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`only one --format may write to standard output, got ${toStdout.map((s) => s.format).join(' and ')}; give the others a file: --format sarif=results.sarif`);
  }
  const stdoutSpec = toStdout[0] ?? { format: env.GITHUB_ACTIONS === 'true' ? 'github' : 'text' };
  const files = specs.filter((s) => s.file !== undefined);
  const all = [output !== undefined ? { format: stdoutSpec.format, file: output } : stdoutSpec, ...files];
  const seen = new Set<string>();
  for (const s of all) {
    if (s.file === undefined) continue;
    if (seen.has(s.file)) throw new UsageError(`two reports would be written to ${s.file}`);
    seen.add(s.file);
  }
  return all;
}

function parseSpec(value: string): OutputSpec {
  const eq = value.indexOf('=');
  const name = (eq < 0 ? value : value.slice(0, eq)).trim();
  const file = eq < 0 ? undefined : value.slice(eq + 1).trim();
  if (!isFormatName(name)) {
    throw new UsageError(`unknown format "${name}"; valid formats: ${FORMAT_NAMES.join(', ')} (write one to a file with --format <format>=<file>)`);
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
  return { format: name, ...(file !== undefined && { file }) };
}

function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/**
 * Writes every report: files first (so a full disk is reported before anything is printed), then standard output,
 * then the GitHub job summary when `$GITHUB_STEP_SUMMARY` is set. Formatters are pure; this is the only writer.
 */
export function writeOutputs(report: Report, specs: readonly OutputSpec[], failOn: FormatContext['failOn'], io: Io): void {
  io.onReport?.(report);
  for (const spec of specs) {
    if (spec.file === undefined) continue;
    const text = formatters[spec.format](report, { color: false, failOn });
    try {
      io.writeFile(path.resolve(io.cwd, spec.file), text);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${spec.file}`, { cause: error });
    }
  }
  for (const spec of specs) {
    if (spec.file === undefined) io.stdout(formatters[spec.format](report, { color: spec.format === 'text' && useColor(io), failOn }));
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile !== undefined && summaryFile !== '') {
    try {
      io.appendFile(summaryFile, formatJobSummary(report, { color: false, failOn }));
    } catch (error) {
      throw new UsageError(`cannot append the job summary to GITHUB_STEP_SUMMARY (${summaryFile})`, { cause: error });
    }
  }
}
