import { SEVERITIES, type Severity } from '../engine/policy';
import { fingerprint } from '../engine/fingerprint';
import type { AnyPolicy } from '../engine/policy';
import type { PolicyResult } from '../engine/run';
import type { ScanResult } from '../engine/scan-result';
import type { CloudContext, Diagnostic } from '../graph/diagnostic';
import type { SourceRef } from '../graph/source';
import { policyAnchor } from './catalog';
import { buildExposure } from './exposure-model';
import { TOOL } from './tool';
import { relativePath } from './relative-path';
import type { Report, ReportCheck, ReportError, ReportFinding, ReportLocation, ReportRule } from './types';

export interface ReportOptions {
  /** Paths in the report are relative to this directory. */
  readonly cwd: string;
  /** List `unknown` results ("cannot verify") as info findings. */
  readonly reportUnknown?: boolean;
}

/** The view reporters render: failures (and unknowns when asked), tool errors, counts. Sorted so output is stable. */
export function buildReport(result: ScanResult, options: ReportOptions): Report {
  const findings: ReportFinding[] = [];
  const errors: ReportError[] = result.diagnostics.map((d) => diagnosticToError(d, options.cwd));
  for (const r of result.results) {
    switch (r.status) {
      case 'pass':
        break;
      case 'fail':
        findings.push(toFinding(r, 'fail', options.cwd));
        break;
      case 'unknown':
        if (options.reportUnknown === true) findings.push(toFinding(r, 'unknown', options.cwd));
        break;
      case 'error':
        errors.push(policyError(r, options.cwd));
        break;
    }
  }
  findings.sort(compareFindings);
  errors.sort(compareErrors);

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let unknownCount = 0;
  let suppressedCount = 0;
  for (const f of findings) {
    // Suppressed findings are listed but counted apart: they never fail the build.
    if (f.status === 'fail' && f.suppression !== undefined) suppressedCount += 1;
    else if (f.status === 'fail') bySeverity[f.severity] += 1;
    else unknownCount += 1;
  }
  return {
    tool: { name: TOOL.name, version: TOOL.version },
    findings,
    errors,
    ...rulesChecksAndExposure(result, options.cwd),
    summary: {
      bySeverity,
      total: findings.length - unknownCount - suppressedCount,
      suppressed: suppressedCount,
      unknown: unknownCount,
      errors: errors.filter((e) => e.severity === 'error').length,
      warnings: errors.filter((e) => e.severity === 'warning').length,
      filesScanned: result.filesScanned,
      ...(result.audited && {
        audited: { cloud: result.audited.cloud, accounts: [...result.audited.accounts], regions: [...result.audited.regions], apis: result.audited.apis },
      }),
    },
  };
}

function toFinding(r: PolicyResult, status: 'fail' | 'unknown', cwd: string): ReportFinding {
  const { policy, node } = r;
  return {
    status,
    policy: policy.id,
    slug: policy.slug,
    title: policy.title,
    severity: r.severity,
    category: policy.category,
    control: policy.control,
    owasp: [...policy.owasp],
    message: r.message,
    resource: { id: node.id, type: node.native.type, name: node.name, provider: node.provider },
    location: toLocation(r.location, cwd),
    remediation: policy.remediation[node.provider] ?? null,
    fingerprint: fingerprint(r),
    ...(r.suppression !== undefined && {
      suppression: { kind: r.suppression.kind, reason: r.suppression.reason, ...(r.suppression.expires !== undefined && { expires: r.suppression.expires }) },
    }),
  };
}

/** What SARIF rules, JUnit test cases and exposure diagrams need beyond the findings. */
function rulesChecksAndExposure(result: ScanResult, cwd: string): Pick<Report, 'rules' | 'checks' | 'exposure'> {
  const policies = new Map<string, AnyPolicy>();
  const checks = new Map<string, ReportCheck>();
  const findingsByNode = new Map<string, string[]>();
  for (const r of result.results) {
    policies.set(r.policy.id, r.policy);
    const key = `${r.policy.id}\u0000${r.node.id}`;
    if (!checks.has(key)) {
      checks.set(key, {
        policy: r.policy.id,
        resource: { id: r.node.id, type: r.node.native.type, name: r.node.name, provider: r.node.provider },
        location: toLocation(r.node.source, cwd),
      });
    }
    if (r.status === 'fail' && r.suppression === undefined) {
      const list = findingsByNode.get(r.node.id);
      if (list) list.push(r.policy.id);
      else findingsByNode.set(r.node.id, [r.policy.id]);
    }
  }
  const rules = [...policies.values()].sort((a, b) => compare(a.id, b.id)).map(toRule);
  const sortedChecks = [...checks.values()].sort((a, b) => compare(a.policy, b.policy) || compare(a.resource.id, b.resource.id));
  return { rules, checks: sortedChecks, exposure: buildExposure(result.graph, findingsByNode) };
}

function toRule(p: AnyPolicy): ReportRule {
  return {
    id: p.id, slug: p.slug, title: p.title, severity: p.severity, category: p.category, control: p.control, owasp: [...p.owasp],
    rationale: p.rationale, remediation: { ...p.remediation }, references: [...p.references], docsAnchor: policyAnchor(p),
  };
}

export function toLocation(source: SourceRef, cwd: string): ReportLocation {
  if (source.kind === 'cloud') {
    return {
      cloud: source.provider, id: source.id, ...(source.region !== undefined && { region: source.region }), ...(source.account !== undefined && { account: source.account }),
    };
  }
  return {
    file: relativePath(source.file, cwd),
    ...(source.line !== undefined && { line: source.line }),
    ...(source.endLine !== undefined && { endLine: source.endLine }),
    ...(source.line !== undefined && source.column !== undefined && { column: source.column }),
    ...(source.address !== undefined && { address: source.address }),
  };
}

function diagnosticToError(d: Diagnostic, cwd: string): ReportError {
  return {
    kind: 'input',
    severity: d.severity,
    message: d.message,
    ...(d.file !== undefined && { file: relativePath(d.file, cwd) }),
    ...(d.line !== undefined && { line: d.line }),
    ...(d.provider !== undefined && { provider: d.provider }),
    ...(d.cloud !== undefined && { location: cloudPlace(d.cloud), ...(d.cloud.operation !== undefined && { operation: d.cloud.operation }) }),
  };
}

/** Where a live read failed: the resource when there is one, else the account and region. */
function cloudPlace(cloud: CloudContext): ReportLocation {
  const id = cloud.resource ?? ([cloud.account, cloud.region].filter((p) => p !== undefined).join('/') || cloud.provider);
  return {
    cloud: cloud.provider, id, ...(cloud.region !== undefined && { region: cloud.region }), ...(cloud.account !== undefined && { account: cloud.account }),
  };
}

function policyError(r: PolicyResult, cwd: string): ReportError {
  const location = toLocation(r.location, cwd);
  return {
    kind: 'policy',
    severity: 'error',
    message: r.message,
    ...('file' in location && { file: location.file }),
    ...('file' in location && location.line !== undefined && { line: location.line }),
    ...('cloud' in location && { location }),
    provider: r.node.provider,
    policy: r.policy.id,
  };
}

/** Files first (by path, line), then cloud resources (by id); ties broken by policy, then message. */
function locationKey(l: ReportLocation): [number, string, number] {
  return 'file' in l ? [0, l.file, l.line ?? 0] : [1, l.id, 0];
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return compareKeys(locationKey(a.location), locationKey(b.location)) || compare(a.policy, b.policy) || compare(a.message, b.message)
    || compare(a.resource.id, b.resource.id);
}

const ERROR_ORDER = { error: 0, warning: 1, notice: 2 } as const;

function compareErrors(a: ReportError, b: ReportError): number {
  return ERROR_ORDER[a.severity] - ERROR_ORDER[b.severity] || compare(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)
    || compare(a.message, b.message);
}

function compareKeys(a: [number, string, number], b: [number, string, number]): number {
  return a[0] - b[0] || compare(a[1], b[1]) || a[2] - b[2];
}

/** Code-unit order, not locale order, so output is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
