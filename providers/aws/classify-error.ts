import { ProviderAuthError } from '../../src/errors';

/** Why a call failed, in the terms the audit reports. */
export type AwsFailureKind =
  | 'access-denied'
  | 'expired-credentials'
  | 'no-credentials'
  | 'invalid-credentials'
  | 'throttled'
  | 'timeout'
  | 'not-found'
  | 'network'
  | 'other';

export interface AwsFailure {
  readonly kind: AwsFailureKind;
  /** The service's error name, e.g. `AccessDeniedException`. */
  readonly code: string;
  /** One line: what went wrong, for the report. */
  readonly message: string;
  /** Set when the failure is about credentials (missing, expired, refused): the whole account could not be read. */
  readonly authError?: ProviderAuthError;
}

// Error names across the services' protocols: API Gateway (restJson1), WAFv2 / Organizations (awsJson1_1),
// CloudFront (restXml), STS (query); https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError', 'WAFAccessDeniedException']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature']);
const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded', 'SlowDown', 'RequestThrottledException']);
const NOT_FOUND = new Set(['NotFoundException', 'WAFNonexistentItemException', 'NoSuchDistribution', 'ResourceNotFoundException']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH']);

/** Turns whatever an SDK call rejected with into a reportable failure. Never throws. */
export function classifyAwsError(error: unknown): AwsFailure {
  const fields = errorFields(error);
  const kind = kindOf(fields);
  const text = oneLine(fields.message);
  const message = `${describe(kind)} (${fields.name}${text === '' ? '' : `: ${text}`})`;
  const isAuth = kind === 'expired-credentials' || kind === 'no-credentials' || kind === 'invalid-credentials';
  return { kind, code: fields.name, message, ...(isAuth && { authError: new ProviderAuthError(message, { cause: error }) }) };
}

interface ErrorFields {
  readonly name: string;
  readonly message: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
}

function errorFields(error: unknown): ErrorFields {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error), status: undefined, code: undefined };
  const record = error as Record<string, unknown>;
  const metadata = record['$metadata'];
  const status = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)['httpStatusCode'] : undefined;
  const name = typeof record['name'] === 'string' ? record['name'] : 'Error';
  // Query-protocol errors keep the service's code in `Code`; Node network errors in `code`.
  const code = typeof record['Code'] === 'string' ? record['Code'] : typeof record['code'] === 'string' ? record['code'] : undefined;
  return { name: code !== undefined && name === 'Error' ? code : name, message: typeof record['message'] === 'string' ? record['message'] : '', status: typeof status === 'number' ? status : undefined, code };
}

function kindOf({ name, message, status, code }: ErrorFields): AwsFailureKind {
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (EXPIRED.has(name) || /security token .* expired|token has expired|credentials .* expired/i.test(message)) return 'expired-credentials';
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) return 'no-credentials';
  if (INVALID.has(name)) return 'invalid-credentials';
  if (ACCESS_DENIED.has(name) || (status === 403 && /not authorized|access denied/i.test(message))) return 'access-denied';
  if (NOT_FOUND.has(name) || status === 404) return 'not-found';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'AbortError' || code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'timeout';
  if ((code !== undefined && NETWORK.has(code)) || NETWORK.has(name)) return 'network';
  return 'other';
}

function describe(kind: AwsFailureKind): string {
  switch (kind) {
    case 'access-denied':
      return 'access denied';
    case 'expired-credentials':
      return 'the credentials have expired';
    case 'no-credentials':
      return 'no AWS credentials were found (environment, profile, SSO, web identity or instance role)';
    case 'invalid-credentials':
      return 'the credentials were refused';
    case 'throttled':
      return 'still throttled after retries';
    case 'timeout':
      return 'timed out';
    case 'not-found':
      return 'not found';
    case 'network':
      return 'the endpoint could not be reached';
    case 'other':
      return 'failed';
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}
