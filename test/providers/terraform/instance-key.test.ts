import { withoutInstanceKey } from '../../../providers/terraform/instance-key';

describe('withoutInstanceKey', () => {
  it.each<[string, string | number, string | undefined]>([
    ['aws_x.y["prod"]', 'prod', 'aws_x.y'],
    ['module.api["svc"].aws_x.y["orders-GET"]', 'orders-GET', 'module.api["svc"].aws_x.y'],
    ['aws_x.y[0]', 0, 'aws_x.y'],
    ['module.a[3].aws_x.y[12]', 12, 'module.a[3].aws_x.y'],
    // Not the key the address ends with.
    ['aws_x.y["prod"]', 'dev', undefined],
    ['aws_x.y[10]', 0, undefined],
    ['aws_x.y["0"]', 0, undefined],
    ['aws_x.y', 'prod', undefined],
    // Written escaped in the address: left to the caller's parser.
    ['aws_x.y["a\\"b"]', 'a"b', undefined],
    ['aws_x.y["a\\\\b"]', 'a\\b', undefined],
  ])('%s without %p is %p', (address, key, base) => {
    expect(withoutInstanceKey(address, key)).toBe(base);
  });
});
