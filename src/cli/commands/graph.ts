import * as path from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../../errors';
import { buildReport } from '../../report';
import { renderDot, renderMermaid } from '../../report/exposure-diagram';
import { scan } from '../../scan/scan';
import { exitCodeFor } from '../exit-codes';
import type { Io } from '../io';
import { collect } from '../report-options';

const DIAGRAM_FORMATS = ['mermaid', 'dot'] as const;
type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

interface GraphFlags {
  readonly format: DiagramFormat;
  readonly output?: string;
  readonly varFile: string[];
}

/**
 * `gatewarden graph [paths...]`: how every API found is reached from the internet (CDN, WAF, domain, API, stage and
 * route, backend), with the nodes that have findings marked. Runs the whole scan to know what is flagged. Exit 0, or
 * 2 when input could not be read or a policy failed (the picture would be incomplete).
 */
export function graphCommand(io: Io, setExitCode: (code: number) => void): Command {
  return new Command('graph')
    .description('Draw how each API is exposed (internet → CDN → WAF → domain → API → stage/route → backend), findings marked')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('--format <format>', 'diagram language').choices(DIAGRAM_FORMATS).default('mermaid'))
    .option('-o, --output <file>', 'write the diagram to a file instead of standard output')
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collect, [])
    .action(async (paths: string[], flags: GraphFlags) => {
      const result = await scan({ paths, cwd: io.cwd, varFiles: flags.varFile });
      const report = buildReport(result, { cwd: io.cwd });
      const text = flags.format === 'dot' ? renderDot(report.exposure) : renderMermaid(report.exposure);
      if (flags.output !== undefined) {
        try {
          io.writeFile(path.resolve(io.cwd, flags.output), text);
        } catch (error) {
          throw new UsageError(`cannot write the diagram to ${flags.output}`, { cause: error });
        }
      } else {
        io.stdout(text);
      }
      for (const e of report.errors) io.stderr(`gatewarden: ${e.severity}: ${e.file ?? e.policy ?? ''}${e.line !== undefined ? `:${e.line}` : ''} ${e.message}\n`);
      setExitCode(exitCodeFor(report, { failOn: 'none', allowUnreadable: false }));
    });
}
