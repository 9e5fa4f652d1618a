/** The scheme a URL starts with (`https://...` → `https`), lower-cased; undefined when it starts with none. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
}
