// teikit/suggest: the suggester and its model, a separate entry so that the main
// library does not carry the model. This file only re-exports.
export { suggest, lexiconWords } from './suggest.js';
export { DEFAULT_TUNING, type FinderTuning } from './tuning.js';
export { CONFUSION_PAIRS } from './confusions.js';
export type { SuggestResult, SuggestOptions, EmendationSuggestion, EntitySuggestion, EmendationKind, EntityType } from './types.js';
