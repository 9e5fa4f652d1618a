import { runAction } from './action';
import { applyCliV8Flags } from './v8-flags';

/** Entry point of the composite action in action.yml; sets the exit code through the CLI, never calls process.exit(). */
applyCliV8Flags();
void runAction();
