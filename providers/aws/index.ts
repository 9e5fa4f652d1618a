import type { AuditedScope, LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import type { AnyNode, Edge } from '../../src/graph/kinds';
import { adaptAccount } from './adapt';
import type { AwsSession } from './calls';
import type { AwsClientOptions } from './client';
import { readAws, type AuditProgress, type AuditScope } from './read';
import type { AccountSnapshot } from './snapshot';

export type { AuditProgress, AuditScope } from './read';
export type { AwsClientOptions } from './client';
export { API_GATEWAY_REGIONS, isRegionName } from './regions';

export interface AwsAuditOptions extends AuditScope, AwsClientOptions {
  /** Read through this session instead of the AWS SDK's (another implementation of the calls). */
  readonly session?: AwsSession;
  /** Called as accounts and regions finish, for a progress line. */
  readonly onProgress?: (progress: AuditProgress) => void;
}

/**
 * The live AWS provider: reads API Gateway (REST, HTTP, WebSocket), WAFv2 and CloudFront of the accounts and regions
 * in scope, read-only, into the same graph nodes as the Terraform and CloudFormation providers. Failed reads are
 * diagnostics (account, region, operation); `load` never rejects on a cloud error.
 */
export function awsProvider(options: AwsAuditOptions): ProviderAdapter {
  return {
    id: 'aws',
    description: 'Live AWS accounts: API Gateway REST, HTTP and WebSocket APIs, WAFv2 web ACLs and CloudFront distributions (read-only)',
    kind: 'live',
    async load(): Promise<LoadResult> {
      // The SDK takes over a second to load: only a live audit pays for it, and `scan` never loads it.
      const session = options.session ?? (await import('./client.js')).createAwsSession(options);
      const read = await readAws(session, options, options.onProgress);
      const nodes: AnyNode[] = [];
      const edges: Edge[] = [];
      for (const account of read.accounts) {
        const adapted = adaptAccount(account);
        nodes.push(...adapted.nodes);
        edges.push(...adapted.edges);
      }
      return { nodes, edges, diagnostics: read.diagnostics, audited: auditedScope(read.accounts) };
    },
  };
}

/** The accounts and regions actually read (skipped regions and accounts that could not be entered are errors) and the APIs found. */
function auditedScope(accounts: readonly AccountSnapshot[]): AuditedScope {
  const regions = new Set<string>();
  let apis = 0;
  for (const account of accounts) {
    for (const region of account.regions) {
      regions.add(region.region);
      apis += region.restApis.length + region.v2Apis.length;
    }
  }
  return { cloud: 'aws', accounts: accounts.map((a) => a.account).sort(), regions: [...regions].sort(), apis };
}
