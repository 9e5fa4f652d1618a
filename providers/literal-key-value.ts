import { set, type SetAttr } from '../src/graph/attr';
import type { KeyValueSource } from '../src/graph/kinds';
import type { SourceRef } from '../src/graph/source';
import { secretPreview } from './aws-shared/secret-preview';

/**
 * Where a key's value written in code as `literal` comes from: a placeholder the real value replaces outside the
 * code (`VALUE_REPLACED_IN_PORTAL`, `<your-key>`, `#{ApiKey}#`) holds no secret; anything else is the key itself,
 * shown only as a preview.
 */
export function literalKeyValue(literal: string, at: SourceRef): { readonly valueSource: SetAttr<KeyValueSource>; readonly valuePreview: SetAttr<string | null> } {
  return isPlaceholderValue(literal)
    ? { valueSource: set<KeyValueSource>('placeholder', at), valuePreview: set(null, at) }
    : { valueSource: set<KeyValueSource>('literal', at), valuePreview: set<string | null>(secretPreview(literal), at) };
}

/** Markers that deployment tools or people replace: `<key>`, `{{key}}`, `__KEY__`, `#{Key}#`, `$(Key)`, `%KEY%`, `xxxx`, `****`. */
const TOKEN_MARKER = /^(?:<[^<>]+>|\{\{[^{}]+\}\}|__[A-Za-z0-9_]+__|#\{[^{}]+\}#?|\$\([^()]+\)|%[A-Za-z0-9_]+%|[xX]{3,}|\*{3,}|\.{3,}|-{3,}|0{3,}|\?{3,})$/;

/** Words that say a value stands in for another; only in values of letters and separators, never in one with digits. */
const PLACEHOLDER_WORDS = /place.?holder|change.?me|replace|to.?be.?(set|filled|replaced|provided)|todo|tbd|dummy|fake|example|sample|insert|your.?(api.?)?key|set.?(in|by|later|manually|elsewhere)|managed.?(in|by|elsewhere|outside)|in.?(the.?)?portal|overrid|not.?set|key.?here|secret.?here|value.?here/i;

/** Whether a value written where a key goes is only a stand-in for the real one. */
export function isPlaceholderValue(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (TOKEN_MARKER.test(text)) return true;
  return /^[A-Za-z _.\-/]+$/.test(text) && PLACEHOLDER_WORDS.test(text);
}
