/**
 * An APIM policy document as read from its XML: provider-neutral, so the Terraform and the live Azure providers
 * share it. https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-policies
 */

/** An attribute value or element text, with its policy expressions restored. */
export interface PolicyValue {
  readonly text: string;
  /** Computed at request time (`@(...)`, `@{...}`): its meaning is not known statically. */
  readonly hasExpression: boolean;
}

export interface PolicyElement {
  /** Element name as written, lower-cased (APIM element names are lower-case). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, PolicyValue>>;
  readonly children: readonly PolicyElement[];
  /** The text directly inside the element, trimmed. */
  readonly text: PolicyValue;
  /** 1-based line in the file the XML was read from (or in the XML itself when its place is not known). */
  readonly line: number;
  /** Of a policy inserted from a policy fragment: the fragment, and where it is written (not where its scope's policy is). */
  readonly fragment?: FragmentOrigin;
  /** Of an `<include-fragment>` left in place: why the fragment's policies are not known (a clause: "which is not in the scanned code"). */
  readonly unresolved?: string;
}

export interface FragmentOrigin {
  readonly id: string;
  readonly file?: string;
  /** The fragment's resource address in the source language, when it has one. */
  readonly address?: string;
}

/** The four sections; each policy in a section runs in document order. */
export type SectionName = 'inbound' | 'backend' | 'outbound' | 'on-error';
export const SECTION_NAMES: readonly SectionName[] = ['inbound', 'backend', 'outbound', 'on-error'];

/** Elements whose content is sections or policies. */
export const POLICY_CONTAINERS: ReadonlySet<string> = new Set(['policies', 'fragment', ...SECTION_NAMES, 'choose', 'when', 'otherwise', 'retry', 'wait']);

export interface PolicyDocument {
  /** The section elements present; a missing section behaves like one holding only `<base />`. */
  readonly sections: Readonly<Partial<Record<SectionName, PolicyElement>>>;
  readonly line: number;
  /**
   * With `applyTimePlaceholders`: the first placeholder written where sections or policies go
   * (`<inbound><base />${var.auth_policy}</inbound>`). It may stand for any policy, so what the document holds is not known.
   */
  readonly placeholderAmongPolicies?: string;
}

/** A policy fragment as read from its XML (`<fragment>` holding policies): https://learn.microsoft.com/en-us/azure/api-management/policy-fragments */
export interface PolicyFragment {
  /** Its policies, in order. */
  readonly elements: readonly PolicyElement[];
  readonly line: number;
  /** As in {@link PolicyDocument}: a placeholder where policies go makes what the fragment holds unknown. */
  readonly placeholderAmongPolicies?: string;
}

/** Where the XML sits: the file and the line of its first character, when known (a heredoc's first content line). */
export interface XmlOrigin {
  readonly file?: string;
  readonly line?: number;
  /** `false` when lines inside the XML do not map to lines of the file (a quoted string, `file()`): everything is at `line`. */
  readonly linesMap?: boolean;
  /**
   * The XML is the text of a Terraform template rendered as far as it is known: `${...}` marks a value known only at
   * apply time, read like a policy expression (not known statically).
   */
  readonly applyTimePlaceholders?: boolean;
}

/** Something in the XML that could not be read as written. */
export interface PolicyProblem {
  readonly message: string;
  readonly line: number;
}

export function findChildren(element: PolicyElement, name: string): PolicyElement[] {
  return element.children.filter((child) => child.name === name);
}
