import { STDIN_FILE } from '../../src/graph/adapter';

/**
 * Recognises Kubernetes manifests by content: a top-level `apiVersion` and `kind` (YAML at column 0, or JSON keys)
 * within the first bytes, in a `.yaml`, `.yml` or `.json` file, or on standard input. Helm chart templates
 * (`templates/*.yaml` holding `{{ }}`) are claimed too, so that the provider can say how to render them. Terraform plan
 * JSON has neither key; CloudFormation templates have no `apiVersion`.
 */
export function looksLikeManifest(path: string, head: string): boolean {
  if (path !== STDIN_FILE && !/\.(ya?ml|json)$/i.test(path)) return false;
  if (head.includes('"format_version"') && head.includes('"terraform_version"')) return false;
  if (/(^|[\s{,"'])AWSTemplateFormatVersion["']?\s*:/.test(head)) return false;
  const yaml = /^apiVersion\s*:/m.test(head) && /^kind\s*:/m.test(head);
  const json = /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head) && /^\s*[[{]/.test(head);
  // Helm charts often open a template with `{{- if .Values.x }}`, or indent the manifest inside a block.
  const helm = isHelmTemplatePath(path) && head.includes('{{') && /^\s*(apiVersion|kind)\s*:/m.test(head);
  return yaml || json || helm;
}


/** A file in a Helm chart's `templates/` directory (chart templates are Go templates until rendered). */
export function isHelmTemplatePath(path: string): boolean {
  return /(^|[\\/])templates[\\/](.+[\\/])?[^\\/]+\.ya?ml$/i.test(path);
}

/** Go template actions (`{{ .Values.x }}`, `{{- include ... }}`) outside comments: the text is not YAML yet. */
export function hasTemplateActions(text: string): boolean {
  return /\{\{-?\s*[^}]*\}\}/.test(text);
}
