# Resource policies written with the aws_iam_policy_document data source, as most Terraform code (and this policy's
# own remediation) writes them: rendered to the JSON the provider would produce.
resource "aws_api_gateway_rest_api" "pass_document_vpce" {
  name   = "pass-document-vpce"
  policy = data.aws_iam_policy_document.vpce_only.json
}

data "aws_iam_policy_document" "vpce_only" {
  statement {
    effect    = "Allow"
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.pass_document_vpce.execution_arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0123456789abcdef0"]
    }
  }
}

resource "aws_api_gateway_rest_api" "fail_document_anyone" {
  name   = "fail-document-anyone"
  policy = data.aws_iam_policy_document.anyone.json
}

data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# A Deny of everything but Invoke does not narrow an Allow of Invoke to anyone.
resource "aws_api_gateway_rest_api" "fail_document_deny_not_action" {
  name   = "fail-document-deny-not-action"
  policy = data.aws_iam_policy_document.deny_not_invoke.json
}

data "aws_iam_policy_document" "deny_not_invoke" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
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
}
