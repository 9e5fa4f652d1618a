import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextFile } from '../../providers/read-text-file';

describe('readTextFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gw-read-text-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const read = (name: string, bytes: Buffer | string): ReturnType<typeof readTextFile> => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return readTextFile(file);
  };

  test.each([
    ['ASCII', 'resource "a" "b" {\n  x = "~\\u007f"\n}\n'],
    ['UTF-8 beyond ASCII', 'name = "café ☕ 🚀"\n'],
    ['Latin-1 characters written as UTF-8', 'x = "\u00ff\u00e9\u0080"\n'],
  ])('reads %s text as it is written', (_name, text) => {
    expect(read('text.tf', Buffer.from(text, 'utf8'))).toEqual({ text });
  });

  test('a UTF-8 byte-order mark is not part of the text', () => {
    expect(read('bom.tf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1\n')]))).toEqual({ text: 'x = 1\n' });
  });

  test('UTF-16 with a byte-order mark is decoded', () => {
    expect(read('utf16.tf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = "é"\n', 'utf16le')]))).toEqual({ text: 'x = "é"\n' });
  });

  test.each([
    ['a byte that is not UTF-8 (Latin-1 é)', Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xe9, 0x0a]), /not valid UTF-8/],
    ['a NUL byte', Buffer.from([0x78, 0x00, 0x79]), /binary file/],
  ])('rejects %s with a diagnostic naming the file', (_name, bytes, message) => {
    const result = read('bad.tf', bytes);
    expect(result).toEqual({ diagnostic: expect.objectContaining({ severity: 'error', file: join(dir, 'bad.tf'), message: expect.stringMatching(message) }) });
  });
});
