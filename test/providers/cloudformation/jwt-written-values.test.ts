import { loadTemplateText } from './cfn-helpers';

const template = (audience: string) => `
Parameters:
  ClientId:
    Type: String
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
  UserPoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
  Authorizer:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Api
      AuthorizerType: JWT
      Name: cognito
      IdentitySource: [$request.header.Authorization]
      JwtConfiguration:
        Issuer: !Join ['', ['https://cognito-idp.', !Ref 'AWS::Region', '.amazonaws.com/', !Ref UserPool]]
        Audience: ${audience}
`;

describe('a JWT authorizer whose issuer and audience name what exists only once deployed', () => {
  it('counts them as written (CDK writes the usual Cognito setup this way)', async () => {
    const { node } = await loadTemplateText(template('[!Ref UserPoolClient]'));
    expect(node('Authorizer').attrs).toMatchObject({
      issuer: { state: 'set', value: expect.stringContaining('!Join') as unknown },
      audience: { state: 'set', value: ['!Ref UserPoolClient'] },
    });
  });

  it('leaves an audience that may be empty (a parameter without value) unknown', async () => {
    const { node } = await loadTemplateText(template('[!Ref ClientId]'));
    expect(node('Authorizer').attrs).toMatchObject({ audience: { state: 'unknown' } });
  });
});
