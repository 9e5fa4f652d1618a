import type { PolicyStatement, ResourcePolicy } from '../../src/graph/kinds';
import { isRecord } from '../is-record';

/**
 * Parses an IAM policy document (the JSON string of `policy = jsonencode(...)` or a heredoc) into statements.
 * Returns `undefined` when the text is not a policy document: the caller reports the attribute as unknown.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function parseResourcePolicy(text: string): ResourcePolicy | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // Not JSON: not a policy document we can read, and the caller says so with an unknown attribute.
    return undefined;
  }
  return policyFromDocument(document);
}

/** {@link parseResourcePolicy} of a document already parsed (or built: a `jsonencode` value). */
export function policyFromDocument(document: unknown): ResourcePolicy | undefined {
  if (!isRecord(document)) return undefined;
  const raw = document['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const statements: PolicyStatement[] = [];
  for (const item of list) {
    // A Deny of everything but a list ("deny all but Invoke", "deny everyone but this role") is left out: read as a
    // Deny of everything it would seem to narrow an Allow of what it spares; left out, the policy can only look as
    // open as it is, or more.
    if (isRecord(item) && item['Effect'] === 'Deny' && ('NotAction' in item || 'NotResource' in item || 'NotPrincipal' in item)) continue;
    const statement = parseStatement(item);
    if (!statement) return undefined;
    statements.push(statement);
  }
  return { statements };
}

function parseStatement(item: unknown): PolicyStatement | undefined {
  if (!isRecord(item)) return undefined;
  const effect = item['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  const condition = item['Condition'];
  const sourceIp = sourceIpCondition(condition);
  return {
    effect,
    // `NotPrincipal` with Allow grants everyone but the listed principals: as wide as `*` for our purposes.
    principals: 'NotPrincipal' in item ? ['*'] : principals(item['Principal']),
    // `NotAction` / `NotResource` grant everything but the list: reported as `*` (a Deny with them is left out).
    actions: 'NotAction' in item ? ['*'] : strings(item['Action']),
    resources: 'NotResource' in item ? ['*'] : strings(item['Resource']),
    hasCondition: isRecord(condition) && Object.keys(condition).length > 0,
    ...(sourceIp && { sourceIp }),
  };
}

/**
 * `{"IpAddress": {"aws:SourceIp": [...]}}` (or `NotIpAddress`) as the whole condition: which callers the statement
 * is about. With other conditions beside it, whether the statement applies depends on them too: not read.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
function sourceIpCondition(condition: unknown): PolicyStatement['sourceIp'] {
  if (!isRecord(condition)) return undefined;
  const operators = Object.keys(condition);
  const operator = operators[0];
  if (operators.length !== 1 || (operator !== 'IpAddress' && operator !== 'NotIpAddress')) return undefined;
  const keys = condition[operator];
  if (!isRecord(keys)) return undefined;
  const names = Object.keys(keys);
  if (names.length !== 1 || names[0]?.toLowerCase() !== 'aws:sourceip') return undefined;
  const ranges = strings(keys[names[0]]);
  return ranges.length > 0 ? { negated: operator === 'NotIpAddress', ranges } : undefined;
}

/** `"*"` and `{"AWS": "*"}` both mean anyone; other principals keep their ARN, service or federated name. */
function principals(value: unknown): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!isRecord(value)) return [];
  return Object.values(value).flatMap((v) => strings(v));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

