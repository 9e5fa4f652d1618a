import type { InlineSuppression } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { findInlineSuppressions, MIN_REASON_LENGTH, YAML_COMMENTS, type BlockRange } from '../inline-suppressions';
import type { K8sObject } from './manifest';

/** The annotation that accepts findings on an object: one `GW-XXX-NNN: reason [exp:YYYY-MM-DD]` per line. */
export const IGNORE_ANNOTATION = 'gatewarden.io/ignore';

/**
 * Suppressions of one manifest text: `# gatewarden:ignore GW-XXX-NNN reason` comments inside or directly above an
 * object, and `gatewarden.io/ignore` annotations, which apply to every node made from their object.
 */
export function suppressionsOf(text: string, file: string, objects: readonly K8sObject[]): { suppressions: InlineSuppression[]; diagnostics: Diagnostic[] } {
  const blocks: BlockRange[] = objects.flatMap((o) => (o.source.line !== undefined ? [{ line: o.source.line, endLine: o.source.endLine ?? o.source.line }] : []));
  const found = findInlineSuppressions(text, file, blocks, YAML_COMMENTS, 'kubernetes');
  const suppressions = [...found.suppressions];
  const diagnostics = [...found.diagnostics];
  for (const object of objects) {
    const value = object.annotations[IGNORE_ANNOTATION];
    if (value === undefined) continue;
    const at = object.locate(['metadata', 'annotations', IGNORE_ANNOTATION]);
    const line = at.line ?? object.source.line ?? 1;
    for (const entry of value.split(/\r?\n/).map((e) => e.trim()).filter((e) => e !== '')) {
      const match = /^([\w/.,-]+)\s*:\s*(.*)$/.exec(entry);
      const policies = match?.[1]?.split(',').map((p) => p.trim()).filter((p) => p !== '') ?? [];
      const expiry = /\s*\bexp:(\d{4}-\d{2}-\d{2})\s*$/.exec(match?.[2] ?? '');
      const reason = (expiry ? (match?.[2] ?? '').slice(0, expiry.index) : match?.[2] ?? '').trim();
      if (!match || policies.length === 0) {
        diagnostics.push({ severity: 'warning', file, line, provider: 'kubernetes', message: `${IGNORE_ANNOTATION} entry not applied: "${entry}" is not "GW-XXX-NNN: reason"` });
        continue;
      }
      if (reason.length < MIN_REASON_LENGTH) {
        diagnostics.push({
          severity: 'warning', file, line, provider: 'kubernetes',
          message: `${IGNORE_ANNOTATION} entry not applied: ${policies.join(', ')} needs a reason of at least ${MIN_REASON_LENGTH} characters saying why the risk is accepted`,
        });
        continue;
      }
      for (const policy of policies) {
        suppressions.push({
          policy, reason, ...(expiry?.[1] !== undefined && { expires: expiry[1] }), file, line,
          appliesTo: { file, fromLine: object.source.line ?? 1, toLine: object.source.endLine ?? object.source.line ?? 1 },
        });
      }
    }
  }
  return { suppressions, diagnostics };
}
