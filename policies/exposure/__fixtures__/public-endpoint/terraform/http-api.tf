# HTTP APIs are regional and public; a quick-create API has an unauthenticated $default route.

resource "aws_lambda_function" "handler" {
  function_name = "webhook"
  role          = "arn:aws:iam::123456789012:role/webhook-lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "webhook.zip"
}

resource "aws_apigatewayv2_api" "fail_quick_create" {
  name          = "webhook"
  protocol_type = "HTTP"
  target        = aws_lambda_function.handler.arn
}
