import { findEmendations } from './find-emendations.js';
import { DEFAULT_TUNING, type FinderTuning } from './tuning.js';
import { findEntities } from './find-entities.js';
import { hyphenBreakRanges } from './hyphen-breaks.js';
import { recognisedDateRanges } from './recognised-dates.js';
import { configuredRanges, dateHintRanges, registeredRanges } from './known-ranges.js';
import { languageModel } from './model.js';
import { tokenise } from './tokenise.js';
import type { EmendationSuggestion, EntitySuggestion, SuggestOptions, SuggestResult } from './types.js';

/**
 * Suggests what an editor would mark in an OCR'd text: likely OCR errors
 * (emendations) and names and dates not in the register. Offline, from
 * statistics of the Brown Corpus shipped with teikit/suggest; nothing is
 * changed: the editor accepts or rejects each suggestion.
 */
export function suggest(text: string, options: SuggestOptions = {}): SuggestResult {
  const tuning: FinderTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const lm = languageModel();
  const tokens = tokenise(text, lm);
  const threshold = options.threshold ?? 0.5;
  const config = options.config ?? {};
  // Halves of a word the encoder joins across a line break are not words of the text.
  const joined = hyphenBreakRanges(text);

  let emendations: EmendationSuggestion[] = [];
  if (options.emendations !== false) {
    const known = configuredRanges(text, config);
    const registered = registeredRanges(text, config);
    emendations = findEmendations(text, tokens, lm, tuning).filter(
      (e) => e.confidence >= threshold && !overlapsAny(e.start, e.end, known) && !overlapsAny(e.start, e.end, joined) && !changesAny(text, e, registered),
    );
  }
  let entities: EntitySuggestion[] = [];
  if (options.entities !== false) {
    const registered = [...registeredRanges(text, config), ...dateHintRanges(text, config)];
    const forms = new Set(registered.map(([s, e]) => text.slice(s, e)));
    // A date the encoder recognises itself needs no hint: one would override its calendar reasoning.
    const dates = recognisedDateRanges(text, config);
    entities = findEntities(text, tokens, lm).filter(
      (n) =>
        n.confidence >= threshold &&
        !forms.has(n.text) &&
        !overlapsAny(n.start, n.end, registered) &&
        !overlapsAny(n.start, n.end, joined) &&
        !(n.type === 'date' && overlapsAny(n.start, n.end, dates)),
    );
  }
  return { emendations: withoutOverlaps(bestFirst(emendations)), entities: bestFirst(entities) };
}

/** Two suggestions for one place (a word flagged, and joined to its neighbour): the more confident wins, so every id is unique and any set of them can be accepted together. */
function withoutOverlaps(sorted: EmendationSuggestion[]): EmendationSuggestion[] {
  const dropped = new Set<EmendationSuggestion>();
  let last: EmendationSuggestion | undefined;
  for (const e of [...sorted].sort((a, b) => a.start - b.start || b.confidence - a.confidence)) {
    if (last && e.start < last.end) {
      const loser = e.confidence > last.confidence ? last : e;
      dropped.add(loser);
      if (loser === last) last = e;
    } else {
      last = e;
    }
  }
  return sorted.filter((e) => !dropped.has(e));
}

/** The words of the lexicon (lower case), for tools and benchmarks that need to tell a word from a non-word as the suggester does. */
export function lexiconWords(): readonly string[] {
  return languageModel().words.filter((w) => w !== '<s>' && w !== '</s>');
}

function bestFirst<T extends { confidence: number; start: number }>(items: T[]): T[] {
  return items.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
}

/**
 * Whether an emendation alters a registered name. One that keeps the name as it
 * begins and only joins its ending ("Kornilov irks" → "Kornilovites", with
 * "Kornilov" registered) does not.
 */
function changesAny(text: string, e: EmendationSuggestion, ranges: readonly [number, number][]): boolean {
  for (const [s, end] of ranges) {
    if (!(e.start < end && s < e.end)) continue;
    const keepsName = s === e.start && end < e.end && e.corr.startsWith(text.slice(s, end));
    if (!keepsName) return true;
  }
  return false;
}

function overlapsAny(start: number, end: number, ranges: readonly [number, number][]): boolean {
  for (const [s, e] of ranges) if (start < e && s < end) return true;
  return false;
}
