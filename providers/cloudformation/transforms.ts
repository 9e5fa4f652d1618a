import type { Diagnostic } from '../../src/graph/diagnostic';
import type { Resolver } from './resolve';
import { samTransform } from './sam';
import type { CfnTemplate } from './template';

/**
 * A template transform run between reading and adapting: it rewrites a template into plain CloudFormation
 * resources, the way CloudFormation runs `Transform` before creating anything. SAM
 * (`AWS::Serverless-2016-10-31`) plugs in here: it replaces each `AWS::Serverless::*` resource by the
 * `AWS::ApiGateway*` resources SAM would generate (with `generatedFrom` and `locate` pointing at the SAM
 * properties), so the service adapters and the policies never learn about SAM.
 */
export interface TemplateTransform {
  /** The `Transform` name it implements, e.g. `AWS::Serverless-2016-10-31`. */
  readonly name: string;
  expand(template: CfnTemplate, resolver: Resolver): { readonly template: CfnTemplate; readonly diagnostics: readonly Diagnostic[] };
}

/** Transforms gatewarden implements, by name. */
export const TEMPLATE_TRANSFORMS: readonly TemplateTransform[] = [samTransform];

/** Transforms that change nothing the adapters read, or that the resolver already evaluates (`Fn::ToJsonString`...). */
export const TRANSPARENT_TRANSFORMS: ReadonlySet<string> = new Set(['AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen', 'AWS::SecretsManager-2020-07-23']);
