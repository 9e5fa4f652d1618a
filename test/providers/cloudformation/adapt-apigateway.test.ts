import { loadTemplateText } from './cfn-helpers';

const REST = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Level: { Type: String }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      DisableExecuteApiEndpoint: true
      EndpointConfiguration: { Types: [REGIONAL] }
      Policy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: execute-api:Invoke
            Resource: !Sub 'execute-api:/\${AWS::AccountId}/*'
  Bare:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: bare
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  Item:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: '{id}' }
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, ValidateRequestBody: true, ValidateRequestParameters: true }
  Auth:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Type: TOKEN, AuthorizerUri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/fn' }
  GetItem:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Item
      HttpMethod: get
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref Auth
      RequestValidatorId: !Ref Validator
      RequestParameters: { method.request.querystring.page: true, method.request.header.X-Tenant: false }
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations'
  PlainHttp:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: POST
      Integration: { Type: HTTP_PROXY, Uri: 'http://backend.example.com/orders' }
  Orphan:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: abc123, ResourceId: def456, HttpMethod: GET, AuthorizationType: !Ref Level }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: v1
      StageDescription:
        LoggingLevel: ERROR
        DataTraceEnabled: true
        TracingEnabled: true
        ThrottlingRateLimit: 100
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: true
      AccessLogSetting: { DestinationArn: !GetAtt Logs.Arn, Format: '$context.requestId' }
      MethodSettings:
        - { ResourcePath: '/*', HttpMethod: '*', LoggingLevel: INFO, CacheDataEncrypted: true, ThrottlingBurstLimit: 50 }
        - { ResourcePath: '/~1orders~1{id}', HttpMethod: GET, ThrottlingRateLimit: 5 }
  Logs:
    Type: AWS::Logs::LogGroup
`;

describe('AWS::ApiGateway REST resources', () => {
  it('maps APIs, methods, integrations, authorizers and stages, with defaults, lines and links', async () => {
    const { result, graph, node } = await loadTemplateText(REST);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(node('Api')).toMatchObject({
      kind: 'api', name: 'Api', provider: 'cloudformation', platform: 'aws', native: { type: 'AWS::ApiGateway::RestApi' },
      source: { line: 6, address: 'Api' },
      attrs: {
        flavor: 'rest',
        endpointType: { state: 'set', value: 'regional' },
        defaultEndpointEnabled: { state: 'set', value: false, source: { line: 10 } },
        resourcePolicy: { state: 'set', value: { statements: [{ effect: 'Allow', principals: ['*'], actions: ['execute-api:Invoke'], hasCondition: false }] } },
        hasSpec: { state: 'default', value: false },
      },
    });
    expect(node('Bare').attrs).toMatchObject({ endpointType: { state: 'default', value: 'edge' }, defaultEndpointEnabled: { state: 'default', value: true }, resourcePolicy: { state: 'default', value: null } });

    expect(node('GetItem').attrs).toMatchObject({
      method: { state: 'set', value: 'GET' },
      path: { state: 'set', value: '/orders/{id}' },
      authorization: { state: 'set', value: 'lambda' },
      apiKeyRequired: { state: 'default', value: false },
      requestValidation: { state: 'set', value: 'full' },
      requiredParameters: { state: 'set', value: ['query:page'] },
      throttling: { state: 'set', value: { rateLimit: 5 } },
    });
    expect(node('GetItem#integration').attrs).toMatchObject({ type: { value: 'lambda' }, usesTls: { state: 'default', value: true }, url: { state: 'unknown' } });
    expect(node('PlainHttp#integration').attrs).toMatchObject({ type: { value: 'http' }, usesTls: { state: 'set', value: false } });
    expect(node('PlainHttp').attrs).toMatchObject({ authorization: { state: 'default', value: 'none' }, path: { value: '/orders' } });
    // An orphan method (its API is in another stack) is kept, with what can be known.
    expect(node('Orphan').attrs).toMatchObject({ authorization: { state: 'unknown' }, path: { state: 'unknown' } });
    expect(graph.in('cloudformation:template.yaml:Orphan', 'api-has-operation')).toEqual([]);

    expect(node('Auth').attrs).toMatchObject({ type: { value: 'lambda' }, identitySource: { state: 'default', value: 'method.request.header.Authorization' } });
    expect(graph.out('cloudformation:template.yaml:GetItem', 'operation-uses-authorizer').map((n) => n.name)).toEqual(['Auth']);
    expect(graph.out('cloudformation:template.yaml:Api', 'api-has-operation').map((n) => n.name).sort()).toEqual(['GetItem', 'PlainHttp']);

    expect(node('Prod').attrs).toMatchObject({
      stageName: { value: 'prod' },
      accessLogging: { state: 'set', value: true },
      executionLogging: { state: 'set', value: 'info' },
      dataTrace: { state: 'default', value: false },
      cacheEnabled: { state: 'set', value: true },
      cacheEncrypted: { state: 'set', value: true },
      throttling: { state: 'set', value: { burstLimit: 50 } },
      tracing: { state: 'default', value: false },
    });
    expect(node('Deployment#stage').attrs).toMatchObject({
      stageName: { value: 'v1' },
      executionLogging: { state: 'set', value: 'error' },
      dataTrace: { state: 'set', value: true },
      tracing: { state: 'set', value: true },
      throttling: { state: 'set', value: { rateLimit: 100 } },
      accessLogging: { state: 'default', value: false },
    });
    expect(graph.out('cloudformation:template.yaml:Api', 'api-has-stage').map((n) => n.id).sort()).toEqual([
      'cloudformation:template.yaml:Deployment#stage', 'cloudformation:template.yaml:Prod',
    ]);
  });

  it('reads routes of an OpenAPI Body, and says when a body cannot be read', async () => {
    const { result, graph, node } = await loadTemplateText(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        paths:
          /pets:
            get:
              x-amazon-apigateway-integration: { type: http_proxy, uri: !Sub 'https://\${Host}/pets' }
  Included:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body: !Transform { Name: AWS::Include, Parameters: { Location: s3://bucket/api.yaml } }
  FromS3:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: { Bucket: b, Key: api.yaml }
`);
    expect(node('Api#GET /pets').attrs).toMatchObject({ authorization: { value: 'none' }, path: { value: '/pets', source: { line: 6 } } });
    expect(node('Api#integration:GET /pets').attrs).toMatchObject({ usesTls: { state: 'set', value: true } });
    expect(graph.out('cloudformation:template.yaml:Api', 'api-has-operation')).toHaveLength(1);
    expect(node('Included').attrs).toMatchObject({ hasSpec: { state: 'set', value: true } });
    expect(node('FromS3').attrs).toMatchObject({ hasSpec: { state: 'set', value: true } });
    expect(result.diagnostics.filter((d) => d.severity === 'notice').map((d) => d.message)).toEqual([
      expect.stringMatching(/^Included: the OpenAPI Body is not known statically/),
      expect.stringMatching(/^FromS3: the OpenAPI document is read from S3/),
    ]);
  });

  it('a Body that disables the execute-api endpoint closes it, for REST and HTTP APIs', async () => {
    const { node } = await loadTemplateText(`
Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        swagger: '2.0'
        x-amazon-apigateway-endpoint-configuration: { disableExecuteApiEndpoint: true }
        paths: {}
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Body:
        openapi: 3.0.1
        servers: [{ url: 'https://api.example.com', x-amazon-apigateway-endpoint-configuration: { disableExecuteApiEndpoint: true } }]
        paths: {}
`);
    expect(node('Rest').attrs).toMatchObject({ defaultEndpointEnabled: { state: 'set', value: false } });
    expect(node('Http').attrs).toMatchObject({ defaultEndpointEnabled: { state: 'set', value: false } });
  });
});
