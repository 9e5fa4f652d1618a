import { dirname, relative, sep } from 'node:path';
import type { InlineSuppression, LoadRequest, LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../src/graph/kinds';
import { readTextFile } from '../read-text-file';
import { adaptTemplate } from './adapt';
import { looksLikeTemplate } from './detect';
import { inlineLocalIncludes, readLocalDocuments } from './local-documents';
import { readParameterOverrides } from './parameter-files';
import { parseTemplate } from './parse';
import { readTemplate } from './read-template';
import type { Resolver } from './resolve';
import { templateSuppressions } from './suppressions';
import type { CfnTemplate } from './template';
import { TEMPLATE_TRANSFORMS, TRANSPARENT_TRANSFORMS } from './transforms';

/**
 * CloudFormation templates (YAML with short-form tags, or JSON), including CDK's `cdk.out/*.template.json`.
 * Each file is read on its own: parse → resolve parameters and conditions → transforms (SAM) → adapt.
 */
const cloudformation: ProviderAdapter = {
  id: 'cloudformation',
  description: 'AWS CloudFormation templates (YAML and JSON, short-form intrinsics) and CDK synthesized templates (cdk.out/*.template.json)',
  kind: 'file',
  matches({ path, head }) {
    return looksLikeTemplate(path, head);
  },
  load({ files, options }: LoadRequest): Promise<LoadResult> {
    const cwd = options.cwd ?? process.cwd();
    const parameters = readParameterOverrides(options.cfnParameterFiles ?? [], options.cfnParameters ?? {}, options.maxFileBytes);
    const nodes: AnyNode[] = [];
    const edges: Edge[] = [];
    const diagnostics: Diagnostic[] = [...parameters.diagnostics];
    const suppressions: InlineSuppression[] = [];
    for (const file of files) {
      const loaded = loadTemplate(file, relative(cwd, file).split(sep).join('/'), parameters.overrides, options.maxFileBytes, cwd);
      for (const diagnostic of loaded.diagnostics) diagnostics.push(diagnostic);
      for (const suppression of loaded.suppressions) suppressions.push(suppression);
      if (!loaded.template || !loaded.resolver) continue;
      const adapted = adaptTemplate(loaded.template, loaded.resolver, readLocalDocuments(loaded.template, cwd, options.maxFileBytes));
      for (const node of adapted.nodes) nodes.push(node);
      for (const edge of adapted.edges) edges.push(edge);
      for (const diagnostic of adapted.diagnostics) diagnostics.push(diagnostic);
    }
    return Promise.resolve({ nodes, edges, diagnostics, suppressions });
  },
};

/** One file, read, parsed and expanded: everything but the adapters. */
export function loadTemplate(
  file: string, label: string, overrides: ReadonlyMap<string, string>, maxBytes?: number, scanRoot = dirname(file),
): { template: CfnTemplate | undefined; resolver: Resolver | undefined; diagnostics: Diagnostic[]; suppressions: InlineSuppression[] } {
  const read = readTextFile(file, maxBytes);
  if ('diagnostic' in read) return { template: undefined, resolver: undefined, diagnostics: [{ ...read.diagnostic, provider: 'cloudformation' }], suppressions: [] };
  const parsed = parseTemplate(read.text, file);
  if (!parsed.ok) {
    return {
      template: undefined, resolver: undefined, suppressions: [],
      diagnostics: [{ severity: 'error', message: `cannot parse the template: ${parsed.reason}`, file, ...(parsed.line !== undefined && { line: parsed.line }), provider: 'cloudformation' }],
    };
  }
  // Most templates include nothing: only those that name AWS::Include are walked.
  const included = read.text.includes('AWS::Include') ? inlineLocalIncludes(parsed.root, parsed.lines, file, scanRoot, maxBytes) : { root: parsed.root, diagnostics: [] };
  const result = readTemplate(included.root, parsed.lines, file, label, overrides);
  let { template } = result;
  const diagnostics = [...included.diagnostics, ...result.diagnostics];
  if (!template || !result.resolver) return { template, resolver: result.resolver, diagnostics, suppressions: [] };
  // Suppressions are read from the template as written: they cover what transforms generate from a resource.
  const found = templateSuppressions(read.text, template);
  diagnostics.push(...found.diagnostics);
  for (const name of transformsToRun(template, file, diagnostics)) {
    const transform = TEMPLATE_TRANSFORMS.find((t) => t.name === name);
    if (transform) {
      const expanded = transform.expand(template, result.resolver);
      template = expanded.template;
      diagnostics.push(...expanded.diagnostics);
    } else if (!TRANSPARENT_TRANSFORMS.has(name)) {
      const at = template.locate(['Transform']);
      diagnostics.push({
        severity: 'notice', file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation',
        message: `the ${name} transform is not expanded: resources it generates are not checked`,
      });
    }
  }
  return { template, resolver: result.resolver, diagnostics, suppressions: found.suppressions };
}

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * The transforms to run: those the template declares, plus SAM when `AWS::Serverless::*` resources appear without
 * the SAM `Transform` line. CloudFormation would reject such a template, but fragments, templates assembled by
 * tools and SAM's own test inputs omit the line; their resource types say what they are, so they are expanded
 * rather than silently yielding nothing.
 */
function transformsToRun(template: CfnTemplate, file: string, diagnostics: Diagnostic[]): readonly string[] {
  if (template.transforms.includes(SAM_TRANSFORM)) return template.transforms;
  const sam = template.resources.find((r) => r.type.startsWith('AWS::Serverless::'));
  if (!sam) return template.transforms;
  diagnostics.push({
    severity: 'notice', file, ...(sam.source.line !== undefined && { line: sam.source.line }), provider: 'cloudformation',
    message: `${sam.logicalId} is of type ${sam.type} but the template declares no Transform: ${SAM_TRANSFORM}; it is expanded as SAM would`,
  });
  return [...template.transforms, SAM_TRANSFORM];
}

export default cloudformation;
