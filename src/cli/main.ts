import { Command, CommanderError } from 'commander';
import { TOOL } from '../report/tool';
import { auditCommand } from './commands/audit';
import { graphCommand } from './commands/graph';
import { policiesCommand } from './commands/policies';
import { scanCommand } from './commands/scan';
import { EXIT_ERROR, EXIT_OK } from './exit-codes';
import { processIo, type Io } from './io';
import { reportError } from './report-error';

/**
 * The command line. Sets the exit code through `io` (0 clean, 1 findings at or above `--fail-on`, 2 the tool could
 * not do its job) and resolves to it; never calls `process.exit()`. `io` replaces the process's streams in tests.
 */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const resolved: Io = { ...processIo(), ...io };
  const debug = argv.includes('--debug');
  let code = EXIT_OK;
  try {
    await createProgram(resolved, (c) => {
      code = c;
    }).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    code = handleError(error, resolved, debug);
  }
  resolved.setExitCode(code);
  return code;
}

function createProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('gatewarden')
    .description('Policy checker for cloud API deployments')
    .version(TOOL.version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces for errors')
    .addCommand(scanCommand(io, setExitCode))
    .addCommand(auditCommand(io, setExitCode))
    .addCommand(policiesCommand(io))
    .addCommand(graphCommand(io, setExitCode));
  // Subcommands copy these settings only when created through .command(); scan and policies are added ready-made.
  for (const command of [program, ...allCommands(program)]) {
    command
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError('(run with --help for usage)')
      .exitOverride();
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Commander has already printed its own usage errors; help and version are successes. */
function handleError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    switch (error.code) {
      case 'commander.helpDisplayed':
      case 'commander.version':
        return EXIT_OK;
      default:
        return EXIT_ERROR;
    }
  }
  reportError(error, io, debug);
  return EXIT_ERROR;
}
