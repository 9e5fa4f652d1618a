import type { ResourcePolicy } from '../../../src/graph/kinds';
import { parseResourcePolicy } from '../../aws-shared/iam-policy';

/**
 * The `policy` of a REST API as GetRestApis returns it: a JSON document in a string whose quotes are often escaped
 * once more (`{\"Version\":...}`). `undefined` when it is no policy document.
 */
export function readRestApiPolicy(text: string): ResourcePolicy | undefined {
  return parseResourcePolicy(text) ?? parseResourcePolicy(text.replace(/\\"/g, '"').replace(/\\\//g, '/'));
}
