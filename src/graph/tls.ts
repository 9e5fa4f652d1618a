export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';

const ORDER: readonly TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

export function atLeast(version: TlsVersion, minimum: TlsVersion): boolean {
  return ORDER.indexOf(version) >= ORDER.indexOf(minimum);
}
