import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startEmulator, type Scenario } from './emulator';

/**
 * `npm run demo:audit`: starts the emulator with the bundled sample account, runs `gatewarden audit aws` against it
 * in a child process (the built CLI, as a user would), and exits with the CLI's code. Arguments after the scenario
 * file go to the CLI (e.g. `-- --format json`).
 */
async function main(): Promise<void> {
  const [scenarioFile = 'test/aws-emulator/scenarios/sample-account.json', ...cliArgs] = process.argv.slice(2);
  const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Scenario;
  const accessKey = Object.keys(scenario.credentials)[0] ?? 'AKIAEMULATOR';
  const emulator = await startEmulator(scenario);
  process.stderr.write(`AWS emulator on ${emulator.url} serving ${scenarioFile}\n`);
  const argv = ['bin/gatewarden.js', 'audit', 'aws', '--endpoint-url', emulator.url, '--regions', 'us-east-1,eu-west-1', ...cliArgs];
  process.stderr.write(`$ gatewarden ${argv.slice(1).join(' ')}\n\n`);
  const child = spawn(process.execPath, argv, {
    stdio: 'inherit',
    // Only the emulator's keys: nothing of this machine's AWS configuration is used.
    env: { ...process.env, AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: 'emulator-secret', AWS_SESSION_TOKEN: '', AWS_PROFILE: '',
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => {
    resolve(c ?? 2);
  }));
  const calls = new Map<string, number>();
  for (const request of emulator.requests) calls.set(request.operation, (calls.get(request.operation) ?? 0) + 1);
  process.stderr.write(`\n${emulator.requests.length} read-only calls: ${[...calls].map(([op, n]) => `${op} ×${n}`).join(', ')}\n`);
  await emulator.close();
  process.exitCode = code;
}

void main();
