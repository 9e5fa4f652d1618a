import { z } from 'zod';
import { SEVERITIES, type Severity } from '../engine/policy';

/**
 * The JSON report, version "1": a public contract (docs/json-report.md). Additive changes only;
 * renaming or removing a field needs version "2". Objects are strict so that a test notices any drift.
 */

const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);
const slug = z.string().regex(/^[a-z][a-z0-9-]*$/);
const provider = z.enum(['terraform', 'terraform-plan', 'cloudformation', 'kubernetes', 'aws', 'azure']);
const line = z.number().int().min(1);

const fileLocation = z.strictObject({
  file: z.string().min(1).describe('Relative to the working directory, forward slashes'),
  line: line.optional().describe('1-based'),
  endLine: line.optional(),
  column: line.optional().describe('1-based, in UTF-16 code units; given for a resource located in a Terraform plan file (written on one line)'),
  address: z.string().optional().describe('Resource address, e.g. module.api.aws_api_gateway_stage.this["prod"]'),
});

const cloudLocation = z.strictObject({
  cloud: z.enum(['aws', 'azure']),
  id: z.string().min(1).describe('ARN or Azure resource ID'),
  region: z.string().optional(),
  account: z.string().optional().describe('AWS account or Azure subscription'),
});

const location = z.union([fileLocation, cloudLocation]);

export const jsonFindingSchema = z.strictObject({
  status: z.enum(['fail', 'unknown']).describe('unknown: could not be verified; listed only with --report-unknown'),
  policy: z.string().regex(/^GW-[A-Z]+-\d{3}$/),
  slug,
  title: z.string().min(1),
  severity,
  category: slug,
  control: slug,
  owasp: z.array(z.string().regex(/^API([1-9]|10):2023$/)),
  message: z.string().min(1),
  resource: z.strictObject({ id: z.string().min(1), type: z.string().min(1), name: z.string(), provider }),
  location,
  remediation: z.string().nullable(),
  suppressed: z.boolean().describe('The finding was accepted (inline comment, config file or baseline): listed, never fails the run'),
  suppression: z.strictObject({
    kind: z.enum(['inline', 'config', 'baseline']),
    reason: z.string().min(1),
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('Last day the suppression applies'),
  }).optional().describe('Present when suppressed'),
});

export const jsonErrorSchema = z.strictObject({
  kind: z.enum(['input', 'policy']).describe('input: a file or source not read; policy: a policy that threw'),
  severity: z.enum(['error', 'warning', 'notice']),
  message: z.string().min(1),
  file: z.string().min(1).optional(),
  line: line.optional(),
  location: location.optional(),
  provider: provider.optional(),
  policy: z.string().optional(),
  operation: z.string().optional().describe('Live audits: the API call that failed, e.g. apigateway:GetStages'),
});

const count = z.number().int().min(0);

export const jsonReportSchema = z.strictObject({
  version: z.literal('1'),
  tool: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
  findings: z.array(jsonFindingSchema),
  errors: z.array(jsonErrorSchema),
  summary: z.strictObject({
    bySeverity: z.strictObject({ critical: count, high: count, medium: count, low: count, info: count }),
    total: count.describe('Failed checks, all severities, not counting suppressed ones'),
    suppressed: count.describe('Failed checks accepted by an inline comment, the config file or a baseline'),
    unknown: count,
    errors: count,
    warnings: count,
    filesScanned: count.describe('Files read; 0 for a live audit'),
    audited: z.strictObject({
      cloud: z.enum(['aws', 'azure']),
      accounts: z.array(z.string()).describe('AWS accounts or Azure subscriptions read, sorted'),
      regions: z.array(z.string()).describe('Regions read, sorted (regions not enabled for an account are skipped)'),
      apis: count.describe('APIs found'),
    }).optional().describe('Live audits: what was read, in place of files'),
  }),
});

export type JsonReport = z.infer<typeof jsonReportSchema>;

/** The same contract as a JSON Schema (draft 2020-12) document, for consumers in other languages. */
export function jsonReportJsonSchema(): unknown {
  return z.toJSONSchema(jsonReportSchema, { target: 'draft-2020-12' });
}
