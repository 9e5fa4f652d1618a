import { findChildren, POLICY_CONTAINERS, type PolicyDocument, type PolicyElement, type SectionName } from './policy-document';
import { unresolvedInclude } from './policy-fragments';

/**
 * The effective policy of one request path: each scope's section runs its own policies, and `<base />` marks where
 * the enclosing scope's section runs. Scopes nest service (global) → product → API → operation; a scope without a
 * policy, or a policy without that section, inherits the enclosing section unchanged. A section without `<base />`
 * replaces everything inherited: https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-policies#scopes
 */

export type ScopeLevel = 'service' | 'product' | 'api' | 'operation';

export type ScopePolicy =
  | { readonly state: 'none' }
  /** A policy exists, but its content is not known statically (`xml_link`, computed `xml_content`). */
  | { readonly state: 'unknown'; readonly reason: string }
  | { readonly state: 'known'; readonly document: PolicyDocument };

export interface PolicyScope<Origin = unknown> {
  readonly level: ScopeLevel;
  /** For messages: the service, product, API or operation name. */
  readonly name: string;
  readonly policy: ScopePolicy;
  /** Whatever the caller needs to point at the scope's policy (a source location, a resource). */
  readonly origin?: Origin;
}

export type EffectiveEntry<Origin = unknown> =
  | { readonly kind: 'policy'; readonly element: PolicyElement; readonly scope: PolicyScope<Origin> }
  /**
   * Policies of a scope whose content is unknown run here, or those of a fragment it includes that is not known
   * (`include`, the `<include-fragment>` left in place): they could be anything.
   */
  | { readonly kind: 'unknown'; readonly scope: PolicyScope<Origin>; readonly include?: PolicyElement };

/** A scope's section that omits `<base />` and so drops what the enclosing scopes run. */
export interface DroppedInheritance<Origin = unknown> {
  readonly scope: PolicyScope<Origin>;
  readonly section: SectionName;
  /** The section element that omits `<base />`. */
  readonly element: PolicyElement;
  /** What no longer runs. */
  readonly dropped: readonly EffectiveEntry<Origin>[];
}

export interface EffectiveSection<Origin = unknown> {
  readonly section: SectionName;
  /** In execution order. */
  readonly entries: readonly EffectiveEntry<Origin>[];
  readonly dropped: readonly DroppedInheritance<Origin>[];
}

/**
 * Composes a section along a chain of scopes, outermost first. A scope whose policy is unknown is assumed to keep
 * `<base />` (the usual case) and to add policies we cannot see: they are an `unknown` entry before the inherited ones.
 */
export function effectiveSection<Origin>(chain: readonly PolicyScope<Origin>[], section: SectionName): EffectiveSection<Origin> {
  let entries: EffectiveEntry<Origin>[] = [];
  const dropped: DroppedInheritance<Origin>[] = [];
  for (const scope of chain) {
    switch (scope.policy.state) {
      case 'none':
        break;
      case 'unknown':
        entries = [{ kind: 'unknown', scope }, ...entries];
        break;
      case 'known': {
        const element = scope.policy.document.sections[section];
        if (!element) break;
        const next: EffectiveEntry<Origin>[] = [];
        let inherited = false;
        for (const child of element.children) {
          if (child.name === 'base') {
            // A second `<base />` would run the enclosing policies twice; APIM rejects it, we read the first.
            if (!inherited) next.push(...entries);
            inherited = true;
          } else if (child.name === 'include-fragment') {
            // Left in place: its fragment is not known (expanded ones were replaced by their policies).
            next.push({ kind: 'unknown', scope, include: child });
          } else next.push({ kind: 'policy', element: child, scope });
        }
        if (!inherited && entries.length > 0) dropped.push({ scope, section, element, dropped: entries });
        entries = next;
        break;
      }
    }
  }
  return { section, entries, dropped };
}

/** A policy found in an effective section, and whether it runs on every request or only under a `choose` branch. */
export interface FoundPolicy<Origin = unknown> {
  readonly element: PolicyElement;
  readonly scope: PolicyScope<Origin>;
  /** Inside `<choose>` (or another policy): runs only when its condition holds. */
  readonly conditional: boolean;
}

/**
 * Policies named `names` in a section, top-level ones and those nested in `choose` branches (marked conditional).
 * A `choose` whose every branch that can run, `<otherwise>` included, runs one of them (or rejects the request) is not
 * conditional: one runs on every request that goes on. A branch that never runs counts for nothing.
 */
export function findPolicies<Origin>(effective: EffectiveSection<Origin>, names: readonly string[]): FoundPolicy<Origin>[] {
  const found: FoundPolicy<Origin>[] = [];
  const visit = (element: PolicyElement, scope: PolicyScope<Origin>, conditional: boolean) => {
    if (names.includes(element.name)) found.push({ element, scope, conditional });
    // Only control-flow elements nest other policies; a policy's own children are its configuration.
    if (element.name === 'choose') {
      const inBranches = conditional || !everyBranchRuns(element, names);
      for (const branch of branchesThatMayRun(element).branches) for (const child of branch.children) visit(child, scope, inBranches);
    } else if (element.name === 'retry' || element.name === 'wait') {
      for (const child of element.children) visit(child, scope, true);
    }
  };
  for (const entry of effective.entries) if (entry.kind === 'policy') visit(entry.element, entry.scope, false);
  return found;
}

/**
 * Each branch that can run, one of them running on every request (an `<otherwise>`, or a `<when>` whose condition is
 * the constant `true`), runs one of `names` directly or through a nested `choose` that always does, or rejects the
 * request; at least one runs it. A branch that rejects lets no request on (`<when>` no token: 401, `<otherwise>`
 * validate-jwt), so the policy still runs on every request that goes on.
 */
function everyBranchRuns(choose: PolicyElement, names: readonly string[]): boolean {
  const { branches, oneAlwaysRuns } = branchesThatMayRun(choose);
  if (!oneAlwaysRuns) return false;
  const runs = (branch: PolicyElement) => branch.children.some((c) => names.includes(c.name) || (c.name === 'choose' && everyBranchRuns(c, names)));
  return branches.some(runs) && branches.every((branch) => runs(branch) || rejects(branch));
}

/**
 * The branches of a `choose` that can run, in order. APIM runs the first `<when>` whose condition holds, else the
 * `<otherwise>`; a condition may be a Boolean constant as well as an expression
 * (https://learn.microsoft.com/en-us/azure/api-management/choose-policy). A `<when condition="false">` never runs; one
 * with `"true"` runs whenever no earlier branch does, so the branches after it never run. `oneAlwaysRuns`: the last
 * branch that can run is taken on every request no earlier one takes (an `<otherwise>` or a constant-true `<when>`).
 */
function branchesThatMayRun(choose: PolicyElement): { readonly branches: readonly PolicyElement[]; readonly oneAlwaysRuns: boolean } {
  const branches: PolicyElement[] = [];
  for (const branch of choose.children) {
    if (branch.name !== 'when' && branch.name !== 'otherwise') continue;
    const constant = branch.name === 'otherwise' ? true : constantCondition(branch);
    if (constant === false) continue;
    branches.push(branch);
    if (constant === true) return { branches, oneAlwaysRuns: true };
  }
  return { branches, oneAlwaysRuns: false };
}

/** A `<when>` condition written as the Boolean constant `true` or `false`; `undefined` for an expression. */
function constantCondition(when: PolicyElement): boolean | undefined {
  const condition = when.attributes['condition'];
  if (!condition || condition.hasExpression) return undefined;
  const text = condition.text.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/**
 * The branch always ends in a `return-response` with a fixed error status (4xx, 5xx). One that answers with a
 * computed status, a success or redirect, or another response (`response-variable-name`) may serve content.
 */
function rejects(branch: PolicyElement): boolean {
  return branch.children.some((c) => {
    if (c.name !== 'return-response' || c.attributes['response-variable-name'] !== undefined) return false;
    const code = findChildren(c, 'set-status')[0]?.attributes['code'];
    return code !== undefined && !code.hasExpression && /^[45]\d\d$/.test(code.text.trim());
  });
}

/** Policies that may run in a section but are not known: why, and the `<include-fragment>` that brings them, if one does. */
export interface UnknownPolicies<Origin = unknown> {
  readonly scope: PolicyScope<Origin>;
  readonly reason: string;
  readonly include?: PolicyElement;
}

/**
 * What runs in this section that is not known: scopes whose policy is not known, and fragments not known that are
 * included, directly or in a `choose` branch (where they may complete a branch). Anything not found might be there.
 */
export function unknownPolicies<Origin>(effective: EffectiveSection<Origin>): UnknownPolicies<Origin>[] {
  const found: UnknownPolicies<Origin>[] = [];
  const nested = (element: PolicyElement, scope: PolicyScope<Origin>): void => {
    if (!POLICY_CONTAINERS.has(element.name)) return;
    // What a branch that never runs includes runs nowhere.
    for (const child of element.name === 'choose' ? branchesThatMayRun(element).branches : element.children) {
      if (child.name === 'include-fragment') found.push({ scope, include: child, reason: `the ${scope.level} policy of ${scope.name} includes ${unresolvedInclude(child)} (under <${element.name}>)` });
      else nested(child, scope);
    }
  };
  for (const entry of effective.entries) {
    if (entry.kind === 'policy') nested(entry.element, entry.scope);
    else if (entry.include) found.push({ scope: entry.scope, include: entry.include, reason: `the ${entry.scope.level} policy of ${entry.scope.name} includes ${unresolvedInclude(entry.include)}` });
    else {
      const why = entry.scope.policy.state === 'unknown' ? ` (${entry.scope.policy.reason})` : '';
      found.push({ scope: entry.scope, reason: `the ${entry.scope.level} policy of ${entry.scope.name} is not known statically${why}` });
    }
  }
  return found;
}
