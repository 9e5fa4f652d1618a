import type { Resolver } from '../resolve';
import type { CfnResource, CfnTemplate } from '../template';
import type { TemplateTransform } from '../transforms';
import { ExpandContext } from './expand-context';
import { functionEvents, IMPLICIT_HTTP_API, IMPLICIT_REST_API, type ApiEvent } from './function-events';
import { isPlainMap } from './globals';
import { expandHttpApi } from './http-api';
import { expandRestApi } from './rest-api';
import { implicitSource, SamProps } from './sam-props';

const SERVERLESS_API = 'AWS::Serverless::Api';
const SERVERLESS_HTTP_API = 'AWS::Serverless::HttpApi';
const SERVERLESS_FUNCTION = 'AWS::Serverless::Function';
/** SAM resources the expansion replaces; other `AWS::Serverless::*` types are kept (the adapters ignore them). */
const EXPANDED = new Set([SERVERLESS_API, SERVERLESS_HTTP_API, SERVERLESS_FUNCTION]);

/**
 * The SAM transform: each `AWS::Serverless::Api`, `AWS::Serverless::HttpApi` and the functions' `Api` / `HttpApi`
 * events become the plain API Gateway resources SAM generates (including the implicit `ServerlessRestApi` and
 * `ServerlessHttpApi`), with `Globals` merged in. Generated resources carry `generatedFrom` and point at the SAM
 * properties they come from, so findings land on the SAM template's lines and no adapter or policy knows about SAM.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html
 */
export const samTransform: TemplateTransform = {
  name: 'AWS::Serverless-2016-10-31',
  expand(template: CfnTemplate, resolver: Resolver) {
    const ctx = new ExpandContext(template, resolver, EXPANDED);
    const samApis = new Map<string, CfnResource>();
    for (const resource of template.resources) {
      if (resource.type === SERVERLESS_API || resource.type === SERVERLESS_HTTP_API) samApis.set(resource.logicalId, resource);
    }
    const functions = template.resources
      .filter((r) => r.type === SERVERLESS_FUNCTION)
      .map((r) => new SamProps({ logicalId: r.logicalId, template, resolver, section: 'Function', own: r, source: r.source }));
    const events = functionEvents(functions, samApis, ctx.diagnostics);
    const eventsOf = (api: string, kind: ApiEvent['kind']): ApiEvent[] => events.filter((e) => e.api === api && e.kind === kind);

    for (const resource of samApis.values()) {
      const isRest = resource.type === SERVERLESS_API;
      const api = new SamProps({ logicalId: resource.logicalId, template, resolver, section: isRest ? 'Api' : 'HttpApi', own: resource, source: resource.source });
      if (isRest) expandRestApi(api, eventsOf(resource.logicalId, 'rest'), ctx);
      else expandHttpApi(api, eventsOf(resource.logicalId, 'http'), ctx);
    }
    // The implicit APIs: SAM's stage for the REST one is `Prod`; the HTTP one gets `$default`.
    const implicitRest = eventsOf(IMPLICIT_REST_API, 'rest');
    if (implicitRest.length > 0 && !samApis.has(IMPLICIT_REST_API)) {
      const api = new SamProps({
        logicalId: IMPLICIT_REST_API, template, resolver, section: 'Api', ownRaw: { StageName: 'Prod' },
        source: implicitSource(implicitRest[0]?.source, template.file),
      });
      expandRestApi(api, implicitRest, ctx);
    }
    const implicitHttp = eventsOf(IMPLICIT_HTTP_API, 'http');
    if (implicitHttp.length > 0 && !samApis.has(IMPLICIT_HTTP_API)) {
      const api = new SamProps({
        logicalId: IMPLICIT_HTTP_API, template, resolver, section: 'HttpApi', ownRaw: {},
        source: implicitSource(implicitHttp[0]?.source, template.file),
      });
      expandHttpApi(api, implicitHttp, ctx);
    }
    for (const resource of template.resources) {
      if (!resource.type.startsWith('AWS::Serverless::') || EXPANDED.has(resource.type)) continue;
      if (hasApiEvents(resource)) {
        ctx.notice(resource.source, `${resource.logicalId}: Api events of ${resource.type} are not expanded; the routes they add are not checked`);
      }
    }
    const resources = [...template.resources.filter((r) => !EXPANDED.has(r.type)), ...ctx.generated];
    return { template: { ...template, resources }, diagnostics: ctx.diagnostics };
  },
};

function hasApiEvents(resource: CfnResource): boolean {
  const events = resource.properties['Events'];
  return isPlainMap(events) && Object.values(events).some((e) => isPlainMap(e) && (e['Type'] === 'Api' || e['Type'] === 'HttpApi'));
}
