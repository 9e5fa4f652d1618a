/**
 * Where the project and its policy catalog live, for links in reports (SARIF `informationUri` and `helpUri`).
 * Placeholder until the repository is published: change it here only.
 */
export const PROJECT_URL = 'https://github.com/gatewarden/gatewarden';

/** docs/policies.md on the default branch; `#<anchor>` selects one policy. */
export const POLICY_DOCS_URL = `${PROJECT_URL}/blob/main/docs/policies.md`;
