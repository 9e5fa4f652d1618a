import type { Category, Control } from './policy';

/**
 * The category each control belongs to, as CONTROLS.md lists them. Public contract: the catalog renders it and the
 * policy meta-test checks every policy's control against it. `Record` makes a new control without a category a compile error.
 */
export const CONTROL_CATEGORY: Readonly<Record<Control, Category>> = {
  'tls-version': 'encryption',
  'https-only': 'encryption',
  'backend-tls': 'encryption',
  'client-certificate': 'encryption',
  'authorizer': 'authentication',
  'jwt-validation': 'authentication',
  'api-key-only': 'authentication',
  'resource-policy': 'least-privilege',
  'config-snippet': 'least-privilege',
  'request-validation': 'validation',
  'body-size-limit': 'validation',
  'data-trace': 'data-exposure',
  'cache-encryption': 'data-exposure',
  'cors': 'data-exposure',
  'throttling': 'api-management',
  'quota': 'api-management',
  'waf': 'api-management',
  'waf-rules': 'api-management',
  'cdn': 'api-management',
  'policy-inheritance': 'api-management',
  'api-key-in-code': 'key-management',
  'api-key-rotation': 'key-management',
  'api-key-scope': 'key-management',
  'public-endpoint': 'exposure',
  'default-endpoint': 'exposure',
  'access-logging': 'monitoring',
  'execution-logging': 'monitoring',
  'tracing': 'monitoring',
  'undocumented-route': 'documentation',
  'api-spec': 'documentation',
  'shadow-api': 'shadow-apis',
  'deprecated-route': 'shadow-apis',
  'stale-stage': 'shadow-apis',
  'inventory': 'discovery',
};

/** The categories of CONTROLS.md, in the order the catalog lists them. */
export const CATEGORIES: readonly Category[] = [
  'discovery', 'shadow-apis', 'encryption', 'authentication', 'least-privilege', 'documentation',
  'validation', 'data-exposure', 'api-management', 'key-management', 'exposure', 'monitoring',
];
