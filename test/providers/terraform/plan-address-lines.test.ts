import { forEachAddressPosition } from '../../../providers/terraform/plan/address-lines';

/** Each wanted address with the line and column of its first `"address"` entry, as plan loading asks for them. */
function locateAddresses(text: string, wanted: ReadonlySet<string>): Map<string, { line: number; column: number }> {
  const found = new Map<string, { line: number; column: number }>();
  const addresses = [...wanted];
  forEachAddressPosition(text, addresses, (index, line, column) => found.set(addresses[index] ?? '', { line, column }));
  return found;
}

describe('locating resource addresses in plan JSON text', () => {
  test('one-line output: line 1 and the column of the first "address" entry of each resource', () => {
    const text = '{"planned_values":{"root_module":{"resources":[{"address":"aws_x.a"},{"address":"aws_x.b[\\"k\\"]"}]}},"resource_changes":[{"address":"aws_x.a"}]}';
    const found = locateAddresses(text, new Set(['aws_x.a', 'aws_x.b["k"]', 'aws_x.missing']));
    expect(found.get('aws_x.a')).toEqual({ line: 1, column: text.indexOf('"address":"aws_x.a"') + 1 });
    expect(found.get('aws_x.b["k"]')).toEqual({ line: 1, column: text.indexOf('"address":"aws_x.b[') + 1 });
    expect(found.has('aws_x.missing')).toBe(false);
  });

  test('pretty-printed output, and keys escaped as Go writes them (\\u003c)', () => {
    const text = ['{', '  "values": {', '    "resources": [', '      {', '        "address" : "aws_x.a[\\"\\u003cb\\u003e\\"]",', '        "mode": "managed"', '      }', '    ]', '  }', '}'].join('\n');
    expect(locateAddresses(text, new Set(['aws_x.a["<b>"]']))).toEqual(new Map([['aws_x.a["<b>"]', { line: 5, column: 9 }]]));
  });

  test('"address" keys of other kinds (module addresses, values that are not strings) are skipped', () => {
    const text = '{"child_modules":[{"address":"module.a","x":{"address":7},"resources":[{"address":"module.a.aws_x.y"}]}]}';
    expect(locateAddresses(text, new Set(['module.a.aws_x.y'])).get('module.a.aws_x.y')).toEqual({ line: 1, column: text.indexOf('"address":"module.a.aws_x.y"') + 1 });
  });

  test('one-line output escaped as Go escapes <, > and &: found at its first entry, and the resources after it too', () => {
    const text = '{"planned_values":{"resources":[{"address":"aws_x.a[\\"\\u003ck\\u003e\\"]"},{"address":"aws_x.b"}]},"resource_changes":[{"address":"aws_x.b"}]}\n';
    expect(locateAddresses(text, new Set(['aws_x.a["<k>"]', 'aws_x.b']))).toEqual(new Map([
      ['aws_x.a["<k>"]', { line: 1, column: text.indexOf('"address":"aws_x.a[') + 1 }],
      ['aws_x.b', { line: 1, column: text.indexOf('"address":"aws_x.b"') + 1 }],
    ]));
  });

  test('one-line output listing resources in another order than asked (not as Terraform writes a plan): each found at one of its own entries', () => {
    const text = '{"planned_values":{"resources":[{"address":"aws_x.b"},{"address":"aws_x.a"}]},"resource_changes":[{"address":"aws_x.a"},{"address":"aws_x.b"}]}\n';
    const found = locateAddresses(text, new Set(['aws_x.a', 'aws_x.b']));
    for (const address of ['aws_x.a', 'aws_x.b']) {
      const column = found.get(address)?.column ?? 0;
      expect(text.startsWith(`"address":"${address}"`, column - 1)).toBe(true);
    }
  });
});
