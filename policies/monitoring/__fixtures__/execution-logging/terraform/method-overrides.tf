# Per-method logging levels (method_path "orders/GET"): a stage whose every route logs through its own setting writes
# execution logs; one whose every route turns logging off writes none, whatever the stage-wide level says.
resource "aws_api_gateway_rest_api" "every_route" {
  name = "every_route"
}

resource "aws_api_gateway_resource" "every_route_orders" {
  rest_api_id = aws_api_gateway_rest_api.every_route.id
  parent_id   = aws_api_gateway_rest_api.every_route.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "every_route_get" {
  rest_api_id   = aws_api_gateway_rest_api.every_route.id
  resource_id   = aws_api_gateway_resource.every_route_orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_stage" "pass_every_route_logs" {
  rest_api_id   = aws_api_gateway_rest_api.every_route.id
  deployment_id = "d-every_route"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "every_route_get" {
  rest_api_id = aws_api_gateway_rest_api.every_route.id
  stage_name  = aws_api_gateway_stage.pass_every_route_logs.stage_name
  method_path = "orders/GET"
  settings {
    logging_level = "ERROR"
  }
}

resource "aws_api_gateway_rest_api" "route_off" {
  name = "route_off"
}

resource "aws_api_gateway_resource" "route_off_orders" {
  rest_api_id = aws_api_gateway_rest_api.route_off.id
  parent_id   = aws_api_gateway_rest_api.route_off.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "route_off_get" {
  rest_api_id   = aws_api_gateway_rest_api.route_off.id
  resource_id   = aws_api_gateway_resource.route_off_orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_stage" "fail_only_route_turns_logging_off" {
  rest_api_id   = aws_api_gateway_rest_api.route_off.id
  deployment_id = "d-route_off"
  stage_name    = "live"
}

resource "aws_api_gateway_method_settings" "route_off_all" {
  rest_api_id = aws_api_gateway_rest_api.route_off.id
  stage_name  = aws_api_gateway_stage.fail_only_route_turns_logging_off.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}

resource "aws_api_gateway_method_settings" "route_off_get" {
  rest_api_id = aws_api_gateway_rest_api.route_off.id
  stage_name  = aws_api_gateway_stage.fail_only_route_turns_logging_off.stage_name
  method_path = "orders/GET"
  settings {
    logging_level = "OFF"
  }
}
