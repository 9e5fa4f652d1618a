import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings the command line and the GitHub Action run with. A scan is short and runs its code cold; on the
 * 2-core machines CI usually has, the optimising compiler's inlining takes a core away from the scan and buys it no
 * speed: on a 56 MB plan, with inlining off the main thread does the same work in the same CPU time but waits
 * ~100 ms less for a core, and the process uses ~270 ms less CPU (docs/hcl-parser.md, "Tenth round"). Large HCL
 * scans take the same time either way. Only the CLI sets them: a library must not change the flags of the process
 * that embeds it.
 */
export const CLI_V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Sets {@link flagsToSet}, before the scan's code runs hot. Returns the flags set. */
export function applyCliV8Flags(): string[] {
  const flags = flagsToSet(process.execArgv, process.env);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}

/**
 * {@link CLI_V8_FLAGS} but those whose setting the user chose on the node command line (`node --turbo-inlining
 * bin/gatewarden.js`): theirs stands. None with `GATEWARDEN_V8_DEFAULTS=1`, which the Action's users can set (node
 * does not take V8 flags like these in NODE_OPTIONS).
 */
export function flagsToSet(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  if (env['GATEWARDEN_V8_DEFAULTS'] === '1') return [];
  const chosen = new Set(execArgv.map(flagName));
  return CLI_V8_FLAGS.filter((flag) => !chosen.has(flagName(flag)));
}

/** `--no-turbo-inlining`, `--turbo_inlining=false` → `turbo-inlining`: V8 takes `_` and `-` alike. */
function flagName(arg: string): string {
  return arg.replace(/^--/, '').replace(/=.*$/, '').replace(/^no[-_]/, '').replaceAll('_', '-');
}
