import { loadTemplateText } from './cfn-helpers';

// Multi-level base paths (`orders/v1`) of a REST API are written as AWS::ApiGatewayV2::ApiMapping on a REST custom
// domain (AWS::ApiGateway::DomainName), as CDK's `addApiMapping` and DomainName `basePath: 'a/b'` synthesize them.
const TEMPLATE = `
Resources:
  Orders:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: orders, EndpointConfiguration: { Types: [REGIONAL] } }
  OrdersDeployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Orders }
  OrdersProd:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Orders, DeploymentId: !Ref OrdersDeployment, StageName: prod }
  Billing:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: billing, EndpointConfiguration: { Types: [REGIONAL] } }
  BillingDeployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Billing, StageName: live }
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/x, SecurityPolicy: TLS_1_2, EndpointConfiguration: { Types: [REGIONAL] } }
  OrdersV1:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties: { DomainName: !Ref Domain, ApiId: !Ref Orders, Stage: !Ref OrdersProd, ApiMappingKey: orders/v1 }
  BillingV1:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties: { DomainName: api.example.com, ApiId: !Ref Billing, Stage: live, ApiMappingKey: billing/v1 }
`;

describe('AWS::ApiGatewayV2::ApiMapping of a REST API', () => {
  it('links the REST custom domain to the mapped stage, by reference or by name', async () => {
    const { graph } = await loadTemplateText(TEMPLATE);
    expect(graph.out('cloudformation:template.yaml:Domain', 'domain-serves').map((n) => n.name).sort()).toEqual(['BillingDeployment', 'OrdersProd']);
  });
});
