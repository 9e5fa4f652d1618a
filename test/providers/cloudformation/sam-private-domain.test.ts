import { loadTemplateText } from './cfn-helpers';

// A SAM REST API whose Domain has `EndpointConfiguration: PRIVATE` gets a private custom domain (DomainNameV2 and
// BasePathMappingV2), not a public DomainName with API Gateway's public TLS_1_0 default.
describe('SAM Domain with EndpointConfiguration PRIVATE', () => {
  it('is a private domain serving the stage, with no public TLS default', async () => {
    const { graph, node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  Ledger:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      OpenApiVersion: 3.0.1
      EndpointConfiguration:
        Type: PRIVATE
        VPCEndpointIds: [vpce-0abc]
      Domain:
        DomainName: ledger.internal.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x
        EndpointConfiguration: PRIVATE
        BasePath: [books]
`);
    expect(node('LedgerDomainName').attrs).toMatchObject({
      hostname: { value: 'ledger.internal.example.com' },
      endpointType: { value: 'private' },
      securityPolicy: { state: 'unknown' },
    });
    expect(graph.out('cloudformation:template.yaml:LedgerDomainName', 'domain-serves').map((n) => n.name)).toEqual(['LedgerliveStage']);
  });

  it('keeps a public REST domain a DomainName with the TLS_1_0 default', async () => {
    const { node } = await loadTemplateText(`Transform: AWS::Serverless-2016-10-31
Resources:
  Ledger:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      OpenApiVersion: 3.0.1
      Domain:
        DomainName: ledger.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x
`);
    expect(node('LedgerDomainName').attrs).toMatchObject({ endpointType: { value: 'regional' }, securityPolicy: { state: 'default', value: 'TLS_1_0' } });
  });
});
