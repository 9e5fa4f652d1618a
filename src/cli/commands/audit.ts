import { Command, InvalidArgumentError } from 'commander';
import { builtinPolicies } from '../../../policies';
import { API_GATEWAY_REGIONS, awsProvider, isRegionName, type AuditProgress } from '../../../providers/aws';
import { UsageError } from '../../errors';
import { audit } from '../../scan/audit';
import type { Io } from '../io';
import { addOutputOptions, addPolicyOptions, addSuppressionOptions, collect, outputsOf, reportResult, type ReportFlags } from '../report-options';
import { loadSuppressionInputs } from '../scan-suppressions';

interface AuditAwsFlags extends ReportFlags {
  readonly profile?: string;
  readonly regions?: string;
  readonly roleArn: string[];
  readonly orgRole?: string;
  readonly endpointUrl?: string;
  readonly allowPartial: boolean;
  readonly maxAttempts: number;
  readonly requestTimeout: number;
}

/** `gatewarden audit aws`: live, read-only. */
export function auditCommand(io: Io, setExitCode: (code: number) => void): Command {
  const aws = new Command('aws')
    .description('Read the API Gateway REST, HTTP and WebSocket APIs of AWS accounts (with their WAF web ACLs and CloudFront distributions), read-only, and check them')
    .option('--profile <name>', 'profile of the shared AWS config files (default: the SDK credential chain: environment, profile, SSO, web identity, instance role)')
    .option('--regions <list>', 'comma-separated regions, or "all" for every region where API Gateway exists (default: AWS_REGION or AWS_DEFAULT_REGION)')
    .option('--role-arn <arn>', 'assume this role and audit its account (repeatable)', collect, [])
    .option('--org-role <name>', 'assume this role name in every active account of the AWS Organization and audit them all')
    .option('--endpoint-url <url>', 'send every call to this endpoint instead of AWS (a local emulator)')
    .option('--allow-partial', 'what could not be read (access denied, throttled, timed out) is still listed, but no longer forces exit code 2', false)
    .option('--max-attempts <n>', 'attempts per call, retries with adaptive backoff included', parsePositive, 5)
    .option('--request-timeout <ms>', 'a call without a response in this time fails as timed out', parsePositive, 30_000);
  addOutputOptions(aws);
  addPolicyOptions(aws);
  addSuppressionOptions(aws).action(async (flags: AuditAwsFlags) => {
    setExitCode(await runAuditAws(flags, io));
  });
  return new Command('audit').description('Check live cloud accounts, read-only').addCommand(aws);
}

async function runAuditAws(flags: AuditAwsFlags, io: Io): Promise<number> {
  const outputs = outputsOf(flags, io);
  const suppressionInputs = loadSuppressionInputs(flags, io);
  const regions = regionsOf(flags.regions, io);
  if (flags.endpointUrl !== undefined && !/^https?:\/\/\S+$/.test(flags.endpointUrl)) throw new UsageError(`--endpoint-url must be an http(s) URL, got ${flags.endpointUrl}`);
  for (const arn of flags.roleArn) {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(arn)) throw new UsageError(`--role-arn must be an IAM role ARN (arn:aws:iam::123456789012:role/Name), got ${arn}`);
  }
  const progress = io.stderrIsTTY === true ? progressLine(io) : undefined;
  const provider = awsProvider({
    regions,
    roleArns: flags.roleArn,
    maxAttempts: flags.maxAttempts,
    requestTimeoutMs: flags.requestTimeout,
    ...(flags.orgRole !== undefined && { orgRole: flags.orgRole }),
    ...(flags.profile !== undefined && { profile: flags.profile }),
    ...(flags.endpointUrl !== undefined && { endpointUrl: flags.endpointUrl }),
    ...(progress && { onProgress: progress.update }),
  });
  let result;
  try {
    result = await audit({ ...suppressionInputs, provider, policies: builtinPolicies, only: flags.policy, skip: flags.skipPolicy });
  } finally {
    progress?.clear();
  }
  return reportResult(result, flags, outputs, io, flags.allowPartial);
}

function regionsOf(given: string | undefined, io: Io): readonly string[] | 'all' {
  const value = given ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (value === undefined || value.trim() === '') throw new UsageError('no region to audit: give --regions eu-west-1,us-east-1 (or --regions all), or set AWS_REGION');
  if (value.trim() === 'all') return 'all';
  const regions = [...new Set(value.split(',').map((r) => r.trim()).filter((r) => r !== ''))];
  const bad = regions.filter((r) => !isRegionName(r));
  if (bad.length > 0) throw new UsageError(`not a region name: ${bad.join(', ')} (e.g. ${API_GATEWAY_REGIONS.slice(0, 3).join(', ')}, or "all")`);
  return regions;
}

/** One line on standard error, redrawn in place: accounts and regions done, APIs found. */
function progressLine(io: Io): { update: (p: AuditProgress) => void; clear: () => void } {
  let drawn = false;
  return {
    update: (p) => {
      io.stderr(`\r\u001b[Kaudit aws: ${p.accountsDone}/${p.accounts} accounts, ${p.regionsDone}/${p.regions} regions, ${p.apisFound} APIs found`);
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}

function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}
