/**
 * `terraform show -json` output, for a plan or a state, starts with `{"format_version":"1.2","terraform_version":...`
 * (key order is fixed by Terraform's encoder; `jq` keeps it). Raw `terraform.tfstate` files have `"version": 4`
 * and no `format_version`, so they are not claimed: they are not the documented interchange format.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */
export function looksLikePlanJson(path: string, head: string): boolean {
  return isPlanPath(path) && head.includes('"format_version"') && head.includes('"terraform_version"');
}

/** Files the terraform provider reads as plan or state JSON rather than HCL. */
export function isPlanPath(path: string): boolean {
  return /\.json$/i.test(path) && !/\.tfvars\.json$/i.test(path);
}
