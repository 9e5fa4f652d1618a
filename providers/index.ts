import type { ProviderAdapter } from '../src/graph/adapter';
import cloudformation from './cloudformation';
import kubernetes from './kubernetes';
import terraform from './terraform';

/** Every built-in provider, in the order discovery offers files to them. */
export const builtinProviders: readonly ProviderAdapter[] = [terraform, cloudformation, kubernetes];
