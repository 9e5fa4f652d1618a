import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedRequest, Scenario } from './emulator';

/** A scenario of test/aws-emulator/scenarios by name, as a fresh object the test may change. */
export function loadScenario(name: string): Scenario {
  return JSON.parse(readFileSync(join(__dirname, 'scenarios', `${name}.json`), 'utf8')) as Scenario;
}

/** Read-only calls: GET on the REST protocols, Get and List targets and actions, STS identity and role assumption. */
export function isReadOnly(request: RecordedRequest): boolean {
  const name = request.operation.split(':')[1] ?? '';
  if (request.target === undefined && !request.operation.startsWith('sts:')) return request.method === 'GET' && /^(Get|List)/.test(name);
  return /^(Get|List|Describe)/.test(name) || request.operation === 'sts:AssumeRole';
}

/** Environment of the SDK's default credential chain, pointed at nothing on this machine but the given keys. */
export function emulatorCredentials(accessKeyId: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_CONFIG_FILE: join(__dirname, 'no-such-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(__dirname, 'no-such-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
