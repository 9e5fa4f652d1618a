import { relative, sep } from 'node:path';

/**
 * Terraform addresses are unique only within one root module: `envs/prod` and `envs/staging` both declare
 * `aws_api_gateway_rest_api.api`. Node ids therefore carry the root directory, relative to the working
 * directory so that they stay the same across machines: `terraform:envs/prod:aws_api_gateway_rest_api.api`.
 */
export function rootLabel(rootDir: string, cwd: string): string {
  const rel = relative(cwd, rootDir).split(sep).join('/');
  return rel === '' ? '.' : rel;
}
