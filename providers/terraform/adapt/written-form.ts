import { isOnlyPlaceholders, placeholderOf } from '../hcl/value';
import { isUnknown, type TfUnknown, type TfValue } from '../model';

/**
 * How a value known only at apply time is written, when that tells it is a non-empty string: a resource's `id` or
 * `arn` (`${aws_cognito_user_pool_client.web.id}`), or a template with text of its own around what is unknown
 * (`https://${var.host}/api`). Undefined otherwise (`var.x`, `"${var.a}${var.b}"`): the value may be anything, even
 * empty, or not a string at all.
 */
export function writtenForm(value: TfUnknown): string | undefined {
  if (typeof value.encoded === 'string') return isOnlyPlaceholders(value.encoded) ? undefined : value.encoded;
  return value.nonEmptyString === true ? placeholderOf(value.expr) : undefined;
}

/**
 * An encoded document (an OpenAPI body, a resource policy) whose leaves are partly unknown
 * (`uri = aws_lambda_function.x.invoke_arn`): each unknown leaf becomes its written form ({@link writtenForm}), else a
 * placeholder of its expression (`${var.pool_arn}`), as CloudFormation documents read `!Sub` values as their template
 * text; a nested `jsonencode` (a policy written in a body) is kept as the value it encodes. Readers decide where a
 * placeholder may stand: where it would decide who may call an API, the document is not read.
 */
export function withWrittenForms(value: TfValue): TfValue {
  if (isUnknown(value)) return value.encoded !== undefined && typeof value.encoded !== 'string' ? withWrittenForms(value.encoded) : writtenForm(value) ?? placeholderOf(value.expr);
  if (Array.isArray(value)) return (value as readonly TfValue[]).map(withWrittenForms);
  if (typeof value === 'object' && value !== null) {
    const result: { [key: string]: TfValue } = {};
    for (const [key, item] of Object.entries(value as { readonly [key: string]: TfValue })) {
      Object.defineProperty(result, key, { value: withWrittenForms(item), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}
