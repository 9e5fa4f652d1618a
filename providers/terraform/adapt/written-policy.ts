import { set, unknown, type Attr } from '../../../src/graph/attr';
import type { ResourcePolicy } from '../../../src/graph/kinds';
import { parseResourcePolicy, policyFromDocument } from '../../aws-shared/iam-policy';
import { isRecord } from '../../is-record';
import { isOnlyPlaceholders } from '../hcl/value';
import { isUnknown, type TfBody, type TfValue } from '../model';
import { attribute, readAttr, type Fallback } from './read-attr';
import { withWrittenForms } from './written-form';

/**
 * Reads a resource policy document (`policy` of a REST API or `aws_api_gateway_rest_api_policy`). Most name the API's
 * own `execution_arn` in `Resource`, or a variable in a `Condition`, so the document is known only once applied; its
 * statements are still read, each unknown part written as its template form (`${var.source_ip}`), as long as who is
 * allowed does not hang on one: an `Effect`, a principal or a whole `Condition` written as an unknown value may be
 * `Allow`, `*` or nothing, and then the policy stays unknown.
 */
export function readResourcePolicy(body: TfBody, name: string, fallback?: Fallback<ResourcePolicy | null>): Attr<ResourcePolicy | null> {
  const found = attribute(body, name);
  const value = found?.value;
  if (!found || !isUnknown(value) || value.encoded === undefined) return readAttr(body, name, toResourcePolicy, fallback);
  const document = typeof value.encoded === 'string' ? jsonOf(value.encoded) : withWrittenForms(value.encoded);
  const policy = decidesAccessKnowably(document) ? policyFromDocument(document) : undefined;
  return policy ? set(policy, found.source) : unknown(value.expr, found.source);
}

/** The JSON value of a text; undefined when it is not JSON once written out (then the policy stays unknown). */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toResourcePolicy(value: TfValue): ResourcePolicy | null | undefined {
  return typeof value === 'string' ? (value.trim() === '' ? null : parseResourcePolicy(value)) : undefined;
}

/** A text made of `${...}` alone may become anything once applied (`*`, `Allow`). */
const onlyUnknown = (text: string): boolean => text.includes('${') && isOnlyPlaceholders(text);

/** Whether a policy document (unknown parts written as placeholders) says who is allowed without a placeholder deciding it. */
export function decidesAccessKnowably(document: unknown): boolean {
  if (!isRecord(document)) return false;
  const raw = document['Statement'];
  const statements: unknown[] = Array.isArray(raw) ? raw : [raw];
  return statements.every((statement) => isRecord(statement)
    && !leaves(statement['Effect']).some(onlyUnknown)
    && !leaves(statement['Principal']).some(onlyUnknown)
    && !leaves(statement['NotPrincipal']).some(onlyUnknown)
    && typeof statement['Condition'] !== 'string');
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (isRecord(value)) return Object.values(value).flatMap(leaves);
  return [];
}
