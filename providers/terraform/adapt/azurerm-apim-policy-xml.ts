import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { ScopePolicy } from '../../apim-policy/effective-policy';
import { readPolicyXml } from '../../apim-policy/read-policy-xml';
import type { TfAttribute, TfBody, TfResource } from '../model';
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
    const hidden = firstUnknown(content.value);
    if (hidden || typeof content.value !== 'string') return { state: 'unknown', reason: `xml_content is not known statically (${hidden?.expr ?? 'computed'})` };
    const heredoc = isHeredoc(content);
    const { document, problems } = readPolicyXml(content.value, {
      file: content.source.file,
      ...(content.source.line !== undefined && { line: heredoc ? content.source.line + 1 : content.source.line }),
      linesMap: heredoc,
    });
    for (const problem of problems) {
      diagnostics.push({
        severity: 'warning',
        message: `${resource.address}: policy XML: ${problem.message}`,
        file: content.source.file,
        line: problem.line,
        provider: 'terraform',
      });
    }
    return { state: 'known', document };
  }
  const link = attribute(body, 'xml_link');
  if (link) {
    diagnostics.push(resourceNotice(resource, 'the policy is read from xml_link at apply time; its content cannot be checked', link.source));
    return { state: 'unknown', reason: 'the policy is loaded from xml_link' };
  }
  return { state: 'unknown', reason: 'neither xml_content nor xml_link is set' };
}

/**
 * A heredoc (`xml_content = <<XML`) spans its opening line, one line per content line and the closing marker, and
 * its content starts on the next line. A quoted string, `file()` or `templatefile()` gives no position inside the
 * XML, so what is found in it points at the attribute.
 */
function isHeredoc(content: TfAttribute): boolean {
  const { line, endLine } = content.source;
  if (line === undefined || endLine === undefined || typeof content.value !== 'string') return false;
  const newlines = content.value.split('\n').length - 1;
  return endLine - line === (content.value.endsWith('\n') ? newlines + 1 : newlines + 2);
}
