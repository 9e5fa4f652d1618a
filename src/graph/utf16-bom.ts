/**
 * The UTF-16 encoding a byte-order mark announces, if any. Windows PowerShell 5.1 writes UTF-16LE with a BOM for
 * `>` and `Out-File` (`terraform show -json plan > plan.json`): such files are text, not binary.
 * https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_character_encoding
 */
export function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
