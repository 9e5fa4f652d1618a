import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { ScopePolicy } from '../../apim-policy/effective-policy';
import type { PolicyProblem, XmlOrigin } from '../../apim-policy/policy-document';
import type { FragmentContent } from '../../apim-policy/policy-fragments';
import { readPolicyFragmentXml, readPolicyXml } from '../../apim-policy/read-policy-xml';
import { isUnknown, type TfAttribute, type TfBody, type TfResource, type TfValue } from '../model';
import { attribute, firstUnknown } from './read-attr';
import { resourceNotice } from './terraform-node';

/**
 * The policy XML of an `azurerm_api_management_*policy` resource: `xml_content` (usually a heredoc) or `xml_link`
 * (fetched by Azure at apply time, so unknown here), in the resource or in a block of it (`body`). Elements that cannot be read are warnings at their line.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api_policy
 */
export function readPolicyResource(resource: TfResource, diagnostics: Diagnostic[], body: TfBody = resource.body): ScopePolicy {
  const content = attribute(body, 'xml_content');
  if (content) {
    const read = readXml(resource, content, diagnostics, readPolicyXml);
    if (read.state === 'unknown') return { state: 'unknown', reason: `xml_content ${read.reason}` };
    return { state: 'known', document: read.value };
  }
  const link = attribute(body, 'xml_link');
  if (link) {
    diagnostics.push(resourceNotice(resource, 'the policy is read from xml_link at apply time; its content cannot be checked', link.source));
    return { state: 'unknown', reason: 'the policy is loaded from xml_link' };
  }
  return { state: 'unknown', reason: 'neither xml_content nor xml_link is set' };
}

/**
 * The policies of an `azurerm_api_management_policy_fragment` (`value`, XML in either `format`), marked with where
 * they are written; else why they are not known, as a clause ("whose value is not known statically (...)").
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_policy_fragment
 */
export function readFragmentResource(resource: TfResource, diagnostics: Diagnostic[]): FragmentContent {
  const value = attribute(resource.body, 'value');
  if (!value) return { state: 'unknown', reason: 'which has no value' };
  const read = readXml(resource, value, diagnostics, (xml, origin) => {
    const { fragment, problems } = readPolicyFragmentXml(xml, origin);
    return { document: fragment, problems };
  });
  if (read.state === 'unknown') return { state: 'unknown', reason: `whose value ${read.reason}` };
  return { state: 'known', elements: read.value.elements, file: xmlFile(value), address: resource.address };
}

type XmlReader<T> = (xml: string, origin: XmlOrigin) => { readonly document: T & { readonly placeholderAmongPolicies?: string }; readonly problems: readonly PolicyProblem[] };

/**
 * Reads the XML an attribute holds with `read`, problems as warnings at their lines. Unknown, with why ("is not known
 * statically (...)"), when the text is not known or a value known only at apply time stands where policies go.
 */
function readXml<T>(resource: TfResource, content: TfAttribute, diagnostics: Diagnostic[], read: XmlReader<T>): { state: 'known'; value: T } | { state: 'unknown'; reason: string } {
  const xml = policyText(content.value);
  if (!xml) return { state: 'unknown', reason: `is not known statically (${firstUnknown(content.value)?.expr ?? 'computed'})` };
  const { document, problems } = read(xml.text, { ...xmlOrigin(content, xml.text), applyTimePlaceholders: !xml.exact });
  for (const problem of problems) {
    diagnostics.push({
      severity: 'warning',
      message: `${resource.address}: policy XML: ${problem.message}`,
      file: xmlFile(content),
      line: problem.line,
      provider: 'terraform',
    });
  }
  if (document.placeholderAmongPolicies !== undefined) {
    return { state: 'unknown', reason: `puts a value known only at apply time where policies go (${document.placeholderAmongPolicies})` };
  }
  return { state: 'known', value: document };
}

/** The file the XML's lines are lines of: the one `file()` read whole, else the attribute's. */
export function xmlFile(content: TfAttribute): string {
  return content.valueFile ?? content.source.file;
}

/**
 * Where the XML's first line is, and whether its lines are the file's: a file `file()` read whole, a heredoc; a
 * quoted string or `templatefile()` gives no position inside the XML, so all of it is at the attribute.
 */
function xmlOrigin(content: TfAttribute, text: string): XmlOrigin {
  if (content.valueFile !== undefined) return { file: content.valueFile, line: 1, linesMap: true };
  const heredoc = isHeredoc(content, text);
  return {
    file: content.source.file,
    ...(content.source.line !== undefined && { line: heredoc ? content.source.line + 1 : content.source.line }),
    linesMap: heredoc,
  };
}

/**
 * A heredoc (`xml_content = <<XML`) spans its opening line, one line per content line and the closing marker, and
 * its content starts on the next line. A quoted string or `templatefile()` gives no position inside the
 * XML, so what is found in it points at the attribute.
 */
function isHeredoc(content: TfAttribute, text: string): boolean {
  const { line, endLine } = content.source;
  if (line === undefined || endLine === undefined) return false;
  const newlines = text.split('\n').length - 1;
  return endLine - line === (text.endsWith('\n') ? newlines + 1 : newlines + 2);
}

/**
 * The XML of `xml_content`: its text, or the text of a template rendered as far as it is known (a heredoc or
 * `templatefile()` naming a value known only at apply time, `backend-id="${azurerm_api_management_backend.b.name}"`).
 */
function policyText(value: TfValue): { readonly text: string; readonly exact: boolean } | undefined {
  if (typeof value === 'string') return { text: value, exact: true };
  return isUnknown(value) && typeof value.encoded === 'string' ? { text: value.encoded, exact: false } : undefined;
}
