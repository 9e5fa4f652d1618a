import { definePolicy, fail, pass, unknown, type Outcome } from '../../src/engine/policy';
import type { PolicyStatement } from '../../src/graph/kinds';

export default definePolicy({
  id: 'GW-PRIV-001',
  slug: 'resource-policy-wildcard',
  title: 'API resource policies grant access to named principals or under conditions',
  severity: 'high',
  category: 'least-privilege',
  control: 'resource-policy',
  owasp: ['API5:2023', 'API8:2023'],
  target: 'api',
  rationale:
    'A resource policy statement that allows `Principal: "*"` without a condition grants its actions to every caller, in any account, from anywhere. ' +
    'Resource policies exist to narrow access (source VPC or VPC endpoint, source IP range, organisation, account): an unconditional wildcard allow defeats that purpose ' +
    'and, on private APIs, opens the API to every VPC endpoint. An Allow that a Deny on everyone (for example outside an IP range or VPC endpoint) narrows for the same actions and resources is the documented allow-list pattern and passes.',
  remediation: {
    terraform: [
      'data "aws_iam_policy_document" "api" {',
      '  statement {',
      '    effect    = "Allow"',
      '    actions   = ["execute-api:Invoke"]',
      '    resources = ["${aws_api_gateway_rest_api.api.execution_arn}/*"]',
      '    principals {',
      '      type        = "AWS"',
      '      identifiers = ["*"]',
      '    }',
      '    # Narrow the wildcard principal: a VPC endpoint, a source IP range or your organisation',
      '    condition {',
      '      test     = "StringEquals"',
      '      variable = "aws:SourceVpce"',
      '      values   = [aws_vpc_endpoint.execute_api.id]',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_api_gateway_rest_api_policy" "api" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  policy      = data.aws_iam_policy_document.api.json',
      '}',
    ].join('\n'),
    cloudformation: [
      'Api:',
      '  Type: AWS::ApiGateway::RestApi',
      '  Properties:',
      '    Name: orders',
      '    Policy:',
      '      Version: \'2012-10-17\'',
      '      Statement:',
      '        - Effect: Allow',
      '          Principal: \'*\'',
      '          Action: execute-api:Invoke',
      '          Resource: execute-api:/*',
      '          # Narrow the wildcard principal: a VPC endpoint, a source IP range or your organisation',
      '          Condition:',
      '            StringEquals:',
      '              aws:SourceVpce: !Ref ExecuteApiEndpoint',
      '',
      '# SAM: Auth.ResourcePolicy on AWS::Serverless::Api',
      'Api:',
      '  Type: AWS::Serverless::Api',
      '  Properties:',
      '    StageName: prod',
      '    Auth:',
      '      ResourcePolicy:',
      '        CustomStatements:',
      '          - Effect: Allow',
      '            Principal: \'*\'',
      '            Action: execute-api:Invoke',
      '            Resource: execute-api:/*',
      '            Condition:',
      '              StringEquals:',
      '                aws:SourceVpce: !Ref ExecuteApiEndpoint',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous',
  ],
  frameworks: { 'nist-800-53': ['AC-3', 'AC-6'] },
  evaluate(api) {
    const policy = api.attrs.resourcePolicy;
    switch (policy.state) {
      case 'unknown':
        return unknown(`\`${api.name}\`: resource policy is not known statically (${policy.expr ?? 'computed'})`, policy.source ?? api.source);
      case 'set':
      case 'default': {
        // No resource policy is not a wildcard grant: who may call the API is then decided by its authorizers.
        if (policy.value === null) return pass();
        const outcomes: Outcome[] = [];
        const denies = policy.value.statements.filter(isWildcardDeny);
        policy.value.statements.forEach((statement, index) => {
          // AWS's own allow-list pattern: Allow everyone, then Deny everyone outside an IP range or VPC endpoint.
          // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
          if (!isUnconditionalWildcardAllow(statement) || denies.some((deny) => narrows(deny, statement))) return;
          // A Deny of some of what it grants (Invoke) leaves the rest granted: named as what remains.
          const granted = executeApiActions(statement.actions);
          const remaining = granted.filter((action) => !denies.some((deny) => narrows(deny, { ...statement, actions: [action] })));
          if (remaining.length === 0) return;
          outcomes.push(fail(
            `\`${api.name}\` resource policy allows anyone (Principal *) ${describeActions(remaining.length === granted.length ? statement.actions : remaining)} without a condition (statement ${index + 1})`,
            policy.source ?? api.source,
            { key: `statement-${index + 1}` },
          ));
        });
        return outcomes.length === 0 ? pass() : outcomes;
      }
    }
  },
});

/** The actions of API Gateway's execution service: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html */
const EXECUTE_API_ACTIONS = ['execute-api:Invoke', 'execute-api:InvalidateCache', 'execute-api:ManageConnections'];

/** The execution actions a list of action patterns grants (`*`, `execute-api:*`); other patterns stay as written. */
function executeApiActions(actions: readonly string[]): string[] {
  const patterns = actions.length === 0 ? ['*'] : actions;
  return [...new Set(patterns.flatMap((pattern) => {
    const matched = EXECUTE_API_ACTIONS.filter((action) => globCovers(pattern, action));
    return matched.length > 0 ? matched : [pattern];
  }))];
}

function isUnconditionalWildcardAllow(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && statement.principals.includes('*') && !statement.hasCondition;
}

function isWildcardDeny(statement: PolicyStatement): boolean {
  return statement.effect === 'Deny' && statement.principals.includes('*');
}

/** A Deny on everyone that covers every action and resource of the Allow leaves the Allow only to those its condition spares. */
function narrows(deny: PolicyStatement, allow: PolicyStatement): boolean {
  return covers(deny.actions, allow.actions) && covers(deny.resources, allow.resources);
}

/** Every pattern of `inner` is matched by some pattern of `outer` (IAM `*` wildcards; no list means everything). */
function covers(outer: readonly string[], inner: readonly string[]): boolean {
  if (outer.length === 0 || outer.includes('*')) return true;
  const wanted = inner.length === 0 ? ['*'] : inner;
  return wanted.every((pattern) => outer.some((candidate) => globCovers(candidate, pattern)));
}

function globCovers(candidate: string, pattern: string): boolean {
  if (candidate === pattern) return true;
  const regex = new RegExp(`^${candidate.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(pattern);
}

function describeActions(actions: readonly string[]): string {
  if (actions.length === 0) return 'to call any action';
  return `to call ${actions.map((a) => `\`${a}\``).join(', ')}`;
}
