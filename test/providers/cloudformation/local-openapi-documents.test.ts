import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloudformation from '../../../providers/cloudformation';
import type { Attr } from '../../../src/graph/attr';
import { buildGraph } from '../../../src/graph/build';
import { scan } from '../../../src/scan/scan';

// Before `sam package` / `aws cloudformation package`, DefinitionUri and BodyS3Location may name a local file: the
// API is deployed with that document, so its routes are read from it.

const SPEC = `openapi: 3.0.1
info: { title: orders, version: '1' }
paths:
  /orders:
    get:
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations' }
  /admin:
    delete:
      security: [{ iam: [] }]
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:admin/invocations' }
components:
  securitySchemes:
    iam: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
`;

let root: string;
let outsideSpec: string;
beforeAll(() => {
  outsideSpec = join(mkdtempSync(join(tmpdir(), 'gw-cfn-outside-')), 'openapi.yaml');
  writeFileSync(outsideSpec, SPEC);
});
afterAll(() => {
  rmSync(join(outsideSpec, '..'), { recursive: true, force: true });
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gw-cfn-local-'));
  mkdirSync(join(root, 'infra'));
  mkdirSync(join(root, 'api'));
  writeFileSync(join(root, 'api', 'openapi.yaml'), SPEC);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = join(root, ...name.split('/'));
  writeFileSync(file, text);
  return file;
}

async function load(file: string) {
  const result = await cloudformation.load({ files: [file], options: { cwd: root } });
  return { result, graph: buildGraph([result]).graph };
}

const known = (attr: Attr<unknown>): string => (attr.state === 'unknown' ? `unknown (${attr.expr})` : String(attr.value));
const operations = (graph: ReturnType<typeof buildGraph>['graph']): string[] =>
  graph.nodesOf('api.operation').map((n) => `${known(n.attrs.method)} ${known(n.attrs.path)} ${known(n.attrs.authorization)}`).sort();

describe('OpenAPI documents named by a local path', () => {
  it('reads a SAM DefinitionUri relative to the template, and finds the route without authorization in it', async () => {
    const template = write('infra/template.yaml', `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      DefinitionUri: ../api/openapi.yaml
`);
    const { result, graph } = await load(template);
    expect(result.diagnostics.filter((d) => d.message.includes('S3'))).toEqual([]);
    expect(operations(graph)).toEqual(['DELETE /admin iam', 'GET /orders none']);

    const scanned = await scan({ paths: [template], cwd: root, only: ['GW-AUTH-001'] });
    const failures = scanned.results.filter((r) => r.status === 'fail');
    expect(failures.map((r): unknown[] => [r.node.id, r.location.kind === 'file' ? r.location.file : r.location, r.location.kind === 'file' ? r.location.line : undefined])).toEqual([
      [expect.stringContaining('/orders') as unknown, template, 7],
    ]);
  });

  it('reads BodyS3Location of a plain RestApi and an HTTP API when it is a local path', async () => {
    const template = write('infra/template.yaml', `Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: ../api/openapi.yaml
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      BodyS3Location: ../api/openapi.yaml
`);
    const { graph } = await load(template);
    expect(operations(graph)).toEqual(['DELETE /admin iam', 'DELETE /admin iam', 'GET /orders none', 'GET /orders none']);
  });

  it.each([
    ['a file that is not there', '../api/missing.yaml', 'no such file'],
    ['a file outside the scanned directory', '../../outside.yaml', 'outside the scanned directory'],
    ['a link in the tree to a file outside it', '../api/linked.yaml', 'outside the scanned directory'],
    ['a file that is not OpenAPI text', '../api/broken.yaml', 'line'],
  ])('says why %s is not read, and checks the rest', async (_name, uri, reason) => {
    write('api/broken.yaml', 'openapi: 3.0.1\npaths: [unclosed\n');
    symlinkSync(outsideSpec, join(root, 'api', 'linked.yaml'));
    const template = write('infra/template.yaml', `Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: ${uri}
`);
    const { result, graph } = await load(template);
    const warning = result.diagnostics.find((d) => d.message.includes('is not a readable OpenAPI document'));
    expect(warning).toMatchObject({ severity: 'warning', file: template, line: 5 });
    expect(warning?.message).toContain(uri);
    expect(warning?.message).toContain(reason);
    expect(graph.nodesOf('api.operation')).toEqual([]);
    expect(graph.nodesOf('api')).toHaveLength(1);
  });

  it('still leaves an S3 location unread, and says so', async () => {
    const template = write('infra/template.yaml', `Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: s3://bucket/openapi.yaml
`);
    const { result } = await load(template);
    expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('read from S3'));
  });

  it('inlines an AWS::Include of a local file before SAM runs, so DefaultAuthorizer applies to its routes', async () => {
    const template = write('infra/template.yaml', `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Auth:
        DefaultAuthorizer: AWS_IAM
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters:
            Location: ../api/openapi.yaml
`);
    const { result, graph } = await load(template);
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(operations(graph)).toEqual(['DELETE /admin iam', 'GET /orders iam']);
  });

  it('inlines an AWS::Include in the Body of a plain RestApi, and warns with the line of one it cannot read', async () => {
    const template = write('infra/template.yaml', `Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        Fn::Transform: { Name: AWS::Include, Parameters: { Location: ../api/openapi.yaml } }
  Missing:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        Fn::Transform: { Name: AWS::Include, Parameters: { Location: ./missing.yaml } }
  Remote:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/openapi.yaml } }
`);
    const { result, graph } = await load(template);
    expect(operations(graph)).toEqual(['DELETE /admin iam', 'GET /orders none']);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings).toEqual([expect.objectContaining({ file: template, line: 10, message: expect.stringContaining('AWS::Include of ./missing.yaml is not read') as unknown })]);
    // What is not read stays unknown: a notice for each, never a pass.
    expect(result.diagnostics.filter((d) => d.message.includes('not known statically')).map((d) => d.line)).toEqual([10, 15]);
  });

  it('merges an AWS::Include of resources into the Resources beside it', async () => {
    write('infra/resources.yaml', `Included:
  Type: AWS::ApiGateway::RestApi
  Properties:
    BodyS3Location: ../api/openapi.yaml
`);
    const template = write('infra/template.yaml', `Resources:
  Written:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: written
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: resources.yaml
`);
    const { result, graph } = await load(template);
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
    expect(graph.nodesOf('api').map((n) => n.name).sort()).toEqual(['Included', 'Written']);
    expect(operations(graph)).toEqual(['DELETE /admin iam', 'GET /orders none']);
  });
});
