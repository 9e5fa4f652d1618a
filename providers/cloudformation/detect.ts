/**
 * Recognises CloudFormation (and SAM) templates by content: `AWSTemplateFormatVersion`, or a `Resources` section
 * with `AWS::` types, within the first bytes. CDK synthesizes `cdk.out/<Stack>.template.json`, which may start with
 * a long `Parameters` or `Metadata` section: such files are claimed by name. Terraform plan JSON and Kubernetes
 * manifests (`apiVersion` + `kind`) are left to their providers.
 */
export function looksLikeTemplate(path: string, head: string): boolean {
  if (!/\.(ya?ml|json|template)$/i.test(path)) return false;
  if (/(^|[\\/])cdk\.out[\\/][^\\/]+\.template\.json$/i.test(path)) return true;
  if (head.includes('"format_version"') && head.includes('"terraform_version"')) return false;
  if (/^apiVersion\s*:/m.test(head) && /^kind\s*:/m.test(head)) return false;
  if (/(^|[\s{,"'])AWSTemplateFormatVersion["']?\s*:/.test(head)) return true;
  // A Resources key at the top level (YAML column 0, or JSON), and a resource type or the SAM transform.
  const hasResources = /^["']?Resources["']?\s*:/m.test(head) || /"Resources"\s*:\s*\{/.test(head);
  return (hasResources && /["'\s]AWS::[A-Za-z0-9]+::/.test(head)) || /^Transform\s*:\s*['"]?AWS::Serverless-2016-10-31/m.test(head);
}
