import { ConfigError, GatewardenError, InternalError, ProviderAuthError, SourceError, UsageError } from '../errors';
import type { Io } from './io';

interface ErrorLike { readonly message: string; readonly name?: unknown; readonly stack?: unknown; readonly cause?: unknown }

/**
 * Known errors: one line and its root cause (`Reason:`), the stack only with `--debug`.
 * Anything else is a bug: the stack and a request to report it.
 */
export function reportError(error: unknown, io: Io, debug: boolean): void {
  if (error instanceof GatewardenError && !(error instanceof InternalError)) {
    io.stderr(`gatewarden: ${error.message}\nReason: ${rootCause(error)}\n`);
    if (debug) io.stderr(`${stackOf(error)}\n`);
    return;
  }
  io.stderr(
    `gatewarden: internal error: ${messageOf(error)}\n${stackOf(error)}\n`
    + 'This is a bug in gatewarden. Please report it to the maintainers with the command you ran and the output above.\n',
  );
}

/** The deepest `cause` in the chain, or what kind of problem this is when there is none. */
function rootCause(error: GatewardenError): string {
  let deepest: unknown;
  for (let current: unknown = error.cause, depth = 0; current !== undefined && depth < 20; depth += 1) {
    deepest = current;
    current = isErrorLike(current) ? current.cause : undefined;
  }
  if (deepest !== undefined) return messageOf(deepest);
  if (error instanceof UsageError) return 'invalid command line; see `gatewarden --help`';
  if (error instanceof ConfigError) return 'invalid configuration';
  if (error instanceof SourceError) return `input ${error.file}${error.line !== undefined ? `:${error.line}` : ''} could not be read`;
  if (error instanceof ProviderAuthError) return 'the cloud provider refused the credentials';
  return error.message;
}

/** The stack with its causes, so a wrapped error shows where it started. */
function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 20; depth += 1) {
    if (depth > 0) parts.push('Caused by:');
    parts.push(isErrorLike(current) && typeof current.stack === 'string' ? current.stack : messageOf(current));
    current = isErrorLike(current) ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** Duck-typed: errors thrown by Node or a dependency may come from another realm and fail `instanceof Error`. */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}

function messageOf(value: unknown): string {
  return isErrorLike(value) ? value.message : String(value);
}
