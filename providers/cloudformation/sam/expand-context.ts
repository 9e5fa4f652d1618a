import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import type { Resolver } from '../resolve';
import type { CfnResource, CfnTemplate } from '../template';

/** What the SAM expansion of one template shares between resources. */
export class ExpandContext {
  readonly template: CfnTemplate;
  readonly resolver: Resolver;
  readonly diagnostics: Diagnostic[] = [];
  readonly generated: CfnResource[] = [];
  /** Logical ids taken: written resources and generated ones. */
  private readonly taken: Set<string>;
  /** `Auth.UsagePlan.CreateUsagePlan: SHARED`: one plan for every API that asks for it, made by the first. */
  sharedUsagePlan: { readonly plan: string; readonly apiStages: unknown[] } | undefined;

  /** `replaced`: the types the expansion removes (their logical ids are reused, e.g. the RestApi of a SAM Api). */
  constructor(template: CfnTemplate, resolver: Resolver, replaced: ReadonlySet<string>) {
    this.template = template;
    this.resolver = resolver;
    this.taken = new Set(template.resources.filter((r) => !replaced.has(r.type)).map((r) => r.logicalId));
  }

  add(resource: CfnResource): void {
    if (this.taken.has(resource.logicalId)) {
      this.notice(resource.source, `SAM would generate ${resource.logicalId}, but the template already has a resource of that name; the generated one is not checked`, 'warning');
      return;
    }
    this.taken.add(resource.logicalId);
    // What SAM generates exists when the resource it comes from does: under its Condition.
    const condition = this.template.resources.find((r) => r.logicalId === resource.generatedFrom)?.undecidedCondition;
    this.generated.push(condition === undefined ? resource : { ...resource, undecidedCondition: condition });
  }

  notice(at: FileSource, message: string, severity: Diagnostic['severity'] = 'notice'): void {
    this.diagnostics.push({ severity, message, file: at.file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation' });
  }
}
