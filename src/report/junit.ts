import { failsBuild, isOpen } from './fails-build';
import { placeOf } from './place';
import type { Formatter, Report, ReportCheck, ReportFinding, ReportLocation } from './types';

/**
 * JUnit XML for CI test dashboards: a `<testsuite>` per policy, a `<testcase>` per policy × resource, a `<failure>`
 * per finding. Suppressed findings are `<skipped>` with the reason; findings below `--fail-on` are failures too (they
 * are findings), but their type says so. Input problems form their own suite of `<error>`s.
 * Schema: the de-facto Ant/Jenkins format (https://github.com/testmoapp/junitxml).
 */
export const formatJunit: Formatter = (report, ctx) => {
  const byCheck = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const key = checkKey(f.policy, f.resource.id);
    const list = byCheck.get(key);
    if (list) list.push(f);
    else byCheck.set(key, [f]);
  }
  const checks = withFindingOnlyChecks(report, byCheck);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const rule of report.rules) {
    const cases = checks.filter((c) => c.policy === rule.id);
    if (cases.length === 0) continue;
    const body: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const check of cases) {
      const findings = byCheck.get(checkKey(check.policy, check.resource.id)) ?? [];
      const open = findings.filter(isOpen);
      const accepted = findings.filter((f) => f.suppression !== undefined);
      const unverified = findings.filter((f) => f.suppression === undefined && f.status === 'unknown');
      const attrs = `name="${attr(check.resource.id)}" classname="${attr(`${rule.id}.${rule.slug}`)}"${fileAttrs(check.location)}`;
      const inner: string[] = open.map((f) => {
        const type = `${f.severity}${failsBuild(f, ctx.failOn) ? '' : ' (below --fail-on)'}`;
        return `      <failure message="${attr(f.message)}" type="${attr(type)}">${text(failureBody(f))}</failure>`;
      });
      if (open.length === 0 && accepted.length > 0) {
        const reasons = accepted.map((f) => `${f.suppression?.kind ?? ''}: ${f.suppression?.reason ?? ''}`).join('; ');
        inner.push(`      <skipped message="${attr(`suppressed (${reasons})`)}"/>`);
      } else if (open.length === 0 && unverified.length > 0) {
        inner.push(`      <skipped message="${attr(`cannot verify: ${unverified.map((f) => f.message).join('; ')}`)}"/>`);
      }
      if (open.length > 0) suiteFailures += 1;
      else if (inner.length > 0) suiteSkipped += 1;
      body.push(inner.length > 0 ? `    <testcase ${attrs}>\n${inner.join('\n')}\n    </testcase>` : `    <testcase ${attrs}/>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${attr(`${rule.id} ${rule.title}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">`,
      `    <properties><property name="severity" value="${rule.severity}"/><property name="category" value="${attr(rule.category)}"/></properties>`,
      ...body,
      '  </testsuite>',
    );
  }
  const errors = report.errors.filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    suites.push(`  <testsuite name="gatewarden errors" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0">`);
    for (const e of errors) {
      const where = e.file !== undefined ? `${e.file}${e.line !== undefined ? `:${e.line}` : ''}` : e.policy ?? 'input';
      suites.push(
        `    <testcase name="${attr(where)}" classname="gatewarden.${e.kind}"${e.file !== undefined ? ` file="${attr(e.file)}"` : ''}>`,
        `      <error message="${attr(e.message)}" type="${e.kind}">${text(e.message)}</error>`,
        '    </testcase>',
      );
    }
    suites.push('  </testsuite>');
    tests += errors.length;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" tests="${tests}" failures="${failures}" errors="${errors.length}" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function checkKey(policy: string, resource: string): string {
  return `${policy}\u0000${resource}`;
}

/** Checks as the report lists them, plus any finding whose check is missing (a hand-made report), so none is lost. */
function withFindingOnlyChecks(report: Report, byCheck: ReadonlyMap<string, readonly ReportFinding[]>): ReportCheck[] {
  const keys = new Set(report.checks.map((c) => checkKey(c.policy, c.resource.id)));
  const extra: ReportCheck[] = [];
  for (const [key, findings] of byCheck) {
    const f = findings[0];
    if (!keys.has(key) && f !== undefined) extra.push({ policy: f.policy, resource: f.resource, location: f.location });
  }
  return [...report.checks, ...extra];
}

function fileAttrs(location: ReportLocation): string {
  if ('cloud' in location) return '';
  return ` file="${attr(location.file)}"${location.line !== undefined ? ` line="${location.line}"` : ''}`;
}

function failureBody(f: ReportFinding): string {
  const where = placeOf(f.location);
  return [`${f.severity} ${f.policy}: ${f.message}`, `at ${where}`, ...(f.remediation !== null ? ['', 'Remediation:', f.remediation.trimEnd()] : [])].join('\n');
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their line breaks and tabs (else XML normalises them to spaces). */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
