import { definePolicy, fail, pass, unknown, type Outcome } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-AUTH-002',
  slug: 'jwt-validation',
  title: 'JWT authorizers check the token issuer and audience',
  severity: 'high',
  category: 'authentication',
  control: 'jwt-validation',
  owasp: ['API2:2023'],
  target: 'api.authorizer',
  rationale:
    'A JWT authorizer that does not pin the issuer accepts tokens signed by any identity provider it can fetch keys for, ' +
    'and one that does not check the audience accepts tokens minted for any other application of the same provider. ' +
    'Either way a token obtained elsewhere is accepted by this API.',
  remediation: {
    terraform: [
      'resource "aws_apigatewayv2_authorizer" "users" {',
      '  api_id           = aws_apigatewayv2_api.api.id',
      '  name             = "users"',
      '  authorizer_type  = "JWT"',
      '  identity_sources = ["$request.header.Authorization"]',
      '  jwt_configuration {',
      '    issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/${aws_cognito_user_pool.users.id}"',
      '    audience = [aws_cognito_user_pool_client.web.id]',
      '  }',
      '}',
      '',
      '# Azure API Management: pin issuer and audience in validate-jwt (or use validate-azure-ad-token with client application ids)',
      '<validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">',
      '  <openid-config url="https://login.microsoftonline.com/{tenant-id}/v2.0/.well-known/openid-configuration" />',
      '  <audiences>',
      '    <audience>api://orders</audience>',
      '  </audiences>',
      '  <issuers>',
      '    <issuer>https://login.microsoftonline.com/{tenant-id}/v2.0</issuer>',
      '  </issuers>',
      '</validate-jwt>',
    ].join('\n'),
    cloudformation: [
      'JwtAuthorizer:',
      '  Type: AWS::ApiGatewayV2::Authorizer',
      '  Properties:',
      '    ApiId: !Ref HttpApi',
      '    Name: users',
      '    AuthorizerType: JWT',
      '    IdentitySource: [$request.header.Authorization]',
      '    JwtConfiguration:',
      '      Issuer: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}',
      '      Audience: [!Ref UserPoolClient]',
      '',
      '# SAM: AWS::Serverless::HttpApi',
      'HttpApi:',
      '  Type: AWS::Serverless::HttpApi',
      '  Properties:',
      '    Auth:',
      '      DefaultAuthorizer: Users',
      '      Authorizers:',
      '        Users:',
      '          IdentitySource: $request.header.Authorization',
      '          JwtConfiguration:',
      '            issuer: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}',
      '            audience: [!Ref UserPoolClient]',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html',
    'https://www.rfc-editor.org/rfc/rfc8725#section-3.8',
    'https://www.rfc-editor.org/rfc/rfc8725#section-3.9',
    'https://learn.microsoft.com/en-us/azure/api-management/validate-jwt-policy',
  ],
  frameworks: { 'nist-800-53': ['IA-2', 'IA-5'] },
  evaluate(authorizer) {
    const { type, issuer, audience } = authorizer.attrs;
    switch (type.state) {
      case 'unknown':
        return unknown(`\`${authorizer.name}\`: authorizer type is not known statically (${type.expr ?? 'computed'})`, type.source ?? authorizer.source);
      case 'set':
      case 'default':
        // Cognito, Lambda, IAM and OAuth authorizers validate tokens by other means; this policy is about JWT configuration.
        if (type.value !== 'jwt') return pass();
    }
    const outcomes: Outcome[] = [];
    switch (issuer.state) {
      case 'unknown':
        outcomes.push(unknown(`\`${authorizer.name}\`: JWT issuer is not known statically (${issuer.expr ?? 'computed'})`, issuer.source ?? authorizer.source, 'issuer'));
        break;
      case 'set':
      case 'default':
        if (issuer.value === null || issuer.value.trim() === '') {
          outcomes.push(fail(`\`${authorizer.name}\` accepts JWTs from any issuer (no issuer configured)`, issuer.source ?? authorizer.source, { key: 'issuer' }));
        }
        break;
    }
    switch (audience.state) {
      case 'unknown':
        outcomes.push(unknown(`\`${authorizer.name}\`: JWT audience is not known statically (${audience.expr ?? 'computed'})`, audience.source ?? authorizer.source, 'audience'));
        break;
      case 'set':
      case 'default':
        if (audience.value.filter((a) => a.trim() !== '').length === 0) {
          outcomes.push(fail(`\`${authorizer.name}\` accepts JWTs for any audience (no audience configured)`, audience.source ?? authorizer.source, { key: 'audience' }));
        }
        break;
    }
    // A definite finding says enough; "cannot verify" on the other attribute would only add noise.
    const failures = outcomes.filter((o) => o.status === 'fail');
    if (failures.length > 0) return failures;
    return outcomes.length === 0 ? pass() : outcomes;
  },
});
