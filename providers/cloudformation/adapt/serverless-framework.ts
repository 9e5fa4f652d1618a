import { unknown, type Attr } from '../../../src/graph/attr';
import type { FileSource } from '../../../src/graph/source';
import type { CfnTemplate } from '../template';

/**
 * A template compiled by the Serverless Framework (`serverless package`, `.serverless/*.json`): it creates or names
 * the framework's deployment bucket.
 */
export function isServerlessFrameworkTemplate(template: CfnTemplate): boolean {
  const outputs = template.root['Outputs'];
  return template.resources.some((resource) => resource.logicalId === 'ServerlessDeploymentBucket')
    || (typeof outputs === 'object' && outputs !== null && 'ServerlessDeploymentBucketName' in outputs);
}

/**
 * The framework turns on the logs and tracing of the stage it deploys with API calls after the stack is deployed
 * (`provider.logs.restApi`, `provider.tracing.apiGateway` in serverless.yml), never in the compiled template:
 * https://github.com/serverless/serverless/pull/6084. A setting the template leaves to its default is not known then.
 */
export function setAfterDeploy<T>(attr: Attr<T>, fallback: FileSource): Attr<T> {
  return attr.state === 'default'
    ? unknown('the Serverless Framework sets the logs and tracing of its stage after deploying (provider.logs.restApi, provider.tracing.apiGateway in serverless.yml), not in the compiled template', attr.source ?? fallback)
    : attr;
}
