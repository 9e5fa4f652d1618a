import { loadTemplateText } from './cfn-helpers';

// Templates with AWS::Serverless::* resources but no `Transform` line (fragments, SAM's own test inputs, tool
// output) are expanded as SAM, with a notice, instead of yielding an empty graph without a word.
describe('AWS::Serverless::* resources without the SAM Transform line', () => {
  it('expands them and says the Transform line is missing', async () => {
    const { result, graph } = await loadTemplateText(`Resources:
  Inventory:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: live
  Lister:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        List:
          Type: HttpApi
          Properties: { ApiId: !Ref Inventory, Path: /items, Method: GET }
`);
    expect(graph.nodes().filter((n) => n.kind === 'api').map((n) => n.name)).toEqual(['Inventory']);
    expect(graph.nodes().filter((n) => n.kind === 'api.operation').map((n) => n.name)).toEqual(['ListerList']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', line: 2, message: expect.stringContaining('declares no Transform: AWS::Serverless-2016-10-31') }),
    ]);
  });

  it('adds nothing to a template with no SAM resources', async () => {
    const { result } = await loadTemplateText(`Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: plain, ProtocolType: HTTP }
`);
    expect(result.diagnostics).toEqual([]);
  });
});
