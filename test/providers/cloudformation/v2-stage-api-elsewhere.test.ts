import { loadTemplateText } from './cfn-helpers';

// A v2 stage whose API lives in another template (ApiId from an import or a parameter) may be a WebSocket stage:
// its DefaultRouteSettings are read, not replaced by the HTTP API defaults.
describe('AWS::ApiGatewayV2::Stage whose API is not in the template', () => {
  const template = (apiId: string) => `
Parameters:
  SocketApiId: { Type: String }
Resources:
  Live:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: ${apiId}
      StageName: live
      DefaultRouteSettings:
        LoggingLevel: ERROR
        DataTraceEnabled: true
  Socket:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: socket, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
`;

  it('keeps the logging level and data trace it sets', async () => {
    const { node } = await loadTemplateText(template('!Ref SocketApiId'));
    expect(node('Live').attrs).toMatchObject({
      executionLogging: { state: 'set', value: 'error' },
      dataTrace: { state: 'set', value: true },
    });
  });

  it('still reads them for a WebSocket API in the template, and ignores them for an HTTP API', async () => {
    expect((await loadTemplateText(template('!Ref Socket'))).node('Live').attrs).toMatchObject({ executionLogging: { value: 'error' } });
    const http = await loadTemplateText(template('!Ref Socket').replace('ProtocolType: WEBSOCKET', 'ProtocolType: HTTP'));
    expect(http.node('Live').attrs).toMatchObject({ executionLogging: { state: 'default', value: 'off' }, dataTrace: { state: 'default', value: false } });
  });
});
