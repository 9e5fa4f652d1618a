import { authorizationOf, loadTemplateText } from './cfn-helpers';

// SAM puts the DefaultAuthorizer on every operation of an inline DefinitionBody, in both branches of a path item
// chosen by Fn::If (CloudFormation picks the branch after the transform).
describe('SAM DefaultAuthorizer on DefinitionBody paths chosen by Fn::If', () => {
  it.each([
    ['AWS::Serverless::HttpApi', 'lambda'],
    ['AWS::Serverless::Api', 'lambda'],
  ])('guards the operations of either branch of a %s', async (type, expected) => {
    const { graph } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Parameters:
  Env: { Type: String, Default: dev }
Resources:
  Checker:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x }
  Orders:
    Type: ${type}
    Properties:
      StageName: live
      Auth:
        DefaultAuthorizer: Gate
        Authorizers:
          Gate:
            FunctionArn: !GetAtt Checker.Arn
      DefinitionBody:
        openapi: '3.0.1'
        info: { title: orders }
        paths:
          /orders:
            post:
              x-amazon-apigateway-integration: { type: http_proxy, httpMethod: POST, uri: https://orders.example.com/ }
          /refunds:
            Fn::If:
              - IsProd
              - post:
                  x-amazon-apigateway-integration: { type: http_proxy, httpMethod: POST, uri: https://refunds.example.com/ }
              - put:
                  x-amazon-apigateway-integration: { type: http_proxy, httpMethod: PUT, uri: https://refunds-test.example.com/ }
          /status: !If
            - IsProd
            - get:
                x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: https://status.example.com/ }
            - !Ref AWS::NoValue
`);
    const operations = graph.nodes().filter((n) => n.kind === 'api.operation');
    expect(authorizationOf(operations)).toEqual({ 'POST /orders': expected, 'PUT /refunds': expected });
  });
});
