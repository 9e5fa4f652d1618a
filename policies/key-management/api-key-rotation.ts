import { z } from 'zod';
import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

const DAY_MS = 24 * 60 * 60 * 1000;

const apiKeyRotationOptions = z.strictObject({
  maxAgeDays: z.number().int().positive().default(90)
    .describe('Oldest an enabled key may be, in days since it was created, before it must be replaced'),
});

export default definePolicy({
  id: 'GW-KEY-002',
  slug: 'api-key-rotation',
  title: 'Enabled API keys are replaced within the rotation window',
  severity: 'medium',
  category: 'key-management',
  control: 'api-key-rotation',
  owasp: ['API2:2023'],
  target: 'api.key',
  rationale:
    'An API key is a bearer secret: whoever holds a copy (a former partner, a log line, a laptop, a repository) can call the API until the key is disabled. ' +
    'The longer a key lives, the more copies of it exist and the less anyone knows where they are. Replacing keys on a schedule (90 days by default, ' +
    'configurable with the `maxAgeDays` option) bounds how long a leaked key stays useful. API Gateway key values cannot be changed: rotating means a new key ' +
    'in the same usage plans, then disabling the old one. Only a deployed key has a creation date (a live audit, or a Terraform plan or state of running infrastructure): keys only in code are reported as not verifiable, never as failing.',
  remediation: {
    aws: [
      '# API Gateway key values cannot be changed: create a new key, put it in the same usage plans, hand it over, then retire the old one',
      'aws apigateway get-usage-plans --key-id OLD_KEY_ID --query "items[].id"',
      'aws apigateway create-api-key --name partner-2025-06 --enabled --query id --output text',
      'aws apigateway create-usage-plan-key --usage-plan-id PLAN_ID --key-id NEW_KEY_ID --key-type API_KEY',
      '# once clients use the new key:',
      'aws apigateway update-api-key --api-key OLD_KEY_ID --patch-operations op=replace,path=/enabled,value=false',
      'aws apigateway delete-api-key --api-key OLD_KEY_ID',
      '# Console: API Gateway > API keys > Create API key, Add to usage plan; then select the old key > Actions > Disable / Delete',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-setup-api-key-with-console.html',
    'https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/',
  ],
  frameworks: { 'pci-dss-4.0': ['8.3.9', '8.6.3'], 'nist-800-53': ['IA-5(1)'] },
  options: apiKeyRotationOptions,
  evaluate(key, { options, now }) {
    const enabled = key.attrs.enabled;
    // A disabled key opens nothing, however old.
    if (enabled.state !== 'unknown' && !enabled.value) return pass();
    const created = key.attrs.createdAt;
    switch (created.state) {
      case 'unknown':
        return unknown(`\`${key.name}\`: the key's age is not known (${created.expr ?? 'computed'})`, created.source ?? key.source);
      case 'set':
      case 'default': {
        const at = created.value === null ? Number.NaN : Date.parse(created.value);
        if (Number.isNaN(at)) return unknown(`\`${key.name}\`: no creation date is recorded for the key`, created.source ?? key.source);
        const ageDays = Math.floor((now.getTime() - at) / DAY_MS);
        if (ageDays <= options.maxAgeDays) return pass();
        const since = `created ${ageDays} days ago (${new Date(at).toISOString().slice(0, 10)}), more than the ${options.maxAgeDays}-day rotation window`;
        // Not knowing whether the key is enabled must not turn into a failure.
        if (enabled.state === 'unknown') return unknown(`\`${key.name}\` was ${since}, and whether it is enabled is not known (${enabled.expr ?? 'computed'})`, enabled.source ?? key.source);
        return fail(`\`${key.name}\` was ${since}`, created.source ?? key.source);
      }
    }
  },
});
