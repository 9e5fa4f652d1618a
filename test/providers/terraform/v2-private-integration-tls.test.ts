import { adaptTree } from './tf-helpers';

/** HTTP API private integrations (VPC link) name a listener or Cloud Map service, usually by reference. */

const API = `
resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}
`;

describe('an HTTP API private integration whose listener is named by reference', () => {
  const config = (tls: string) => `${API}
resource "aws_lb_listener" "internal" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/1"
  port              = 80
  protocol          = "HTTP"
}

resource "aws_apigatewayv2_vpc_link" "link" {
  name               = "link"
  security_group_ids = []
  subnet_ids         = ["subnet-1"]
}

resource "aws_apigatewayv2_integration" "private" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = aws_lb_listener.internal.arn
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.link.id
  ${tls}
}
`;

  it('does not use TLS without tls_config (the URI of a private integration is always an ARN)', async () => {
    const { node } = await adaptTree(config(''));
    expect(node('terraform:aws_apigatewayv2_integration.private')?.attrs).toMatchObject({
      type: { state: 'set', value: 'http' },
      connection: { state: 'set', value: 'vpc-link' },
      usesTls: { state: 'default', value: false },
    });
  });

  it('uses TLS with tls_config', async () => {
    const { node } = await adaptTree(config('tls_config {\n    server_name_to_verify = "internal.example.com"\n  }'));
    expect(node('terraform:aws_apigatewayv2_integration.private')?.attrs).toMatchObject({ usesTls: { state: 'set', value: true } });
  });

  it('stays unknown on a WebSocket API, whose private integrations name a URL', async () => {
    const { node } = await adaptTree(config('').replace('protocol_type = "HTTP"', 'protocol_type = "WEBSOCKET"'));
    expect(node('terraform:aws_apigatewayv2_integration.private')?.attrs).toMatchObject({ usesTls: { state: 'unknown' } });
  });
});
