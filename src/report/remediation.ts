import type { ProviderId } from '../graph/kinds';
import { PROVIDER_LABELS } from './provider-labels';

const HINT_MAX = 160;

/** Remediations are copy-pasteable fixes: usually a code snippet, sometimes one sentence. */
export function looksLikeCode(text: string): boolean {
  const first = firstLine(text);
  if (first === undefined) return false;
  return text.trim().includes('\n') || /^(#|\/\/|resource\b|data\b|module\b|locals\b|variable\b|[\w.-]+:\s*$|[\w."-]+\s*[={])/.test(first);
}

/**
 * One line for text output: a one-sentence remediation as it is, else the desired state (the policy title) and where
 * the full example is, since the first line of a code snippet (`resource "..." "api" {`) tells nothing.
 */
export function remediationHint(remediation: string, provider: ProviderId, policy: { readonly id: string; readonly title: string }): string {
  const first = firstLine(remediation);
  if (first !== undefined && !looksLikeCode(remediation)) return first.length > HINT_MAX ? `${first.slice(0, HINT_MAX - 1)}…` : first;
  return `${policy.title}; ${PROVIDER_LABELS[provider]} example: gatewarden policies show ${policy.id}`;
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((l) => l.trim()).find((l) => l !== '');
}
