import { Command } from 'commander';
import type { AnyPolicy } from '../../engine/policy';
import { UsageError } from '../../errors';
import type { ProviderId } from '../../graph/kinds';
import { builtinPolicies } from '../../../policies';
import { PROVIDER_LABELS } from '../../report/provider-labels';
import { findPolicy } from '../../scan/select-policies';
import type { Io } from '../io';

/** `gatewarden policies list|show`: the catalog, from the same metadata as docs/policies.md. */
export function policiesCommand(io: Io, policies: readonly AnyPolicy[] = builtinPolicies): Command {
  const command = new Command('policies').description('List the built-in policies or explain one');
  command
    .command('list', { isDefault: true })
    .description('Table of every policy: id, severity, category, control, title')
    .action(() => {
      io.stdout(policyTable(policies));
    });
  command
    .command('show')
    .description('Everything about one policy: rationale, remediation per source, references')
    .argument('<policy>', 'ID, alias, <category>/<slug> or slug')
    .action((ref: string) => {
      const policy = findPolicy(policies, ref);
      if (!policy) throw new UsageError(`unknown policy "${ref}" (see \`gatewarden policies list\`)`);
      io.stdout(describePolicy(policy));
    });
  return command;
}

export function policyTable(policies: readonly AnyPolicy[]): string {
  const header = ['ID', 'SEVERITY', 'CATEGORY', 'CONTROL', 'TITLE'];
  const rows = policies.map((p) => [p.id, p.severity, p.category, p.control, p.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

export function describePolicy(p: AnyPolicy): string {
  const lines = [
    `${p.id}  ${p.title}`,
    '',
    `Slug:       ${p.category}/${p.slug}`,
    `Severity:   ${p.severity}`,
    `Category:   ${p.category}`,
    `Control:    ${p.control}`,
    `Applies to: ${p.target}`,
    `OWASP API:  ${p.owasp.length > 0 ? p.owasp.join(', ') : '-'}`,
    ...(p.aliases && p.aliases.length > 0 ? [`Aliases:    ${p.aliases.join(', ')}`] : []),
    ...Object.entries(p.frameworks ?? {}).map(([framework, ids]) => `${`${framework}:`.padEnd(11)} ${ids.join(', ')}`),
    '',
    'Why',
    indent(p.rationale),
  ];
  const remediations = Object.entries(p.remediation) as [ProviderId, string | undefined][];
  if (remediations.length > 0) {
    lines.push('', 'How to fix');
    for (const [provider, text] of remediations) {
      if (text === undefined) continue;
      lines.push(`  ${PROVIDER_LABELS[provider]}:`, indent(text, 4));
    }
  }
  if (p.references.length > 0) lines.push('', 'References', ...p.references.map((r) => `  ${r}`));
  return `${lines.join('\n')}\n`;
}

function indent(text: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return text.trim().split('\n').map((l) => (l === '' ? '' : `${pad}${l}`)).join('\n');
}
