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

/**
 * Phrases that say a value stands in for another, matched on whole words (`VALUE_REPLACED_IN_PORTAL`,
 * `change-me`, `<to be set>`): never inside a word (`AdminPortalAccessKey` is a key).
 */
const PLACEHOLDER_PHRASES = /(?:^|_)(?:place_?holder|change_?me|replace_?me|replaced?_(?:in|by|with|at|later|manually)|to_?be_(?:set|filled|replaced|provided|added)|todo|tbd|dummy|fake|example|sample|insert_(?:here|key|value|secret)|your_(?:api_)?(?:key|secret|value|token)|set_(?:in|by|later|manually|elsewhere)|managed_(?:in|by|elsewhere|outside)|in_(?:the_)?portal|not_set|(?:key|secret|value|token)_here)(?:_|$)/;

/** Whether a value written where a key goes is only a stand-in for the real one. */
export function isPlaceholderValue(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (TOKEN_MARKER.test(text)) return true;
  // Only letters and separators: a value with digits or symbols may be a real (if weak) key.
  return /^[A-Za-z _.\-/]+$/.test(text) && PLACEHOLDER_PHRASES.test(words(text));
}

/** `VALUE_REPLACED_IN_PORTAL`, `ValueReplacedInPortal`, `value replaced-in.portal` → `value_replaced_in_portal`. */
function words(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z]+/).filter((w) => w !== '').join('_');
}
