import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import type { KeyPath } from '../../key-lines';
import { intrinsicName } from '../resolve';
import type { CfnResource } from '../template';
import type { SamProps } from './sam-props';

/** SAM's implicit APIs: made for events that name no API. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** An `Api` or `HttpApi` event of a function: a route on a SAM API. */
export interface ApiEvent {
  readonly kind: 'rest' | 'http';
  readonly function: SamProps;
  readonly name: string;
  /** The logical id of the SAM API it is a route of (the implicit API when the event names none). */
  readonly api: string;
  /** Path of the event's `Properties` below the function's `Properties`: `['Events', name, 'Properties']`. */
  readonly base: KeyPath;
  /** The event's lines. */
  readonly source: FileSource;
}

/**
 * The `Api` and `HttpApi` events of the functions. `RestApiId` / `ApiId` must be a `!Ref` to a SAM API of the template
 * (SAM rejects anything else); events that name none go to the implicit API.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-httpapi.html
 */
export function functionEvents(functions: readonly SamProps[], samApis: ReadonlyMap<string, CfnResource>, diagnostics: Diagnostic[]): ApiEvent[] {
  const events: ApiEvent[] = [];
  for (const fn of functions) {
    const all = fn.map(['Events']);
    if (!all) continue;
    for (const name of Object.keys(all)) {
      const event = fn.map(['Events', name]);
      const type = event?.['Type'];
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const kind = type === 'Api' ? 'rest' : 'http';
      const base = ['Events', name, 'Properties'];
      const idKey = kind === 'rest' ? 'RestApiId' : 'ApiId';
      const source = fn.locateOwn(['Events', name]);
      const target = fn.value([...base, idKey]);
      let api: string | undefined = kind === 'rest' ? IMPLICIT_REST_API : IMPLICIT_HTTP_API;
      if (target !== undefined && target !== null) {
        api = referencedApi(target, samApis, kind === 'rest' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi');
        if (api === undefined) {
          const at = fn.locate([...base, idKey]);
          diagnostics.push({
            severity: 'warning', file: at.file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation',
            message: `${fn.logicalId}: event ${name} names an API that is not an ${kind === 'rest' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'} of this template (SAM requires a !Ref to one); its route is not checked`,
          });
          continue;
        }
      }
      events.push({ kind, function: fn, name, api, base, source });
    }
  }
  return events;
}

function referencedApi(target: unknown, samApis: ReadonlyMap<string, CfnResource>, type: string): string | undefined {
  const name = intrinsicName(target) === 'Ref' ? (target as Record<string, unknown>)['Ref'] : target;
  if (typeof name !== 'string') return undefined;
  return samApis.get(name)?.type === type ? name : undefined;
}
