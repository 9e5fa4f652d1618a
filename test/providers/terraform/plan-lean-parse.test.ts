import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTerraformPlan } from '../../../bench/generate-terraform-plan';
import { parsePlanJson } from '../../../providers/terraform/plan/lean-plan-parse';
import { scan } from '../../../src/scan/scan';
import { fixture } from './plan-helpers';

type Json = Record<string, unknown>;

/**
 * What the lean parse must give for a plan as Terraform writes it, computed from the full `JSON.parse`: no
 * `resource_drift`, `output_changes` or `prior_state`, and each change reduced to `address`, `deposed` and its
 * change's `actions` and `after_unknown`.
 */
function reduced(text: string): Json {
  const plan = JSON.parse(text) as Json;
  for (const skipped of ['resource_drift', 'output_changes', 'prior_state']) Reflect.deleteProperty(plan, skipped);
  if (!Array.isArray(plan['resource_changes'])) return plan;
  plan['resource_changes'] = (plan['resource_changes'] as Json[]).map((change) => {
    const body = change['change'] as Json | undefined;
    const kept: Json = {};
    for (const key of ['address', 'deposed']) if (key in change) kept[key] = change[key];
    if (body) {
      kept['change'] = {};
      for (const key of ['actions', 'after_unknown']) if (key in body) (kept['change'] as Json)[key] = body[key];
    }
    return kept;
  });
  return plan;
}

const fixturePlans = [
  fixture('plan-only', 'plan.json'),
  fixture('with-sources', 'plan.json'),
  fixture('keyed-refs', 'plan.json'),
];

/** The plan with the first change's `after` in `resource_changes` (the values of trickyPlan) rewritten. */
function inChanges(text: string, rewrite: (value: string) => string): string {
  const changes = text.indexOf('"resource_changes":');
  const after = /"after":(\{"name":"q\\"uote".*?"list":\[\[\],\{\},""\]\})/;
  return text.slice(0, changes) + text.slice(changes).replace(after, (_match, value: string) => rewrite(value));
}

/** A compact plan of three resources, with `prior_state` and `before` / `after` values written to trip a walker. */
function trickyPlan(priorState = '{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","values":{"s":"x\\\\","t":"}]\\"{["}}]}}}'): string {
  const values = '{"name":"q\\"uote","tags":{"prior_state":"}","address":"[","after_unknown":{"x":1}},"n":-1.5e3,"ok":true,"none":null,"list":[[],{},""]}';
  const change = (address: string, actions: string, extra = ''): string =>
    `{"address":${JSON.stringify(address)},"mode":"managed","type":"aws_api_gateway_rest_api","name":"x"${extra},"change":{"actions":${actions},"before":${values},"after":${values},"after_unknown":{"id":true,"tags":{}},"before_sensitive":{},"after_sensitive":{"tags":{}}}}`;
  return `{"format_version":"1.2","terraform_version":"1.9.0","variables":{"v":{"value":"\\u003c"}},`
    + `"planned_values":{"root_module":{"resources":[{"address":"aws_api_gateway_rest_api.x[\\"a\\"]","values":${values}}]}},`
    + `"resource_drift":[${change('aws_api_gateway_rest_api.drifted', '["update"]')}],`
    + `"resource_changes":[${change('aws_api_gateway_rest_api.x["a"]', '["no-op"]')},${change('aws_api_gateway_rest_api.x["b"]', '["delete"]', ',"deposed":"00aa"')}],`
    + `"output_changes":{"o":{"actions":["create"],"before":null,"after":"}"}},`
    + `"prior_state":${priorState},`
    + '"configuration":{"root_module":{"resources":[{"address":"aws_api_gateway_rest_api.x","expressions":{"name":{"constant_value":"q"}}}]}},'
    + '"timestamp":"2026-11-28T00:00:00Z","applyable":true,"complete":true,"errored":false}\n';
}

describe('lean parse of plan JSON', () => {
  test.each(fixturePlans)('gives what a full parse gives for every part that is read: %s', (file) => {
    // One line with no spaces, as Terraform writes it (some fixtures are pretty-printed for reading).
    const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsePlanJson(text).json).toEqual(reduced(text));
  });

  test('skips nested keys, brackets and escaped quotes in strings as JSON does', () => {
    const text = trickyPlan();
    const parsed = parsePlanJson(text).json as Json;
    expect(parsed).toEqual(reduced(text));
    expect(Object.keys(parsed)).toEqual(['format_version', 'terraform_version', 'variables', 'planned_values', 'resource_changes', 'configuration', 'timestamp', 'applyable', 'complete', 'errored']);
    expect(parsed['resource_changes']).toEqual([
      { address: 'aws_api_gateway_rest_api.x["a"]', change: { actions: ['no-op'], after_unknown: { id: true, tags: {} } } },
      { address: 'aws_api_gateway_rest_api.x["b"]', deposed: '00aa', change: { actions: ['delete'], after_unknown: { id: true, tags: {} } } },
    ]);
  });

  test('says where each change names its resource: the offset of its "address" key', () => {
    const text = trickyPlan();
    const { changeAddressOffsets } = parsePlanJson(text);
    const changes = text.indexOf('"resource_changes":');
    expect(changeAddressOffsets).toEqual([
      text.indexOf('"address":"aws_api_gateway_rest_api.x[\\"a\\"]"', changes),
      text.indexOf('"address":"aws_api_gateway_rest_api.x[\\"b\\"]"', changes),
    ]);
    expect(changeAddressOffsets?.every((offset) => offset > changes)).toBe(true);
  });

  test('decodes escapes in addresses as JSON does', () => {
    const text = trickyPlan().replace('"address":"aws_api_gateway_rest_api.drifted"', '"address":"x"')
      .replace('"address":"aws_api_gateway_rest_api.x[\\"b\\"]"', '"address":"aws_api_gateway_rest_api.x[\\"\\u003cb\\\\\\"\\"]"');
    const changes = (parsePlanJson(text).json as Json)['resource_changes'] as Json[];
    expect(changes.map((c) => c['address'])).toEqual(['aws_api_gateway_rest_api.x["a"]', 'aws_api_gateway_rest_api.x["<b\\""]']);
    expect(parsePlanJson(text).json).toEqual(reduced(text));
  });

  test('reads planned values holding a key named like the member after them', () => {
    const text = trickyPlan().replace('"ok":true', '"ok":true,"x":{"a":1},"resource_changes":[1]');
    const parsed = parsePlanJson(text).json as Json;
    expect(parsed['planned_values']).toEqual((JSON.parse(text) as Json)['planned_values']);
    expect((parsed['resource_changes'] as Json[]).map((c) => c['address'])).toEqual(['aws_api_gateway_rest_api.x["a"]', 'aws_api_gateway_rest_api.x["b"]']);
  });

  test.each([
    ['pretty-printed', (text: string) => JSON.stringify(JSON.parse(text), null, 2)],
    ['a state', () => readFileSync(fixture('state', 'state.json'), 'utf8')],
    ['without planned_values', (text: string) => text.replace('"planned_values":', '"planned_values_":')],
    ['with planned values that are not a module', (text: string) => text.replace(/"planned_values":\{"root_module":/, '"planned_values":{"root":')],
    ['with a __proto__ member', (text: string) => text.replace('"timestamp":', '"__proto__":{},"timestamp":')],
  ])('parses %s whole, as JSON.parse does', (_name, variant) => {
    const text = variant(trickyPlan());
    expect(parsePlanJson(text)).toEqual({ json: JSON.parse(text) as unknown });
  });

  test('an after written exactly as its before is not walked again; one that only starts like it is', () => {
    const text = trickyPlan();
    const longer = inChanges(text, (value) => `"after":${value.slice(0, -1)},"extra":"}"}`);
    expect(longer).not.toBe(text);
    for (const variant of [text, longer]) expect(parsePlanJson(variant).json).toEqual(reduced(variant));
  });

  test.each([
    ['an after that starts as its before and goes on', inChanges(trickyPlan(), (value) => `"after":${value}x`)],
    ['a skipped member with a string never closed', trickyPlan('{"format_version":"1.0","values":{"s":"x}}')],
    ['a skipped member with unbalanced brackets', trickyPlan('{"format_version":"1.0","values":[}')],
    ['a read member that is not JSON', trickyPlan().replace('"applyable":true', '"applyable":tru')],
    ['text after the plan', `${trickyPlan()}{}`],
    ['a truncated plan', trickyPlan().slice(0, 2000)],
    ['the truncated fixture', readFileSync(fixture('bad', 'truncated.json'), 'utf8')],
  ])('reports invalid JSON as JSON.parse does: %s', (_name, text) => {
    let expected: unknown;
    try {
      JSON.parse(text);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(SyntaxError);
    expect(() => parsePlanJson(text).json).toThrow(expected as SyntaxError);
  });
});

/** A small deterministic generator (mulberry32), so that a failing case can be reproduced from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** JSON values with the characters a walker can trip on: quotes, backslashes, brackets, keys named like plan members. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const strings = ['', 'a"b', 'c\\', '\\"', '{[', ']}', 'x,"y":1', '\u003c&>', 'é', 'prior_state', '"address":"z"'];
  const keys = ['address', 'change', 'actions', 'after_unknown', 'prior_state', 'resource_changes', 'planned_values', 'x', 'a"b', 'c\\'];
  const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  switch (kind) {
    case 0: return pick(strings);
    case 1: return Math.floor(next() * 2000) - 1000 + pick([0, 0.5, 1e21]);
    case 2: return pick([true, false, null]);
    case 3: return pick(keys);
    case 4: return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(keys), randomValue(next, depth + 1)]));
  }
}

function randomPlan(seed: number): string {
  const next = random(seed);
  const value = () => randomValue(next, 0);
  const change = (i: number) => ({
    address: `aws_x.y["k${i}\\"]`, mode: 'managed', type: 'aws_x', name: 'y', ...(next() < 0.2 && { deposed: 'abc' }),
    change: { actions: [next() < 0.5 ? 'create' : 'no-op'], before: value(), after: value(), after_unknown: value(), before_sensitive: value(), after_sensitive: value() },
  });
  const changes = Array.from({ length: Math.floor(next() * 5) }, (_, i) => change(i));
  return JSON.stringify({
    format_version: '1.2', terraform_version: '1.9.0', variables: { v: { value: value() } },
    planned_values: { root_module: { resources: changes.map((c) => ({ address: c.address, values: value() })) } },
    ...(next() < 0.5 && { resource_drift: [change(99)] }),
    resource_changes: changes,
    output_changes: { o: { actions: ['no-op'], before: value(), after: value() } },
    prior_state: { format_version: '1.0', values: value() },
    configuration: { root_module: { resources: [{ address: 'aws_x.y', expressions: { n: value() } }] } },
    timestamp: '2026-11-28T00:00:00Z', errored: false,
  });
}

describe('lean parse against JSON.parse on generated plans', () => {
  test.each(Array.from({ length: 300 }, (_, seed) => seed))('seed %i', (seed) => {
    const text = randomPlan(seed);
    const parsed = parsePlanJson(text);
    expect(parsed.json).toEqual(reduced(text));
    // Each offset is where that change's own "address" is written.
    const changes = (parsed.json as Json)['resource_changes'] as Json[];
    expect(parsed.changeAddressOffsets?.map((offset) => JSON.parse(text.slice(offset + '"address":'.length, text.indexOf('"]"', offset) + 3)) as unknown))
      .toEqual(changes.map((change) => change['address']));
  });
});

describe('lean parse in a scan', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gw-lean-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a generated plan scans to the same results as the same plan pretty-printed (which is parsed whole)', async () => {
    const compact = join(dir, 'compact', 'plan.json');
    const pretty = join(dir, 'pretty', 'plan.json');
    mkdirSync(join(dir, 'compact'));
    mkdirSync(join(dir, 'pretty'));
    generateTerraformPlan(compact, 400_000);
    writeFileSync(pretty, JSON.stringify(JSON.parse(readFileSync(compact, 'utf8')), null, 1));
    const outcome = async (file: string) => {
      const result = await scan({ paths: [file], cwd: join(file, '..') });
      // Locations differ (one line against many); what was found, where in the graph, and why must not.
      return {
        results: result.results.map((r) => ({ policy: r.policy.id, node: r.node.id, status: r.status, message: r.message, severity: r.severity, key: r.key })),
        diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, message: d.message })),
      };
    };
    const [lean, whole] = [await outcome(compact), await outcome(pretty)];
    expect(lean.results.length).toBeGreaterThan(100);
    expect(lean.results.filter((r) => r.status === 'fail').length).toBeGreaterThan(10);
    expect(lean).toEqual(whole);
  });
});
