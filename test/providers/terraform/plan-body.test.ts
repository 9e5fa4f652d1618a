import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TfAttribute, TfBody } from '../../../providers/terraform/model';
import { planToResources } from '../../../providers/terraform/plan/load-plans';
import { parsePlanText } from '../../../providers/terraform/plan/read-plan';
import { readTerraform } from '../../../providers/terraform/load';
import { fixture } from './plan-helpers';

/** Every body of a resource, nested blocks included. */
function bodies(body: TfBody): TfBody[] {
  return [body, ...Object.values(body.blocks).flat().flatMap(bodies)];
}

function plain(attribute: TfAttribute | undefined): unknown {
  return attribute && { value: attribute.value, refs: attribute.refs, source: attribute.source };
}

/** A body as data: its attributes, nested blocks and unknown blocks, whatever reads them. */
function plainBody(body: TfBody): unknown {
  return {
    attributes: Object.fromEntries(Object.entries(body.attributes).map(([name, attribute]) => [name, plain(attribute)])),
    blocks: Object.fromEntries(Object.entries(body.blocks).map(([name, list]) => [name, list.map(plainBody)])),
    unknownBlocks: body.unknownBlocks,
    source: body.source,
  };
}

/** Names a body may be asked for that it does not hold: absent ones, and names every object inherits. */
const ABSENT = ['no_such_argument', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** The bodies of a plan's resources, and their nested blocks' unless `nested` is false (which leaves them unread). */
async function planBodies(file: string, text = readFileSync(file, 'utf8'), nested = true): Promise<TfBody[]> {
  const read = parsePlanText(file, text);
  if (!('document' in read)) throw new Error(read.diagnostic.message);
  // The .tf files next to the plan, when there are any: their locations are then used.
  const tf = join(dirname(file), 'main.tf');
  const roots = existsSync(tf) ? (await readTerraform([tf], {})).roots : [];
  return planToResources(read.document, roots).resources.flatMap((resource) => (nested ? bodies(resource.body) : [resource.body]));
}

describe('plan bodies converted as they are read', () => {
  test.each([
    ['a plan with unknown values and nested blocks', fixture('plan-only', 'plan.json')],
    ['a plan made from scanned .tf files', fixture('with-sources', 'plan.json')],
    ['a plan with keyed references', fixture('keyed-refs', 'plan.json')],
    ['a state', fixture('state', 'state.json')],
  ])('an attribute read by name is the attribute the whole record holds: %s', async (_name, file) => {
    const all = await planBodies(file);
    expect(all.length).toBeGreaterThan(3);
    let compared = 0;
    for (const body of all) {
      if (!body.attribute) throw new Error('a plan body answers attribute(name)');
      // Read by name first, before the record is made; then the record; then by name again, from the record.
      const names = [...Object.keys(body.attributes), ...ABSENT];
      const first = new Map(names.map((name) => [name, plain(body.attribute?.(name))]));
      for (const name of names) {
        const expected = plain(Object.hasOwn(body.attributes, name) ? body.attributes[name] : undefined);
        expect({ name, attribute: first.get(name) }).toEqual({ name, attribute: expected });
        expect({ name, attribute: plain(body.attribute(name)) }).toEqual({ name, attribute: expected });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  test.each([
    ['a plan with unknown values and nested blocks', fixture('plan-only', 'plan.json')],
    ['a plan made from scanned .tf files', fixture('with-sources', 'plan.json')],
    ['a state', fixture('state', 'state.json')],
  ])('nested blocks read by name are the blocks the whole record holds: %s', async (_name, file) => {
    // Two readings of the same plan: one by name only, one of the whole records.
    const [byName, whole] = [await planBodies(file, undefined, false), await planBodies(file, undefined, false)];
    let compared = 0;
    byName.forEach((body, i) => {
      const other = whole[i];
      if (!other || !body.blocksNamed || !body.isUnknownBlock) throw new Error('a plan body answers blocksNamed(name) and isUnknownBlock(name)');
      for (const name of [...Object.keys(other.blocks), ...other.unknownBlocks, ...Object.keys(other.attributes), ...ABSENT]) {
        const expected = Object.hasOwn(other.blocks, name) ? other.blocks[name]?.map(plainBody) : undefined;
        expect({ name, blocks: body.blocksNamed(name)?.map(plainBody) }).toEqual({ name, blocks: expected });
        expect({ name, unknown: body.isUnknownBlock(name) }).toEqual({ name, unknown: other.unknownBlocks.includes(name) });
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(20);
  });

  test('names that objects inherit, and keys named __proto__, are read as the plan writes them', async () => {
    const file = fixture('plan-only', 'plan.json');
    const text = readFileSync(file, 'utf8').replace('"values":{', '"values":{"__proto__":"proto-value","constructor":"built",');
    const [first] = await planBodies(file, text);
    expect(first?.attribute?.('__proto__')?.value).toBe('proto-value');
    expect(first?.attribute?.('constructor')?.value).toBe('built');
    expect(first?.attribute?.('toString')).toBeUndefined();
    expect(Object.keys(first?.attributes ?? {})).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(first?.attributes['__proto__']?.value).toBe('proto-value');
  });
});
