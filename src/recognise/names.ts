/**
 * Register names in running text: every form of every register entry is found
 * in one left-to-right pass, whatever the size of the register.
 * The automaton is in literal-automaton.ts; this module turns its hits into
 * leftmost-longest, non-overlapping name matches.
 */

import { compileLiterals, type LiteralHits } from './literal-automaton.js';
import type { EntityKind, NameMatch } from './types.js';

export interface RegisterEntryForms {
  id: string;
  kind: EntityKind;
  forms: readonly string[];
}

export interface NameMatcher {
  /** The distinct forms searched for; `select` takes hits whose literal indices point into this list. */
  readonly forms: readonly string[];
  /** Leftmost-longest, non-overlapping matches from every hit of the forms (as `LiteralMatcher.findAll` gives them). */
  select(hits: LiteralHits): NameMatch[];
  /**
   * Leftmost-longest, non-overlapping matches in text order. Offsets are UTF-16
   * code units. The text must have its newlines already replaced by spaces:
   * a space inside a form matches exactly one U+0020.
   */
  find(text: string): NameMatch[];
}

/** Two register entries list the same name form, so a match could not say whom it names. */
export class NameFormConflictError extends Error {
  readonly form: string;
  readonly ids: readonly [string, string];

  constructor(form: string, firstId: string, secondId: string) {
    super(`name form "${form}" is listed by two register entries: "${firstId}" and "${secondId}"`);
    this.name = 'NameFormConflictError';
    this.form = form;
    this.ids = [firstId, secondId];
  }
}
/** Forms are written by people: stray or doubled spaces must not make a name unfindable. */
function normaliseForm(form: string): string {
  // Nearly every form is already clean; the test is several times cheaper than the replace.
  // Only ASCII blanks, as in the text's own normalisation: a no-break space in a form must match one in the text.
  return ALREADY_NORMAL.test(form) ? form : form.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '').replace(/[ \t\n\r\f\v]+/g, ' ');
}

const ALREADY_NORMAL = /^[^ \t\n\r\f\v]+(?: [^ \t\n\r\f\v]+)*$/;

export function compileNameMatcher(entries: readonly RegisterEntryForms[]): NameMatcher {
  const patternOf = new Map<string, number>();
  const forms: string[] = [];
  const entryOf: number[] = [];
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    for (const raw of entry.forms) {
      const form = normaliseForm(raw);
      if (form === '') continue;
      const previous = patternOf.get(form);
      if (previous !== undefined) {
        // The same entry listing a form twice (perhaps differing only in spacing) is harmless.
        if (entryOf[previous] === e) continue;
        throw new NameFormConflictError(form, entries[entryOf[previous]!]!.id, entry.id);
      }
      patternOf.set(form, forms.length);
      forms.push(form);
      entryOf.push(e);
    }
  }
  if (forms.length === 0) return { forms, find: () => [], select: () => [] };

  let automaton: ReturnType<typeof compileLiterals> | undefined;
  // Copied out so that later changes to the caller's register cannot change what find() reports.
  const ids = forms.map((_, p) => entries[entryOf[p]!]!.id);
  const kinds = forms.map((_, p) => entries[entryOf[p]!]!.kind);

  function find(text: string): NameMatch[] {
    automaton ??= compileLiterals(forms);
    return select(automaton.findAll(text));
  }

  function select(hits: LiteralHits): NameMatch[] {
    const { starts, ends, literals: pats } = hits;
    // Leftmost-longest needs start order (longest first on ties); candidates
    // come in end order, which is nearly that, so sort only if it is not.
    const count = starts.length;
    let sorted = true;
    for (let k = 1; k < count && sorted; k++) {
      const d = starts[k]! - starts[k - 1]!;
      if (d < 0 || (d === 0 && ends[k]! > ends[k - 1]!)) sorted = false;
    }
    const order: number[] = new Array<number>(count);
    for (let k = 0; k < count; k++) order[k] = k;
    if (!sorted) order.sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);

    const matches: NameMatch[] = [];
    let taken = 0;
    for (const k of order) {
      const start = starts[k]!;
      if (start < taken) continue;
      const p = pats[k]!;
      const end = ends[k]!;
      matches.push({ start, end, id: ids[p]!, kind: kinds[p]! });
      taken = end;
    }
    return matches;
  }

  return { forms, find, select };
}

