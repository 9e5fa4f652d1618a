import type { ReportAudited } from './types';

/** Names are listed up to this many; an organization's hundreds of accounts are counted, not listed. */
const MAX_LISTED = 3;

/** `5 APIs audited across 1 account (111111111111) and 2 regions (eu-west-1, us-east-1)`: what a live audit read, in place of files. */
export function auditedPhrase(audited: ReportAudited): string {
  return `${count(audited.apis, 'API')} audited across ${listed(audited.accounts, audited.cloud === 'azure' ? 'subscription' : 'account')} and ${listed(audited.regions, 'region')}`;
}

function listed(names: readonly string[], word: string): string {
  const counted = count(names.length, word);
  return names.length > 0 && names.length <= MAX_LISTED ? `${counted} (${names.join(', ')})` : counted;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
