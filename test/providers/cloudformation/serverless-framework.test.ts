import { loadTemplateText } from './cfn-helpers';

/** A template as the Serverless Framework compiles it: a REST API, its deployment bucket, a stage made by the deployment. */
const compiled = (deploymentProperties: string) => JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ServerlessDeploymentBucket: { Type: 'AWS::S3::Bucket' },
    ApiGatewayRestApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'dev-notes' } },
    ApiGatewayDeployment1732831044124: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'ApiGatewayRestApi' }, StageName: 'dev', ...JSON.parse(deploymentProperties) as object } },
  },
  Outputs: { ServerlessDeploymentBucketName: { Value: { Ref: 'ServerlessDeploymentBucket' } } },
}, null, 2);

describe('templates compiled by the Serverless Framework', () => {
  it('leave the logs and tracing of the stage they deploy unknown: the framework sets them after deployment', async () => {
    const { node } = await loadTemplateText(compiled('{}'), 'cloudformation-template-update-stack.json');
    const stage = node('ApiGatewayDeployment1732831044124#stage');
    for (const name of ['accessLogging', 'executionLogging', 'dataTrace', 'tracing']) {
      expect((stage.attrs as unknown as Record<string, unknown>)[name]).toEqual(expect.objectContaining({ state: 'unknown', expr: expect.stringContaining('Serverless Framework') as unknown }));
    }
  });

  it('keep what the template itself writes', async () => {
    const { node } = await loadTemplateText(compiled('{"StageDescription":{"TracingEnabled":true,"LoggingLevel":"ERROR"}}'), 'cloudformation-template-update-stack.json');
    const stage = node('ApiGatewayDeployment1732831044124#stage');
    expect(stage.attrs).toMatchObject({ tracing: { state: 'set', value: true }, executionLogging: { state: 'set', value: 'error' } });
  });

  it('a template without the framework deployment bucket is judged on what it says', async () => {
    const text = compiled('{}').replace(/ServerlessDeploymentBucket(Name)?/g, 'Bucket$1');
    const { node } = await loadTemplateText(text, 'template.json');
    expect(node('ApiGatewayDeployment1732831044124#stage').attrs).toMatchObject({ tracing: { state: 'default', value: false }, accessLogging: { state: 'default', value: false } });
  });
});
