import type { Severity } from '../engine/policy';
import type { ProviderId } from '../graph/kinds';
import { CODE_LANGUAGE } from './catalog';
import { POLICY_DOCS_URL, PROJECT_URL } from './project-links';
import { PROVIDER_LABELS } from './provider-labels';
import { looksLikeCode } from './remediation';
import type { Formatter, Report, ReportError, ReportFinding, ReportLocation, ReportRule } from './types';

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) as GitHub code scanning reads it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * Paths are relative to `%SRCROOT%`, the directory gatewarden ran in: run it from the repository root in CI.
 */
export const formatSarif: Formatter = (report) => `${JSON.stringify(toSarif(report), null, 2)}\n`;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'gatewardenFingerprint/v1';
export const SRCROOT = '%SRCROOT%';

/**
 * GitHub ranks alerts by `security-severity` (a CVSS-like score: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low). Each severity sits well inside its band; info (0.0) shows as low, the lowest GitHub has.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** SARIF `level`: GitHub shows error, warning and note. */
export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function toSarif(report: Report): JsonObject {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const toolErrors = report.errors.filter((e) => e.severity === 'error');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          semanticVersion: report.tool.version,
          informationUri: PROJECT_URL,
          rules: report.rules.map(toRule),
        },
      },
      invocations: [{
        // false when some input was not read or a policy failed: a clean result would be a lie (STYLE.md rule 7).
        executionSuccessful: toolErrors.length === 0,
        toolExecutionNotifications: report.errors.map((e) => toNotification(e, ruleIndex)),
      }],
      originalUriBaseIds: {
        [SRCROOT]: { description: { text: 'The directory gatewarden ran in: the repository root in CI.' } },
      },
      results: report.findings.map((f) => toResult(f, ruleIndex)),
      columnKind: 'utf16CodeUnits',
    }],
  };
}

function toRule(rule: ReportRule): JsonObject {
  return {
    id: rule.id,
    name: rule.slug,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale.trim() },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: `${POLICY_DOCS_URL}#${rule.docsAnchor}`,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      'tags': ['security', rule.category, rule.control, ...rule.owasp.map((o) => `OWASP-${o}`)],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      'precision': 'high',
      'problem.severity': rule.severity === 'critical' || rule.severity === 'high' ? 'error' : rule.severity === 'medium' ? 'warning' : 'recommendation',
      'category': rule.category,
      'control': rule.control,
      'owasp': [...rule.owasp],
    },
  };
}

function remediations(rule: ReportRule): Array<[ProviderId, string]> {
  return (Object.entries(rule.remediation) as Array<[ProviderId, string | undefined]>).filter(
    (entry): entry is [ProviderId, string] => entry[1] !== undefined,
  );
}

function helpText(rule: ReportRule): string {
  const parts = [rule.title, '', rule.rationale.trim()];
  for (const [provider, text] of remediations(rule)) parts.push('', `Remediation (${PROVIDER_LABELS[provider]}):`, text.trimEnd());
  if (rule.references.length > 0) parts.push('', 'References:', ...rule.references.map((r) => `- ${r}`));
  return parts.join('\n');
}

function helpMarkdown(rule: ReportRule): string {
  const parts = [`**${rule.title}**`, '', rule.rationale.trim()];
  for (const [provider, text] of remediations(rule)) {
    parts.push('', `#### Remediation: ${PROVIDER_LABELS[provider]}`, '');
    parts.push(...(looksLikeCode(text) ? [`\`\`\`${CODE_LANGUAGE[provider]}`, text.trimEnd(), '```'] : [text.trim()]));
  }
  if (rule.references.length > 0) parts.push('', '#### References', '', ...rule.references.map((r) => `- <${r}>`));
  parts.push('', `[${rule.id} in the policy catalog](${POLICY_DOCS_URL}#${rule.docsAnchor})`);
  return parts.join('\n');
}

function toResult(f: ReportFinding, ruleIndex: ReadonlyMap<string, number>): JsonObject {
  const index = ruleIndex.get(f.policy);
  const unknown = f.status === 'unknown';
  return {
    ruleId: f.policy,
    ...(index !== undefined && { ruleIndex: index }),
    // An unverifiable check is not a failure: SARIF `review` results carry level `none` (§3.27.9).
    ...(unknown ? { kind: 'review', level: 'none' } : { level: SARIF_LEVEL[f.severity] }),
    message: { text: unknown ? `Cannot verify: ${f.message}` : f.message },
    locations: [toLocation(f.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppression !== undefined && {
      suppressions: [{
        kind: f.suppression.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: f.suppression.expires !== undefined ? `${f.suppression.reason} (until ${f.suppression.expires})` : f.suppression.reason,
      }],
    }),
    properties: {
      severity: f.severity,
      resource: f.resource.id,
      resourceType: f.resource.type,
      provider: f.resource.provider,
    },
  };
}

/** A file place relative to %SRCROOT%, with the resource address as a logical location; a cloud place is logical only. */
function toLocation(location: ReportLocation): JsonObject {
  if ('cloud' in location) {
    return {
      logicalLocations: [{ fullyQualifiedName: location.id, kind: 'resource' }],
      ...(location.region !== undefined && { properties: { cloud: location.cloud, region: location.region } }),
    };
  }
  // A finding without a line (a plan address not found in a source) points at the file; GitHub needs a start line.
  const region: JsonObject = { startLine: location.line ?? 1 };
  if (location.line !== undefined && location.endLine !== undefined && location.endLine >= location.line) region.endLine = location.endLine;
  if (location.line !== undefined && location.column !== undefined) region.startColumn = location.column;
  return {
    physicalLocation: { artifactLocation: artifactLocation(location.file), region },
    ...(location.address !== undefined && { logicalLocations: [{ fullyQualifiedName: location.address, kind: 'resource' }] }),
  };
}

/** Relative paths become URI references under %SRCROOT%, percent-encoded per segment; absolute ones file: URIs. */
function artifactLocation(file: string): JsonObject {
  if (/^([A-Za-z]:)?\//.test(file)) {
    const withRoot = file.startsWith('/') ? file : `/${file}`;
    return { uri: `file://${withRoot.split('/').map(encodeSegment).join('/')}` };
  }
  return { uri: file.split('/').map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

function encodeSegment(segment: string): string {
  // Keep a Windows drive letter's colon readable; everything else the way URIs want it.
  return /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment);
}

function toNotification(e: ReportError, ruleIndex: ReadonlyMap<string, number>): JsonObject {
  const index = e.policy !== undefined ? ruleIndex.get(e.policy) : undefined;
  const location = e.file !== undefined
    ? { physicalLocation: { artifactLocation: artifactLocation(e.file), ...(e.line !== undefined && { region: { startLine: e.line } }) } }
    : e.location !== undefined ? toLocation(e.location) : undefined;
  return {
    level: e.severity === 'notice' ? 'note' : e.severity,
    message: { text: e.message },
    descriptor: { id: e.kind === 'input' ? 'input' : 'policy-error' },
    ...(e.policy !== undefined && { associatedRule: { id: e.policy, ...(index !== undefined && { index }) } }),
    ...(location !== undefined && { locations: [location] }),
    ...(e.provider !== undefined && { properties: { provider: e.provider } }),
  };
}
