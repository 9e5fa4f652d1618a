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
    'and, on private APIs, opens the API to every VPC endpoint.',
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
        policy.value.statements.forEach((statement, index) => {
          if (isUnconditionalWildcardAllow(statement)) {
            outcomes.push(fail(
              `\`${api.name}\` resource policy allows anyone (Principal *) ${describeActions(statement.actions)} without a condition (statement ${index + 1})`,
              policy.source ?? api.source,
              { key: `statement-${index + 1}` },
            ));
          }
        });
        return outcomes.length === 0 ? pass() : outcomes;
      }
    }
  },
});

function isUnconditionalWildcardAllow(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && statement.principals.includes('*') && !statement.hasCondition;
}

function describeActions(actions: readonly string[]): string {
  if (actions.length === 0) return 'to call any action';
  return `to call ${actions.map((a) => `\`${a}\``).join(', ')}`;
}
