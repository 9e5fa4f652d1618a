import { createHash } from 'node:crypto';

/**
 * A safe preview of a secret written in code: its first characters and a short SHA-256 fingerprint, so two
 * findings about the same value can be matched without ever printing it. Short values show no characters.
 */
export function secretPreview(value: string): string {
  const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 8);
  const shown = value.length >= 16 ? value.slice(0, 4) : '';
  return `${shown}…sha256:${fingerprint}`;
}
