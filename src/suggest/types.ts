import type { EditionConfig } from '../config/types.js';
import type { FinderTuning } from './tuning.js';

/** What the suggester found. Offsets are UTF-16 code units into the text as given: `text.slice(start, end)`. */
export interface SuggestResult {
  /** Likely OCR errors, best first. */
  emendations: EmendationSuggestion[];
  /** Names and dates the register does not list yet, best first. */
  entities: EntitySuggestion[];
}

export type EmendationKind = 'real-word' | 'non-word' | 'split' | 'join' | 'punctuation';

export interface EmendationSuggestion {
  /** Stable for the same text: `e` and the start offset. `teikit suggest --accept` takes it. */
  id: string;
  start: number;
  end: number;
  /** The text as printed (`text.slice(start, end)`). */
  sic: string;
  /** The most likely reading. */
  corr: string;
  /** Other readings, most likely first. */
  alternatives: string[];
  /** 0–1; 0.5 is the decision threshold the defaults were tuned for. */
  confidence: number;
  /** Why, in words: the confusion and the evidence. */
  reason: string;
  kind: EmendationKind;
}

export type EntityType = 'person' | 'org' | 'place' | 'date';

export interface EntitySuggestion {
  /** `n` and the start offset. */
  id: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  confidence: number;
  /** The cue that suggested it ("title General", "in + proper noun", "month name"). */
  reason: string;
}

export interface SuggestOptions {
  /** The edition config: names and forms of its register, and its emendations, supplied words and regularisations, are not suggested again. */
  config?: EditionConfig;
  /** Drop suggestions below this confidence (default 0.5). */
  threshold?: number;
  /** Suggest emendations (default true). */
  emendations?: boolean;
  /** Suggest names and dates (default true). */
  entities?: boolean;
  /** Advanced: the decision parameters of the emendation finder (see bench/suggest.mjs --tune); the defaults were tuned on held-out text. */
  tuning?: Partial<FinderTuning>;
}
