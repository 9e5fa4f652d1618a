import { Parser } from 'htmlparser2';
import { maskExpressions, restoreExpressions } from './mask-expressions';
import { POLICY_CONTAINERS, SECTION_NAMES, type PolicyDocument, type PolicyElement, type PolicyFragment, type PolicyProblem, type PolicyValue, type SectionName, type XmlOrigin } from './policy-document';

/**
 * Reads APIM policy XML leniently (the only importer of htmlparser2). Real policies often are not well-formed XML,
 * so a strict parser rejects many: expressions are masked first, then htmlparser2's forgiving tokenizer reads tags,
 * attributes, comments and CDATA; whatever still does not fit (an element never closed, an expression never ended,
 * a root other than `<policies>` or, for a fragment, `<fragment>`) is a problem with its line, and the rest is kept.
 */
export interface ReadPolicyResult {
  readonly document: PolicyDocument;
  readonly problems: readonly PolicyProblem[];
}

interface OpenElement {
  readonly name: string;
  readonly attributes: Record<string, PolicyValue>;
  readonly children: PolicyElement[];
  text: string;
  readonly start: number;
  readonly line: number;
}

export function readPolicyXml(xml: string, origin: XmlOrigin = {}): ReadPolicyResult {
  const { root, line, problems, placeholder } = readRoot(xml, origin, 'policies');
  const sections: Partial<Record<SectionName, PolicyElement>> = {};
  for (const child of root?.children ?? []) {
    const section = SECTION_NAMES.find((s) => s === child.name);
    if (section === undefined) problems.push({ message: `<${child.name}> is not a policy section (inbound, backend, outbound, on-error)`, line: child.line });
    else if (sections[section]) problems.push({ message: `<${section}> appears twice; only the first is read`, line: child.line });
    else sections[section] = child;
  }
  return { document: { sections, line, ...(placeholder !== undefined && { placeholderAmongPolicies: placeholder }) }, problems };
}

/** A policy fragment's XML (`<fragment>` and its policies), read as leniently as a policy. */
export function readPolicyFragmentXml(xml: string, origin: XmlOrigin = {}): { readonly fragment: PolicyFragment; readonly problems: readonly PolicyProblem[] } {
  const { root, line, problems, placeholder } = readRoot(xml, origin, 'fragment');
  return { fragment: { elements: root?.children ?? [], line, ...(placeholder !== undefined && { placeholderAmongPolicies: placeholder }) }, problems };
}

/**
 * The root element named `name` (`<policies>`, `<fragment>`) and its line, or, when there is none, a problem saying
 * so at the first element's line; with the first apply-time placeholder written among policies under it.
 */
function readRoot(xml: string, origin: XmlOrigin, name: string): { root: PolicyElement | undefined; line: number; problems: PolicyProblem[]; placeholder: string | undefined } {
  const { roots, problems, firstLine } = readElements(xml, origin);
  const root = roots.find((r) => r.name === name);
  if (!root) {
    const first = roots[0];
    problems.push({ message: first ? `the root element is <${first.name}>, not <${name}>` : `no <${name}> element found`, line: first?.line ?? firstLine });
    return { root: undefined, line: first?.line ?? firstLine, problems, placeholder: undefined };
  }
  const placeholder = origin.applyTimePlaceholders === true ? placeholderAmongPolicies([root]) : undefined;
  return { root, line: root.line, problems, placeholder };
}

/** The elements of the XML, top-level ones as roots, and what could not be read as written. */
function readElements(xml: string, origin: XmlOrigin): { roots: PolicyElement[]; problems: PolicyProblem[]; firstLine: number } {
  const masked = maskExpressions(xml, origin.applyTimePlaceholders === true);
  const text = masked.text;
  const lineStarts = lineStartsOf(text);
  const firstLine = origin.line ?? 1;
  const linesMap = origin.linesMap ?? true;
  const lineAt = (offset: number) => (linesMap ? firstLine + lineIndex(lineStarts, offset) : firstLine);
  const problems: PolicyProblem[] = [];
  const restore = (value: string): PolicyValue => restoreExpressions(value, masked.expressions);
  for (const offset of masked.unclosed) {
    problems.push({ message: 'policy expression is never closed: the rest of the policy is read as text', line: linesMap ? firstLine + lineIndex(lineStartsOf(xml), offset) : firstLine });
  }

  const roots: PolicyElement[] = [];
  const stack: OpenElement[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const attributes: Record<string, PolicyValue> = {};
        for (const [key, value] of Object.entries(attribs)) attributes[key.toLowerCase()] = restore(value);
        stack.push({ name: name.toLowerCase(), attributes, children: [], text: '', start: parser.startIndex, line: lineAt(parser.startIndex) });
      },
      ontext(data) {
        const current = stack[stack.length - 1];
        if (current) current.text += data;
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        const selfClosing = parser.startIndex === open.start && text.slice(open.start, parser.endIndex + 1).trimEnd().endsWith('/>');
        if (isImplied && !selfClosing) problems.push({ message: `<${open.name}> is not closed`, line: open.line });
        const element: PolicyElement = {
          name: open.name,
          attributes: open.attributes,
          children: open.children,
          text: trimmed(restore(open.text)),
          line: open.line,
        };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else roots.push(element);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return { roots, problems, firstLine };
}

/** The first Terraform placeholder (`${...}`) written directly among sections or policies, when any. */
function placeholderAmongPolicies(elements: readonly PolicyElement[]): string | undefined {
  for (const element of elements) {
    if (!POLICY_CONTAINERS.has(element.name)) continue;
    if (element.text.text.includes('${')) return element.text.text;
    const nested = placeholderAmongPolicies(element.children);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function trimmed(value: PolicyValue): PolicyValue {
  return { ...value, text: value.text.trim() };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset. */
function lineIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
