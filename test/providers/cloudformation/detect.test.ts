import { looksLikeTemplate } from '../../../providers/cloudformation/detect';

describe('looksLikeTemplate', () => {
  it.each([
    ['template.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"],
    ['template.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {}\n}'],
    ['stack.yml', 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n'],
    ['sam.yaml', 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function: {}\n'],
    ['min.json', '{"Resources":{"Api":{"Type":"AWS::ApiGateway::RestApi"}}}'],
    ['/repo/cdk.out/Stack.template.json', '{"Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>"}}}'],
  ])('claims %s', (path, head) => {
    expect(looksLikeTemplate(path, head)).toBe(true);
  });

  it.each([
    ['plan.json', '{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{}}, "Resources": {"x": "AWS::"}}'],
    ['deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  Resources: "AWS::S3::Bucket"\n'],
    ['openapi.yaml', 'openapi: 3.0.1\ninfo:\n  title: x\npaths: {}\n'],
    ['values.yaml', 'replicaCount: 1\nimage: nginx\n'],
    ['main.tf', "AWSTemplateFormatVersion: '2010-09-09'"],
  ])('leaves %s to others', (path, head) => {
    expect(looksLikeTemplate(path, head)).toBe(false);
  });
});
