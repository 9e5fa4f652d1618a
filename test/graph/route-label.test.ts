import { byDefault, set, unknown } from '../../src/graph/attr';
import { routeLabel } from '../../src/graph/route-label';

describe('routeLabel', () => {
  it.each([
    ['GET', '/orders', ' (GET /orders)'],
    ['$connect', '$connect', ' ($connect)'],
    [undefined, '/orders', ' (/orders)'],
    ['GET', undefined, ' (GET)'],
    [undefined, undefined, ''],
  ])('%s %s → "%s"', (method, path, label) => {
    const attr = (value: string | undefined) => (value === undefined ? unknown('computed') : value.startsWith('$') ? byDefault(value) : set(value));
    expect(routeLabel(attr(method), attr(path))).toBe(label);
  });
});
