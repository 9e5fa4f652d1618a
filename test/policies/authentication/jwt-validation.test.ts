import policy from '../../../policies/authentication/jwt-validation';
import { g, policyTester } from '../../helpers';

const issuer = g.set('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');

policyTester.run(policy, {
  valid: [
    { name: 'JWT with issuer and audience', graph: g.authorizer({ type: g.set('jwt'), issuer, audience: g.set(['web-client']) }) },
    { name: 'Lambda authorizer (issuer and audience unknown)', graph: g.authorizer({ type: g.set('lambda') }) },
    { name: 'Cognito authorizer without JWT configuration', graph: g.authorizer({ type: g.set('cognito'), issuer: g.byDefault(null), audience: g.byDefault([]) }) },
    { name: 'IAM', graph: g.authorizer({ type: g.set('iam') }) },
    { name: 'OAuth (APIM)', graph: g.authorizer({ type: g.set('oauth') }) },
  ],
  invalid: [
    {
      name: 'no audience',
      graph: g.authorizer({ name: 'users', type: g.set('jwt'), issuer, audience: g.byDefault([]) }),
      findings: [{ node: 'users', message: /^`users` accepts JWTs for any audience \(no audience configured\)$/, severity: 'high' }],
    },
    {
      name: 'no issuer',
      graph: g.authorizer({ name: 'users', type: g.set('jwt'), issuer: g.byDefault(null), audience: g.set(['web']) }),
      findings: [{ node: 'users', message: /^`users` accepts JWTs from any issuer/ }],
    },
    {
      name: 'neither issuer nor audience: two findings',
      graph: g.authorizer({ name: 'open', type: g.set('jwt'), issuer: g.set(null), audience: g.set([]) }),
      findings: [{ node: 'open', message: /any issuer/ }, { node: 'open', message: /any audience/ }],
    },
    {
      name: 'blank issuer and blank audience entries',
      graph: g.authorizer({ name: 'blank', type: g.set('jwt'), issuer: g.set(' '), audience: g.set(['']) }),
      findings: [{ node: 'blank', message: /any issuer/ }, { node: 'blank', message: /any audience/ }],
    },
    {
      name: 'missing audience is reported even when the issuer is unknown',
      graph: g.authorizer({ name: 'half', type: g.set('jwt'), issuer: g.unknown('var.issuer'), audience: g.set([]) }),
      findings: [{ node: 'half', message: /any audience/ }],
    },
  ],
  unknown: [
    { name: 'type unknown', graph: g.authorizer({ type: g.unknown('var.type') }) },
    { name: 'JWT with issuer from a variable', graph: g.authorizer({ type: g.set('jwt'), issuer: g.unknown('var.issuer'), audience: g.set(['web']) }) },
    { name: 'JWT with audience from a resource attribute', graph: g.authorizer({ type: g.set('jwt'), issuer, audience: g.unknown('aws_cognito_user_pool_client.web.id') }) },
  ],
});
