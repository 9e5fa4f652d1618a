import type { InlineSuppression } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { findInlineSuppressions, MIN_REASON_LENGTH, YAML_COMMENTS, type BlockRange } from '../inline-suppressions';
import type { CfnTemplate } from './template';
import { isRecord } from '../is-record';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Suppressions written in a template, before any transform: `Metadata: { gatewarden: { ignore: [{ id, reason,
 * expires? }] } }` on a resource, and `# gatewarden:ignore GW-XXX-NNN reason` comments inside or just above a
 * resource (YAML). Both apply to every node whose place is within the resource's lines, which includes the
 * resources SAM generates from it. An entry without an id or a reason is a warning and is not applied.
 */
export function templateSuppressions(text: string, template: CfnTemplate): { suppressions: InlineSuppression[]; diagnostics: Diagnostic[] } {
  const suppressions: InlineSuppression[] = [];
  const diagnostics: Diagnostic[] = [];
  const blocks: BlockRange[] = [];
  for (const resource of template.resources) {
    const { line, endLine } = resource.source;
    if (line === undefined) continue;
    const block = { line, endLine: endLine ?? line };
    blocks.push(block);
    const entries = metadataEntries(resource.metadata);
    if (entries === undefined) continue;
    const listPath = ['Resources', resource.logicalId, 'Metadata', 'gatewarden', 'ignore'];
    if (!Array.isArray(entries)) {
      diagnostics.push(warning(template, listPath, `${resource.logicalId}: Metadata.gatewarden.ignore is not a list of {id, reason}; not applied`));
      continue;
    }
    (entries as unknown[]).forEach((entry, index) => {
      const path = [...listPath, index];
      const at = template.locate(path);
      const id = isRecord(entry) ? entry['id'] : undefined;
      const reason = isRecord(entry) && typeof entry['reason'] === 'string' ? entry['reason'].trim() : '';
      const expires = isRecord(entry) ? entry['expires'] : undefined;
      if (typeof id !== 'string' || id.trim() === '') {
        diagnostics.push(warning(template, path, `${resource.logicalId}: a Metadata.gatewarden.ignore entry has no id (write {id: GW-XXX-NNN, reason: ...}); not applied`));
        return;
      }
      if (reason.length < MIN_REASON_LENGTH) {
        diagnostics.push(warning(template, path, `${resource.logicalId}: Metadata.gatewarden.ignore ${id} has ${reason === '' ? 'no reason' : `too short a reason ("${reason}")`}; say why the risk is accepted (at least ${MIN_REASON_LENGTH} characters); not applied`));
        return;
      }
      const expiry = typeof expires === 'string' ? expires : undefined;
      if (expires !== undefined && (expiry === undefined || !DATE.test(expiry))) {
        diagnostics.push(warning(template, path, `${resource.logicalId}: Metadata.gatewarden.ignore ${id} has an expiry that is not a YYYY-MM-DD date; not applied`));
        return;
      }
      suppressions.push({
        policy: id.trim(), reason, ...(expiry !== undefined && { expires: expiry }), file: template.file, line: at.line ?? block.line,
        appliesTo: { file: template.file, fromLine: block.line, toLine: block.endLine },
      });
    });
  }
  const comments = findInlineSuppressions(text, template.file, blocks, YAML_COMMENTS, 'cloudformation');
  return { suppressions: [...suppressions, ...comments.suppressions], diagnostics: [...diagnostics, ...comments.diagnostics] };
}

/** `Metadata.gatewarden.ignore` as written; `undefined` when the resource has none. */
function metadataEntries(metadata: unknown): unknown {
  if (!isRecord(metadata)) return undefined;
  const gatewarden = metadata['gatewarden'];
  return isRecord(gatewarden) ? gatewarden['ignore'] : undefined;
}

function warning(template: CfnTemplate, path: readonly (string | number)[], message: string): Diagnostic {
  const at = template.locate(path);
  return { severity: 'warning', message, file: template.file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation' };
}

