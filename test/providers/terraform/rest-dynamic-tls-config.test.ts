import { adaptTree } from './tf-helpers';

const integration = (tls: string) => `
variable "skip_verification" {}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_integration" "backend" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_rest_api.api.root_resource_id
  http_method             = "GET"
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://orders.example.com/"
${tls}
}
`;

describe('a REST integration whose tls_config is a dynamic block', () => {
  it('does not claim certificate verification when the for_each is not known (it may skip verification)', async () => {
    const { nodes } = await adaptTree(integration('  dynamic "tls_config" {\n    for_each = var.skip_verification ? [1] : []\n    content {\n      insecure_skip_verification = true\n    }\n  }'));
    const backend = nodes.find((n) => n.kind === 'api.backend');
    expect(backend?.attrs).toMatchObject({ verifiesCertificate: { state: 'unknown' } });
  });

  it('verifies certificates without any tls_config', async () => {
    const { nodes } = await adaptTree(integration(''));
    expect(nodes.find((n) => n.kind === 'api.backend')?.attrs).toMatchObject({ verifiesCertificate: { state: 'default', value: true } });
  });
});
