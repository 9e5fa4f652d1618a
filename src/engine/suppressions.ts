import type { InlineSuppression } from '../graph/adapter';
import type { Diagnostic } from '../graph/diagnostic';
import { fileSource, type SourceRef } from '../graph/source';
import type { ConfigSuppression } from './config';
import { fingerprint } from './fingerprint';
import type { AnyPolicy } from './policy';
import { didYouMean, findPolicy } from './policy-ref';
import type { PolicyResult, Suppression } from './run';

export interface BaselineFilter {
  /** How the baseline is named in reasons, e.g. `.gatewarden-baseline.json`. */
  readonly label: string;
  /** Absolute path of the baseline file. */
  readonly file: string;
  readonly fingerprints: ReadonlySet<string>;
}

export interface SuppressionSources {
  readonly inline?: readonly InlineSuppression[];
  readonly config?: readonly ConfigSuppression[];
  readonly baseline?: BaselineFilter;
  /** Every policy a suppression may name (inline comments may name one that did not run: that is no mistake). */
  readonly policies: readonly AnyPolicy[];
  /** IDs of the policies that ran: only their suppressions can be unused. */
  readonly ran: ReadonlySet<string>;
  /** YYYY-MM-DD; a suppression applies up to and including its `expires` day. */
  readonly today: string;
}

export interface SuppressionOutcome {
  readonly results: PolicyResult[];
  /** Expired, unused and unknown-policy suppressions: warnings. */
  readonly diagnostics: Diagnostic[];
}

interface Candidate {
  readonly policy: string;
  readonly suppression: Suppression;
  readonly applies: (result: PolicyResult) => boolean;
  /** How the warnings name it: `gatewarden:ignore GW-TLS-001` or `suppression of GW-TLS-001 (resource ...)`. */
  readonly label: string;
  readonly file?: string;
  readonly line?: number;
  used: boolean;
}

/**
 * Marks failing results as suppressed: inline comments first, then config entries, then the baseline. Suppressed
 * results keep `status: 'fail'`. Expired suppressions do not apply; they, unused ones and inline comments naming an
 * unknown policy are warnings.
 */
export function applySuppressions(results: readonly PolicyResult[], sources: SuppressionSources): SuppressionOutcome {
  const diagnostics: Diagnostic[] = [];
  const warn = (candidate: { file?: string; line?: number }, message: string): void => {
    diagnostics.push({ severity: 'warning', message, ...(candidate.file !== undefined && { file: candidate.file }), ...(candidate.line !== undefined && { line: candidate.line }) });
  };

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const inline of sources.inline ?? []) {
    // A module file read for several roots yields the same comment more than once.
    const key = `${inline.file}\u0000${inline.line}\u0000${inline.policy}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const policy = findPolicy(sources.policies, inline.policy);
    if (!policy) {
      warn(inline, `gatewarden:ignore names unknown policy "${inline.policy}"${didYouMean(sources.policies, inline.policy)}; not applied`);
      continue;
    }
    const label = `gatewarden:ignore ${policy.id}`;
    if (isExpired(inline.expires, sources.today)) {
      warn(inline, `${label} expired on ${inline.expires ?? ''}; its findings are reported again`);
      continue;
    }
    const range = inline.appliesTo;
    const inRange = (s: SourceRef): boolean => s.kind === 'file' && s.file === range.file && s.line !== undefined && s.line >= range.fromLine && s.line <= range.toLine;
    candidates.push({
      policy: policy.id, label, file: inline.file, line: inline.line, used: false,
      suppression: { kind: 'inline', reason: inline.reason, ...(inline.expires !== undefined && { expires: inline.expires }), source: fileSource(inline.file, inline.line) },
      applies: (r) => inRange(r.node.source) || inRange(r.location),
    });
  }
  for (const entry of sources.config ?? []) {
    const label = `suppression of ${entry.policy} for ${entry.resource}`;
    if (isExpired(entry.expires, sources.today)) {
      warn(entry, `${label} expired on ${entry.expires ?? ''}; its findings are reported again`);
      continue;
    }
    const pattern = globToRegExp(entry.resource);
    candidates.push({
      policy: entry.policy, label, used: false,
      ...(entry.file !== undefined && { file: entry.file }), ...(entry.line !== undefined && { line: entry.line }),
      suppression: {
        kind: 'config', reason: entry.reason, ...(entry.expires !== undefined && { expires: entry.expires }),
        ...(entry.file !== undefined && { source: fileSource(entry.file, entry.line) }),
      },
      applies: (r) => pattern.test(r.node.id),
    });
  }
  const baseline = sources.baseline;
  const baselineSuppression: Suppression | undefined = baseline && { kind: 'baseline', reason: `in baseline ${baseline.label}`, source: fileSource(baseline.file) };

  const marked = results.map((result) => {
    if (result.status !== 'fail' || result.suppression !== undefined) return result;
    const match = candidates.find((c) => c.policy === result.policy.id && c.applies(result));
    if (match) {
      match.used = true;
      return { ...result, suppression: match.suppression };
    }
    if (baseline && baselineSuppression && baseline.fingerprints.has(fingerprint(result))) return { ...result, suppression: baselineSuppression };
    return result;
  });

  for (const c of candidates) {
    if (!c.used && sources.ran.has(c.policy)) warn(c, `${c.label} matches no finding; remove it if the problem is fixed`);
  }
  return { results: marked, diagnostics };
}

/** Marks results whose fingerprint is in the baseline (used right after writing one). */
export function applyBaseline(results: readonly PolicyResult[], baseline: BaselineFilter): PolicyResult[] {
  return applySuppressions(results, { baseline, policies: [], ran: new Set(), today: '0000-00-00' }).results;
}

function isExpired(expires: string | undefined, today: string): boolean {
  return expires !== undefined && expires < today;
}

/** Today in UTC as YYYY-MM-DD: expiry dates are calendar days, the same on every CI runner. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `*` matches within a segment (not `/` or `:`), `**` across segments, `?` one such character; case-sensitive like ids. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') {
      source += '[^/:]*';
    } else if (char === '?') {
      source += '[^/:]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
