/** Errors the tool reports as one line plus its reason; anything else is a bug. */
export class GatewardenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command line: unknown option, bad value. Exit 2. */
export class UsageError extends GatewardenError {}

/** Bad configuration file. Exit 2. */
export class ConfigError extends GatewardenError {}

/** An input that could not be read or parsed. */
export class SourceError extends GatewardenError {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, message: string, line?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
    this.line = line;
  }
}

/** Credentials missing, expired or refused by a cloud provider. */
export class ProviderAuthError extends GatewardenError {}

/** A broken invariant inside gatewarden. */
export class InternalError extends GatewardenError {}
