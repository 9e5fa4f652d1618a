import { addressReach } from '../../src/graph/address-ranges';

describe('addressReach', () => {
  it.each([
    { list: ['10.0.0.0/8', '192.168.10.4', '172.16.0.0/12'], expected: 'private' },
    { list: ['10.0.0.0-10.255.255.255'], expected: 'private' },
    { list: ['fd00::/8', 'fe80::1'], expected: 'private' },
    { list: ['10.0.0.0/7'], expected: 'public-ranges' },
    { list: ['10.0.0.0/1'], expected: 'everywhere' },
    { list: ['10.0.0.0/0'], expected: 'everywhere' },
    { list: ['0.0.0.0/1', '128.0.0.0/1'], expected: 'everywhere' },
    { list: ['0.0.0.0-255.255.255.255'], expected: 'everywhere' },
    { list: ['10.0.0.0-192.168.255.255'], expected: 'everywhere' },
    { list: ['10.0.0.0/8', '203.0.113.0/24'], expected: 'public-ranges' },
    { list: ['203.0.113.7'], expected: 'public-ranges' },
    { list: ['::/0'], expected: 'everywhere' },
    { list: ['10.0.0.0/8', '{{office-range}}'], expected: { unreadable: '{{office-range}}' } },
    { list: ['@(context.Variables["ip"])'], expected: { unreadable: '@(context.Variables["ip"])' } },
  ])('$list', ({ list, expected }) => {
    expect(addressReach(list)).toEqual(expected);
  });
});
