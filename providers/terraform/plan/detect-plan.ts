/**
 * `terraform show -json` output, for a plan or a state, starts with `{"format_version":"1.2","terraform_version":...`
 * (key order is fixed by Terraform's encoder; `jq` keeps it). Re-serialised with sorted keys (`jq -S`, Go or Python
 * tools), a plan starts with `applyable`, `checks` or `configuration` instead, and `format_version` may lie
 * past the head: such a start is recognised by what Terraform writes there. Raw `terraform.tfstate` files have
 * `"version": 4` and no `format_version`, so they are not claimed: they are not the documented interchange format.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */
export function looksLikePlanJson(path: string, head: string): boolean {
  if (!isPlanPath(path)) return false;
  return (head.includes('"format_version"') && head.includes('"terraform_version"')) || SORTED_PLAN_START.test(head);
}

/**
 * The start of a plan with sorted keys: the first member a sorted plan can have (`applyable` from Terraform 1.6, else
 * `checks` from 1.5, else `configuration`), with the value and the next key it has there.
 */
const SORTED_PLAN_START = new RegExp([
  String.raw`^\uFEFF?\s*\{\s*(?:`,
  String.raw`"applyable"\s*:\s*(?:true|false)\s*,\s*"(?:checks|complete)"\s*:`,
  String.raw`|"configuration"\s*:\s*\{\s*"(?:provider_config|root_module)"\s*:`,
  String.raw`|"checks"\s*:\s*\[\s*\{\s*"address"\s*:\s*\{\s*"(?:kind|to_display)"`,
  ')',
].join(''));

/** Files the terraform provider reads as plan or state JSON rather than HCL. */
export function isPlanPath(path: string): boolean {
  return /\.json$/i.test(path) && !/\.tfvars\.json$/i.test(path);
}
