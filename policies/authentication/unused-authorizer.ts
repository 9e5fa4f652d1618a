import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { apiOf } from '../../src/graph/queries';

export default definePolicy({
  id: 'GW-AUTH-004',
  slug: 'unused-authorizer',
  title: 'Every authorizer protects at least one route',
  severity: 'low',
  category: 'authentication',
  control: 'authorizer',
  owasp: ['API2:2023', 'API9:2023'],
  target: 'api.authorizer',
  rationale:
    'An authorizer that no route uses protects nothing. Most often a route was meant to use it and does not (it was created and never attached, ' +
    'or a redeployment dropped the attachment), so the routes it was made for are authorized some other way, or not at all; otherwise it is a ' +
    'leftover that still trusts an issuer or a Lambda function nobody maintains. It belongs to the authorizer control because the fix is on the routes: ' +
    'attach it where it was meant to be, or delete it. This is judged only where every route of the API is known, as in a live audit: ' +
    'in code, routes declared in another module, stack or specification would make every authorizer look unused.',
  remediation: {
    aws: [
      '# Which routes should use it? Attach it (REST API method; then redeploy the stage)...',
      'aws apigateway update-method --rest-api-id API_ID --resource-id RESOURCE_ID --http-method GET \\',
      '  --patch-operations op=replace,path=/authorizationType,value=CUSTOM op=replace,path=/authorizerId,value=AUTHORIZER_ID',
      'aws apigateway create-deployment --rest-api-id API_ID --stage-name prod',
      '# (HTTP API route)',
      'aws apigatewayv2 update-route --api-id API_ID --route-id ROUTE_ID --authorization-type JWT --authorizer-id AUTHORIZER_ID',
      '# ...or delete it when nothing should use it',
      'aws apigateway delete-authorizer --rest-api-id API_ID --authorizer-id AUTHORIZER_ID',
      'aws apigatewayv2 delete-authorizer --api-id API_ID --authorizer-id AUTHORIZER_ID',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html',
    'https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/',
  ],
  evaluate(authorizer, { graph }) {
    const api = apiOf(graph, authorizer);
    const complete = api?.attrs.operationsComplete;
    // Absent: routes may be declared out of sight, so "no route uses it" would be a guess.
    if (api === undefined || complete === undefined) return pass();
    if (graph.in(authorizer.id, 'operation-uses-authorizer').some((n) => n.kind === 'api.operation')) return pass();
    switch (complete.state) {
      case 'unknown':
        return unknown(`Cannot tell whether a route of ${api.name} uses authorizer ${authorizer.name} (${complete.expr ?? 'computed'})`, complete.source ?? authorizer.source);
      case 'set':
      case 'default':
        return complete.value
          ? fail(`Authorizer ${authorizer.name} of ${api.name} is used by no route`, authorizer.source)
          : pass();
    }
  },
});
