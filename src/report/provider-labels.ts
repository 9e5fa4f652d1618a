import type { ProviderId } from '../graph/kinds';

/** How each source kind is named in docs and `policies show`. */
export const PROVIDER_LABELS: Readonly<Record<ProviderId, string>> = {
  'terraform': 'Terraform',
  'terraform-plan': 'Terraform plan (JSON)',
  'cloudformation': 'CloudFormation / SAM',
  'kubernetes': 'Kubernetes',
  'aws': 'AWS (live account)',
  'azure': 'Azure (live API Management)',
};
