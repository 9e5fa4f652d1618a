import { adaptTree } from './tf-helpers';

/** REST API resource policies that name values known only once applied (the API's own execution_arn, a variable). */

const api = (policy: string) => `
variable "allowed_cidr" {}
variable "principal" {}
variable "condition" {}
variable "public" {}
variable "account_arn" {}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_rest_api_policy" "policy" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  policy      = ${policy}
}
`;

const statement = (fields: string) => `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "execute-api:Invoke"
      Resource = "\${aws_api_gateway_rest_api.api.execution_arn}/*"
      ${fields}
    }]
  })`;

async function policyOf(policy: string) {
  const { node } = await adaptTree(api(policy));
  return node('terraform:aws_api_gateway_rest_api.api')?.attrs;
}

describe('a resource policy known only once applied', () => {
  it('is read from a heredoc whose Resource is the execution_arn: anyone, unconditionally', async () => {
    const heredoc = `<<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "execute-api:Invoke",
    "Resource": "\${aws_api_gateway_rest_api.api.execution_arn}/*/*/*"
  }]
}
EOF`;
    expect(await policyOf(heredoc)).toMatchObject({
      resourcePolicy: { state: 'set', value: { statements: [{ effect: 'Allow', principals: ['*'], hasCondition: false }] } },
    });
  });

  it('is read from jsonencode with a condition on a variable: the condition is there', async () => {
    expect(await policyOf(statement('Principal = "*"\n      Condition = { IpAddress = { "aws:SourceIp" = var.allowed_cidr } }'))).toMatchObject({
      resourcePolicy: { state: 'set', value: { statements: [{ principals: ['*'], hasCondition: true }] } },
    });
  });

  it('keeps a principal built around a variable as written (it cannot be `*`)', async () => {
    expect(await policyOf(statement('Principal = { AWS = "arn:aws:iam::\${var.principal}:root" }'))).toMatchObject({
      resourcePolicy: { state: 'set', value: { statements: [{ principals: ['arn:aws:iam::${var.principal}:root'] }] } },
    });
  });

  it.each([
    ['a principal that is a variable', 'Principal = var.principal'],
    ['a condition that is a variable', 'Principal = "*"\n      Condition = var.condition'],
  ])('stays unknown with %s: it may be `*` or nothing', async (_name, fields) => {
    expect(await policyOf(statement(fields))).toMatchObject({ resourcePolicy: { state: 'unknown' } });
  });

  it.each([
    ['a conditional principal', 'Principal = var.public ? "*" : { AWS = var.account_arn }'],
    ['a principal template with a directive', 'Principal = { AWS = "%{if var.public}*%{else}${var.account_arn}%{endif}" }'],
    ['a principal made of two unknowns', 'Principal = { AWS = "${var.principal}${var.account_arn}" }'],
  ])('stays unknown with %s (it may be anyone)', async (_name, principal) => {
    expect(await policyOf(statement(principal))).toMatchObject({ resourcePolicy: { state: 'unknown' } });
  });
});
