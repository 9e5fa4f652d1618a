import { createHash } from 'node:crypto';
import type { PolicyResult } from './run';

/**
 * A finding's identity across runs: policy, resource id and finding key — never a line number, so that
 * moving code keeps it (baselines, SARIF `partialFingerprints`). Policy aliases are not involved: ids are forever.
 */
export function fingerprint(result: Pick<PolicyResult, 'policy' | 'node' | 'key'>): string {
  return createHash('sha256')
    .update(`${result.policy.id}\u0000${result.node.id}\u0000${result.key ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}
