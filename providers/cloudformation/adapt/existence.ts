import type { CfnResource } from '../template';

/**
 * Whether `resource` is created whenever what it attaches to is: it has no `Condition` that is not known statically,
 * or each of those has the same one (a template switching both on and off together).
 */
export function createdWith(resource: CfnResource, attachedTo: () => readonly CfnResource[]): boolean {
  if (resource.undecidedCondition === undefined) return true;
  const targets = attachedTo();
  return targets.length > 0 && targets.every((target) => target.undecidedCondition === resource.undecidedCondition);
}

/** Why a resource whose `Condition` is not known statically may not be there. */
export function mayNotBeCreated(resource: CfnResource): string {
  return `${resource.logicalId} may not be created: its condition ${resource.undecidedCondition ?? ''} is not known statically`;
}
