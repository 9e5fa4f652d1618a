import { loadTemplateText } from './cfn-helpers';

const REST = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    TracingEnabled: true
    MethodSettings:
      - ResourcePath: '/*'
        HttpMethod: '*'
        LoggingLevel: INFO
Resources:
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      EndpointConfiguration: { Type: REGIONAL }
      Auth:
        DefaultAuthorizer: Users
        ApiKeyRequired: true
        Authorizers:
          Users:
            UserPoolArn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_x
          Token:
            FunctionArn: !GetAtt AuthFunction.Arn
        UsagePlan:
          CreateUsagePlan: PER_API
          Throttle: { RateLimit: 10, BurstLimit: 20 }
          Quota: { Limit: 1000, Period: DAY }
        ResourcePolicy:
          IpRangeWhitelist: [10.0.0.0/8]
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x
        BasePath: [v1]
  AuthFunction:
    Type: AWS::Serverless::Function
    Properties: { Handler: auth.handler, Runtime: nodejs20.x }
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        List:
          Type: Api
          Properties:
            RestApiId: !Ref OrdersApi
            Path: /orders
            Method: get
        Open:
          Type: Api
          Properties:
            RestApiId: !Ref OrdersApi
            Path: /orders/{id}
            Method: get
            Auth:
              Authorizer: NONE
              ApiKeyRequired: false
        Create:
          Type: Api
          Properties:
            RestApiId: !Ref OrdersApi
            Path: /orders
            Method: post
            Auth: { Authorizer: Token }
            RequestModel: { Model: Order, Required: true, ValidateBody: true }
            RequestParameters:
              - method.request.header.X-Tenant
              - method.request.querystring.page: { Required: true }
`;

describe('SAM AWS::Serverless::Api', () => {
  it('expands into the REST resources SAM generates, with defaults, Globals and lines of the SAM properties', async () => {
    const { result, graph, node } = await loadTemplateText(REST);
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    const api = node('OrdersApi');
    expect(api).toMatchObject({ kind: 'api', native: { type: 'AWS::ApiGateway::RestApi' }, source: { line: 11, address: 'OrdersApi' } });
    expect(api.attrs).toMatchObject({
      endpointType: { state: 'set', value: 'regional', source: { line: 15 } },
      defaultEndpointEnabled: { state: 'default', value: true },
      resourcePolicy: { state: 'set', source: { line: 28 }, value: { statements: [{ effect: 'Allow', principals: ['*'] }, { effect: 'Deny', hasCondition: true }] } },
    });

    // The stage named by StageName, with settings from Globals (at the Globals lines), and SAM's extra `Stage` stage.
    expect(node('OrdersApiprodStage').attrs).toMatchObject({
      stageName: { value: 'prod', source: { line: 14 } },
      tracing: { state: 'set', value: true, source: { line: 5 } },
      executionLogging: { state: 'set', value: 'info', source: { line: 9 } },
      accessLogging: { state: 'default', value: false, source: { line: 11 } },
    });
    expect(node('OrdersApiDeployment#stage').attrs).toMatchObject({ stageName: { value: 'Stage' }, executionLogging: { state: 'default', value: 'off' } });
    expect(graph.out('cloudformation:template.yaml:OrdersApi', 'api-has-stage').map((n) => n.name).sort()).toEqual(['OrdersApiDeployment', 'OrdersApiprodStage']);

    // Methods of the events: the default authorizer, overrides, API key, validation and parameters.
    expect(node('OrdersFunctionList')).toMatchObject({ source: { line: 43 } });
    expect(node('OrdersFunctionList').attrs).toMatchObject({
      method: { value: 'GET', source: { line: 48 } }, path: { value: '/orders' },
      authorization: { state: 'set', value: 'cognito', source: { line: 17 } },
      apiKeyRequired: { state: 'set', value: true, source: { line: 18 } },
      requestValidation: { state: 'default', value: 'none' },
    });
    expect(graph.out('cloudformation:template.yaml:OrdersFunctionList', 'operation-uses-authorizer').map((n) => n.name)).toEqual(['OrdersApiUsersAuthorizer']);
    expect(node('OrdersFunctionOpen').attrs).toMatchObject({
      path: { value: '/orders/{id}' }, authorization: { state: 'set', value: 'none', source: { line: 56 } }, apiKeyRequired: { state: 'set', value: false, source: { line: 57 } },
    });
    expect(node('OrdersFunctionCreate').attrs).toMatchObject({
      method: { value: 'POST' }, authorization: { value: 'lambda', source: { line: 64 } },
      requestValidation: { state: 'set', value: 'body' }, requiredParameters: { state: 'set', value: ['query:page'], source: { line: 66 } },
    });
    expect(node('OrdersFunctionCreate#integration').attrs).toMatchObject({ type: { value: 'lambda' }, usesTls: { value: true } });
    expect(node('OrdersApiTokenAuthorizer').attrs).toMatchObject({ type: { value: 'lambda' }, identitySource: { value: 'method.request.header.Authorization' } });
    expect(graph.out('cloudformation:template.yaml:OrdersApi', 'api-has-operation').map((n) => n.name).sort()).toEqual(['OrdersFunctionCreate', 'OrdersFunctionList', 'OrdersFunctionOpen']);

    // Domain: SecurityPolicy not written, so API Gateway's TLS_1_0, at the Domain property; mapped to the stage.
    expect(node('OrdersApiDomainName')).toMatchObject({ source: { line: 30 } });
    expect(node('OrdersApiDomainName').attrs).toMatchObject({
      hostname: { value: 'api.example.com', source: { line: 31 } },
      securityPolicy: { state: 'default', value: 'TLS_1_0', source: { line: 30 } },
      minTlsVersion: { state: 'default', value: '1.0' },
      endpointType: { value: 'regional' },
    });
    expect(graph.out('cloudformation:template.yaml:OrdersApiDomainName', 'domain-serves').map((n) => n.name)).toEqual(['OrdersApiprodStage']);

    // Usage plan, key and their links.
    expect(node('OrdersApiUsagePlan').attrs).toMatchObject({
      throttling: { state: 'set', value: { rateLimit: 10, burstLimit: 20 }, source: { line: 26 } },
      quota: { state: 'set', value: { limit: 1000, period: 'DAY' }, source: { line: 27 } },
    });
    expect(graph.out('cloudformation:template.yaml:OrdersApiUsagePlan', 'usage-plan-covers').map((n) => n.name)).toEqual(['OrdersApiprodStage']);
    expect(node('OrdersApiApiKey').attrs).toMatchObject({ enabled: { value: true }, valueSource: { state: 'default', value: 'generated' } });
    expect(graph.out('cloudformation:template.yaml:OrdersApiApiKey', 'key-in-plan').map((n) => n.name)).toEqual(['OrdersApiUsagePlan']);
  });

  it('creates no `Stage` stage when OpenApiVersion is set (in Globals too), and reads Cors preflights', async () => {
    const { graph, node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    OpenApiVersion: 3.0.1
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Cors: "'*'"
      Auth:
        DefaultAuthorizer: AWS_IAM
        AddDefaultAuthorizerToCorsPreflight: false
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: GET } }
`);
    expect(graph.out('cloudformation:template.yaml:Api', 'api-has-stage').map((n) => n.name)).toEqual(['Apiv1Stage']);
    expect(node('FnGet').attrs).toMatchObject({ authorization: { value: 'iam', source: { line: 12 } } });
    expect(node('ApiCorsPreflight0').attrs).toMatchObject({ method: { value: 'OPTIONS' }, path: { value: '/items' }, authorization: { state: 'default', value: 'none' } });
  });

  it('resolves !Ref MyApi.Stage and !Ref MyApi.Deployment to the stage and deployment SAM generates', async () => {
    const { graph } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    OpenApiVersion: '3.0.1'
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: Prod }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - ApiId: !Ref MyApi
          Stage: !Ref MyApi.Stage
`);
    expect(graph.out('cloudformation:template.yaml:Plan', 'usage-plan-covers').map((n) => n.id)).toEqual(['cloudformation:template.yaml:MyApiProdStage']);
  });

  it('reads ${MyApi.Stage} in a Sub as the stage SAM generates, not an attribute of the API', async () => {
    const { result } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: REGIONAL, DefaultAction: { Block: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl } }
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${MyApi}/stages/\${MyApi.Stage}
      WebACLArn: !GetAtt Acl.Arn
`);
    expect(result.edges.filter((e) => e.rel === 'waf-protects').map((e) => e.to)).toEqual(['cloudformation:template.yaml:MyApiprodStage']);
  });

  it('generates under the Condition of the SAM API: an association sharing it is there whenever the API is', async () => {
    const { result } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Condition: IsProd
    Properties: { StageName: prod }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: REGIONAL, DefaultAction: { Block: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl } }
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Condition: IsProd
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${MyApi}/stages/prod
      WebACLArn: !GetAtt Acl.Arn
`);
    expect(result.edges.filter((e) => e.rel === 'waf-protects').map((e) => `${e.from} -> ${e.to}`)).toEqual(['cloudformation:template.yaml:Acl -> cloudformation:template.yaml:MyApiprodStage']);
  });

  it('applies the Auth to an inline DefinitionBody and says when the body is an AWS::Include', async () => {
    const { result, node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      OpenApiVersion: '3.0.1'
      Auth:
        DefaultAuthorizer: Users
        Authorizers:
          Users: { UserPoolArn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x }
      DefinitionBody:
        openapi: 3.0.1
        paths:
          /pets:
            get:
              x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: arn:aws:apigateway:eu-west-1:lambda:path/fn }
          /health:
            get:
              security: []
  Included:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/api.yaml } }
`);
    expect(node('Api#GET /pets').attrs).toMatchObject({ authorization: { value: 'cognito', source: { line: 12 } } });
    expect(node('Api#GET /health').attrs).toMatchObject({ authorization: { value: 'none' } });
    expect(node('Included').attrs).toMatchObject({ hasSpec: { state: 'set', value: true, source: { line: 25 } } });
    expect(result.diagnostics.map((d) => `${d.line} ${d.message}`)).toContainEqual(expect.stringMatching(/^25 Included: the OpenAPI Body is not known statically/));
  });
});

describe('SAM implicit APIs and AWS::Serverless::HttpApi', () => {
  it('makes ServerlessRestApi (stage Prod) and ServerlessHttpApi ($default) for events that name no API', async () => {
    const { graph, node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    AccessLogSetting: { DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api, Format: $context.requestId }
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Events:
        Rest:
          Type: Api
          Properties: { Path: /hello, Method: any }
        Http:
          Type: HttpApi
`);
    expect(node('ServerlessRestApi')).toMatchObject({ source: { line: 11, address: 'ServerlessRestApi' } });
    expect(node('ServerlessRestApiProdStage').attrs).toMatchObject({ stageName: { value: 'Prod' }, accessLogging: { state: 'set', value: true, source: { line: 4 } } });
    expect(node('HelloRest').attrs).toMatchObject({ method: { value: 'ANY' }, path: { value: '/hello' }, authorization: { state: 'default', value: 'none', source: { line: 11 } } });
    expect(node('ServerlessHttpApiApiGatewayDefaultStage').attrs).toMatchObject({ stageName: { value: '$default' }, accessLogging: { state: 'default', value: false } });
    expect(node('HelloHttp').attrs).toMatchObject({ method: { value: '$default' }, path: { value: '$default' } });
    expect(graph.out('cloudformation:template.yaml:HelloHttp', 'operation-calls-backend').map((n) => n.name)).toEqual(['HelloHttpIntegration']);
  });

  it('expands an HttpApi with JWT authorizers, route overrides, settings, CORS and a domain', async () => {
    const { result, graph, node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: live
      DisableExecuteApiEndpoint: true
      CorsConfiguration: true
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }
      RouteSettings:
        "GET /open": { ThrottlingRateLimit: 5 }
      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            IdentitySource: $request.header.Authorization
            JwtConfiguration:
              issuer: https://cognito-idp.eu-west-1.amazonaws.com/pool
              audience: [orders]
      Domain:
        DomainName: http.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x
        SecurityPolicy: TLS_1_2
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Secure: { Type: HttpApi, Properties: { ApiId: !Ref Http, Path: /orders, Method: post } }
        Open:
          Type: HttpApi
          Properties: { ApiId: !Ref Http, Path: /open, Method: get, Auth: { Authorizer: NONE } }
`);
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(node('Http').attrs).toMatchObject({
      flavor: 'http', defaultEndpointEnabled: { state: 'set', value: false, source: { line: 7 } },
      cors: { state: 'set', value: { allowOrigins: ['*'], allowCredentials: false }, source: { line: 8 } },
    });
    expect(node('HttpliveStage').attrs).toMatchObject({ stageName: { value: 'live' }, throttling: { value: { rateLimit: 50, burstLimit: 100 }, source: { line: 9 } } });
    expect(node('HttpJwtAuthorizer').attrs).toMatchObject({
      type: { value: 'jwt' }, issuer: { value: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', source: { line: 18 } }, audience: { value: ['orders'], source: { line: 19 } },
    });
    expect(node('FnSecure').attrs).toMatchObject({ method: { value: 'POST' }, path: { value: '/orders' }, authorization: { value: 'jwt', source: { line: 13 } } });
    expect(node('FnOpen').attrs).toMatchObject({ authorization: { value: 'none', source: { line: 31 } }, throttling: { value: { rateLimit: 5 } } });
    expect(node('HttpDomainName').attrs).toMatchObject({ securityPolicy: { value: 'TLS_1_2', source: { line: 23 } }, minTlsVersion: { value: '1.2' } });
    expect(graph.out('cloudformation:template.yaml:HttpDomainName', 'domain-serves').map((n) => n.name)).toEqual(['HttpliveStage']);
  });

  it('warns about an event whose API is not a SAM API of the template', async () => {
    const { result } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { RestApiId: !ImportValue shared-api, Path: /x, Method: get } }
`);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', line: 7, message: expect.stringMatching(/^Fn: event Get names an API that is not an AWS::Serverless::Api/) }));
  });
});
