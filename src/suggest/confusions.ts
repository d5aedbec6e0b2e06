/**
 * The OCR confusion model: letter groups that print, scan or recognise as one
 * another. Each pair works both ways ("he" may be a misread "be", "be" a misread
 * "he"). The same table plants errors in bench/suggest.mjs, so the benchmark
 * measures how well the context separates them, not whether the table is
 * complete: errors outside it are not suggested.
 */
export const CONFUSION_PAIRS: readonly (readonly [string, string])[] = [
  ['h', 'b'],
  ['li', 'h'],
  ['rn', 'm'],
  ['cl', 'd'],
  ['t', 'r'],
  ['tt', 'rr'],
  ['di', 'th'],
  ['e', 'c'],
  ['in', 'm'],
  ['ri', 'n'],
  ['u', 'n'],
  ['l', 'i'],
  ['f', 't'],
  ['c', 'o'],
  ['e', 'o'],
  ['vv', 'w'],
  ['ii', 'u'],
];

/** The two directions of every pair: [seen, meant]. */
const EDITS: readonly (readonly [string, string])[] = CONFUSION_PAIRS.flatMap(([a, b]) => [
  [a, b],
  [b, a],
]);

/** Calls `visit` with every string one confusion away from `word` (lower case) and the edit that makes it; a string may come twice. */
export function forEachVariant(word: string, visit: (variant: string, edit: number) => void): void {
  for (let e = 0; e < EDITS.length; e++) {
    const [seen, meant] = EDITS[e]!;
    for (let at = word.indexOf(seen); at !== -1; at = word.indexOf(seen, at + 1)) {
      visit(word.slice(0, at) + meant + word.slice(at + seen.length), e);
    }
  }
}

/** "rn→m": how an edit of forEachVariant reads. */
export function editLabel(edit: number): string {
  const [seen, meant] = EDITS[edit]!;
  return `${seen}→${meant}`;
}

/** Every string one confusion away from `word` (lower case), each once, with the edit that makes it. */
export function confusionVariants(word: string): Map<string, string> {
  const out = new Map<string, string>();
  forEachVariant(word, (variant, edit) => {
    if (variant !== word && !out.has(variant)) out.set(variant, editLabel(edit));
  });
  return out;
}

/**
 * The strings of a lexicon one confusion from `word`, or, when there are none,
 * two confusions from it, with the edits. Only strings `accept` takes are kept, so the thousand intermediate
 * strings of a long word are never stored.
 */
export function lexiconVariants2(word: string, accept: (s: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  forEachVariant(word, (v1, e1) => {
    if (v1 !== word && accept(v1)) out.set(v1, editLabel(e1));
  });
  // Two confusions only where one finds nothing: a thousand strings for a long word.
  if (out.size > 0) return out;
  forEachVariant(word, (v1, e1) => {
    if (v1 === word) return;
    forEachVariant(v1, (v2, e2) => {
      if (v2 !== word && v2 !== v1 && !out.has(v2) && accept(v2)) out.set(v2, `${editLabel(e1)}, ${editLabel(e2)}`);
    });
  });
  return out;
}

/** Applies the capitalisation of `model` ("He", "HE", "he") to `word`. */
export function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
