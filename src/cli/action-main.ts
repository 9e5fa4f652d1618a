import { runAction } from './action';

/** Entry point of the composite action in action.yml; sets the exit code through the CLI, never calls process.exit(). */
void runAction();
