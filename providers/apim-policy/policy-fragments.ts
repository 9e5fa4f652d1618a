import { POLICY_CONTAINERS, SECTION_NAMES, type FragmentOrigin, type PolicyDocument, type PolicyElement, type SectionName } from './policy-document';

/**
 * `<include-fragment fragment-id="x" />` inserts fragment x's policies as they are, wherever it stands (a section,
 * a `choose` branch): https://learn.microsoft.com/en-us/azure/api-management/include-fragment-policy
 */

/** What a fragment id names: its policies and where they are written, or why they are not known (a clause: "which is not in the scanned code"). */
export type FragmentContent =
  | { readonly state: 'known'; readonly elements: readonly PolicyElement[]; readonly file?: string; readonly address?: string }
  | { readonly state: 'unknown'; readonly reason: string };

export type FragmentLookup = (id: string) => FragmentContent;

/**
 * The document with each `<include-fragment>` replaced by its fragment's policies, each marked with where the
 * fragment is written. An include whose fragment is not known stays, marked `unresolved` with why. Fragments cannot
 * include fragments, so what a fragment holds is inserted as it is. The document itself when it includes nothing.
 */
export function expandFragments(document: PolicyDocument, lookup: FragmentLookup): PolicyDocument {
  let sections: Partial<Record<SectionName, PolicyElement>> | undefined;
  for (const name of SECTION_NAMES) {
    const section = document.sections[name];
    const expanded = section && withChildrenExpanded(section, lookup);
    if (expanded && expanded !== section) (sections ??= { ...document.sections })[name] = expanded;
  }
  return sections ? { ...document, sections } : document;
}

/** The element with includes among its children (at any depth of policy containers) expanded; itself when none. */
function withChildrenExpanded(element: PolicyElement, lookup: FragmentLookup): PolicyElement {
  let children: PolicyElement[] | undefined;
  element.children.forEach((child, i) => {
    const replaced = expanded(child, lookup);
    if (!children && replaced.length === 1 && replaced[0] === child) return;
    (children ??= element.children.slice(0, i)).push(...replaced);
  });
  return children ? { ...element, children } : element;
}

function expanded(element: PolicyElement, lookup: FragmentLookup): readonly PolicyElement[] {
  if (element.name === 'include-fragment') {
    const id = element.attributes['fragment-id'];
    if (!id || id.hasExpression || id.text.trim() === '') return [{ ...element, unresolved: 'which is not named statically' }];
    const content = lookup(id.text.trim());
    if (content.state === 'unknown') return [{ ...element, unresolved: content.reason }];
    const origin: FragmentOrigin = { id: id.text.trim(), ...(content.file !== undefined && { file: content.file }), ...(content.address !== undefined && { address: content.address }) };
    return content.elements.map((e) => fromFragment(e, origin));
  }
  return POLICY_CONTAINERS.has(element.name) ? [withChildrenExpanded(element, lookup)] : [element];
}

function fromFragment(element: PolicyElement, origin: FragmentOrigin): PolicyElement {
  return { ...element, fragment: origin, children: element.children.map((child) => fromFragment(child, origin)) };
}

/** `fragment x`: what an `<include-fragment>` names, for messages. */
export function includedFragment(element: PolicyElement): string {
  return `fragment ${element.attributes['fragment-id']?.text.trim() || '?'}`;
}

/** `fragment x, <why>`, for messages about an include left in place. */
export function unresolvedInclude(element: PolicyElement): string {
  return `${includedFragment(element)}, ${element.unresolved ?? 'which is not expanded'}`;
}
