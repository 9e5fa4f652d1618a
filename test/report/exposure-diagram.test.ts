import { spawnSync } from 'node:child_process';
import { dotString, mermaidText, renderDot, renderMermaid } from '../../src/report/exposure-diagram';
import { buildExposure, INTERNET_ID, MAX_ROUTES } from '../../src/report/exposure-model';
import { g } from '../helpers';

/** internet → CDN → WAF → domain → API → stage / routes → backend, with findings on the stage and an authorizer. */
function graph(routes = 2, cdnEnabled = g.set(true)) {
  return g.build((b) => {
    const api = b.node('api', { name: 'payments', id: 'api', defaultEndpointEnabled: g.set(false) });
    const stage = b.node('api.stage', { name: 'prod', id: 'stage', stageName: g.set('prod') });
    const domain = b.node('api.domain', { name: 'd', id: 'domain', hostname: g.set('api.example.com'), minTlsVersion: g.set('1.2') });
    const cdn = b.node('edge.cdn', { name: 'dist', id: 'cdn', enabled: cdnEnabled });
    const waf = b.node('edge.waf', { name: 'acl', id: 'waf', mode: g.set('prevention') });
    const authorizer = b.node('api.authorizer', { name: 'jwt', id: 'authz' });
    const backend = b.node('api.backend', { name: 'svc', id: 'backend', url: g.set('https://svc.internal') });
    b.link(api, 'api-has-stage', stage).link(domain, 'domain-serves', stage).link(cdn, 'cdn-fronts', domain).link(waf, 'waf-protects', cdn);
    b.link(api, 'api-has-authorizer', authorizer);
    for (let i = 0; i < routes; i += 1) {
      const op = b.node('api.operation', { name: `r${i}`, id: `op${i}`, method: g.set('GET'), path: g.set(`/r${String(i).padStart(3, '0')}`), authorization: g.set('jwt') });
      b.link(api, 'api-has-operation', op).link(op, 'operation-uses-authorizer', authorizer).link(op, 'operation-calls-backend', backend);
    }
  });
}

describe('exposure model', () => {
  it('follows internet → CDN → WAF → domain → stage and API → routes → backend; a closed default endpoint has no edge', () => {
    const [exposure] = buildExposure(graph(), new Map([['stage', ['GW-LOG-001']], ['authz', ['GW-AUTH-002']]]));
    expect(exposure?.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([
      'api>op0', 'api>op1', 'api>stage', 'cdn>domain', 'domain>stage', `${INTERNET_ID}>waf`, 'op0>backend', 'op1>backend', 'waf>cdn',
    ].sort());
    expect(exposure?.flagged).toBe(true);
    const byId = new Map(exposure?.nodes.map((n) => [n.id, n]));
    expect(byId.get('stage')?.findings).toEqual(['GW-LOG-001']);
    expect(byId.get('op0')?.findings).toEqual(['GW-AUTH-002']);
    expect(byId.get('op0')?.lines).toEqual(['GET /r000', 'auth: jwt (jwt)']);
  });

  it('leaves out a disabled CDN: it serves nothing, so the custom domain is the way in', () => {
    const [exposure] = buildExposure(graph(2, g.set(false)), new Map());
    expect(exposure?.nodes.map((n) => n.id)).not.toContain('cdn');
    expect(exposure?.edges.map((e) => `${e.from}>${e.to}`)).toEqual(expect.arrayContaining([`${INTERNET_ID}>domain`, 'domain>stage']));
  });

  it(`draws at most ${MAX_ROUTES} routes and sums up the rest`, () => {
    const [exposure] = buildExposure(graph(MAX_ROUTES + 3), new Map());
    expect(exposure?.nodes.filter((n) => n.kind === 'api.operation')).toHaveLength(MAX_ROUTES);
    expect(exposure?.nodes.find((n) => n.kind === 'more-routes')?.lines).toEqual(['3 more routes']);
    expect(exposure?.flagged).toBe(false);
  });
});

describe('diagram text', () => {
  it('escapes Mermaid labels into entity codes and DOT strings with backslashes', () => {
    expect(mermaidText('a"]-->b\n`#')).toBe('a#34;#93;--#62;b#10;#96;#35;');
    expect(dotString('say "hi"\\\nnext\u0007')).toBe('"say \\"hi\\"\\\\\\nnext"');
  });

  const hostile = g.build((b) => {
    const api = b.node('api', { name: 'x"];\n}\ndigraph evil {', id: 'api' });
    b.link(api, 'api-has-stage', b.node('api.stage', { name: '"]-->pwned', id: 's' }));
  });

  it('renders Mermaid with one declaration per node and the flagged class', () => {
    const text = renderMermaid(buildExposure(graph(), new Map([['stage', ['GW-LOG-001']]])));
    expect(text.split('\n').filter((l) => /^\s+stage|^\s+n\d+\[/.test(l)).length).toBeGreaterThan(0);
    expect(text).toMatch(/class n\d+ flagged/);
    expect(renderMermaid(buildExposure(hostile, new Map()))).not.toMatch(/-->pwned|[{}]|\ndigraph/);
  });

  const hasDot = spawnSync('dot', ['-V']).status === 0;
  (hasDot ? it : it.skip)(`renders DOT that Graphviz accepts, hostile names included${hasDot ? '' : ' — SKIPPED: Graphviz `dot` is not installed'}`, () => {
    for (const g2 of [graph(), hostile]) {
      const svg = spawnSync('dot', ['-Tsvg'], { input: renderDot(buildExposure(g2, new Map([['stage', ['GW-LOG-001']]]))), encoding: 'utf8' });
      expect([svg.status, svg.stderr]).toEqual([0, '']);
      expect(svg.stdout.match(/<g id="node\d+" class="node">/g)?.length).toBeGreaterThanOrEqual(3);
    }
  });
});
