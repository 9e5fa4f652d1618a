import { authorizationOf, loadTemplateText } from './cfn-helpers';

const template = (eventAuth: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        Submit:
          Type: HttpApi
          Properties: { ApiId: !Ref Shop, Path: /orders, Method: post${eventAuth} }
        Fallback:
          Type: HttpApi
          Properties: { ApiId: !Ref Shop }
  Shop:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
        Authorizers:
          Plain:
            JwtConfiguration: { issuer: https://login.example.com, audience: [shop] }
      DefinitionBody:
        openapi: 3.0.1
        info: { title: shop }
        paths:
          /orders:
            post:
              security: [{ Sso: [] }]
          $default:
            x-amazon-apigateway-any-method:
              isDefaultRoute: true
              security: [{ Sso: [] }]
        components:
          securitySchemes:
            Sso:
              type: apiKey
              in: header
              name: Authorization
              x-amazon-apigateway-authorizer:
                type: request
                identitySource: $request.header.Authorization
                authorizerUri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:sso/invocations
`;

// SAM keeps an operation the DefinitionBody already has (its security, its integration) when the event names no
// authorizer of its own, and the document's `$default` path is the default route the catch-all event lands on.
describe('SAM HttpApi events on operations the DefinitionBody already defines', () => {
  it('keep the document security, each route counted once', async () => {
    const { graph } = await loadTemplateText(template(''));
    const operations = graph.nodes().filter((n) => n.kind === 'api.operation');
    expect(authorizationOf(operations)).toEqual({ 'POST /orders': 'lambda', '$default $default': 'lambda' });
  });

  it('take the authorizer the event names', async () => {
    const { graph } = await loadTemplateText(template(', Auth: { Authorizer: Plain }'));
    const operations = graph.nodes().filter((n) => n.kind === 'api.operation');
    expect(authorizationOf(operations)).toEqual({ 'POST /orders': 'jwt', '$default $default': 'lambda' });
  });
});
