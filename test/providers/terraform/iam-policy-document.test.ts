import { readTree, valueOf } from './tf-helpers';

/** `data.aws_iam_policy_document.x.json` through the real reader, as the AWS provider renders it. */
async function json(document: string): Promise<unknown> {
  const result = await readTree({
    'main.tf': `variable "unknown" {}\nresource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\n${document}\nresource "aws_test" "t" {\n  value = data.aws_iam_policy_document.doc.json\n}\n`,
  });
  return valueOf(result, 'aws_test.t', 'value');
}

describe('aws_iam_policy_document', () => {
  it('renders statements, principals and conditions; a list of one as its item', async () => {
    const value = await json(`data "aws_iam_policy_document" "doc" {
  policy_id = "api"
  statement {
    sid       = "vpce"
    actions   = ["execute-api:Invoke"]
    resources = ["arn:aws:execute-api:*:*:*", "arn:aws:execute-api:*:*:x"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1"]
    }
  }
  statement {
    effect      = "Deny"
    not_actions = ["execute-api:Invoke"]
    resources   = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`);
    expect(typeof value).toBe('string');
    expect(JSON.parse(value as string)).toEqual({
      Version: '2012-10-17',
      Id: 'api',
      Statement: [
        {
          Sid: 'vpce', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: ['arn:aws:execute-api:*:*:*', 'arn:aws:execute-api:*:*:x'],
          Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
        },
        { Effect: 'Deny', NotAction: 'execute-api:Invoke', Resource: '*', Principal: '*' },
      ],
    });
  });

  it('keeps what it is known to encode when a value is known only once applied', async () => {
    const value = await json('data "aws_iam_policy_document" "doc" {\n  statement {\n    actions   = ["execute-api:Invoke"]\n    resources = ["${aws_api_gateway_rest_api.api.execution_arn}/*"]\n  }\n}');
    expect(value).toMatchObject({ unknown: true, encoded: { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: expect.objectContaining({ unknown: true }) as unknown }] } });
  });

  it.each([
    ['a dynamic statement', 'data "aws_iam_policy_document" "doc" {\n  dynamic "statement" {\n    for_each = ["a"]\n    content {\n      actions = ["x"]\n    }\n  }\n}'],
    ['a merged source document', 'data "aws_iam_policy_document" "doc" {\n  source_policy_documents = [var.unknown]\n  statement {\n    actions = ["x"]\n  }\n}'],
  ])('is unknown with %s', async (_name, document) => {
    expect(await json(document)).toEqual({ unknown: true, expr: 'data.aws_iam_policy_document.doc.json' });
  });

  it('adds the values of condition blocks with the same test and key, as the provider merges them', async () => {
    const condition = (value: string) => `    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceVpce"\n      values   = ["${value}"]\n    }\n`;
    const value = await json(`data "aws_iam_policy_document" "doc" {\n  statement {\n    actions = ["x"]\n${condition('vpce-a')}${condition('vpce-b')}  }\n}`);
    expect((JSON.parse(value as string) as { Statement: { Condition: unknown }[] }).Statement[0]?.Condition).toEqual({ StringEquals: { 'aws:SourceVpce': ['vpce-a', 'vpce-b'] } });
  });
});
