import { compileLiterals, type LiteralHits, type LiteralMatcher } from './literal-automaton.js';

/**
 * One pass over the text for register names and config anchors together.
 * The first anchor lookup runs a single automaton over the name forms and its
 * own literals and keeps the names' hits; the name matcher then takes those
 * instead of scanning the text again. On a 10 MB text each pass is a tenth of
 * a second, so sharing it is worth the bookkeeping.
 */
export class SharedScan {
  private nameHits: LiteralHits | undefined;

  constructor(
    private readonly view: string,
    private readonly nameForms: readonly string[],
  ) {}

  /** Every occurrence (on word boundaries) of each of `literals`, which must be distinct. */
  find(literals: readonly string[]): LiteralHits {
    if (this.nameHits !== undefined || this.nameForms.length === 0) return compileLiterals(literals).findAll(this.view);
    // The combined list: the name forms first (so a name form's index is its own),
    // then the anchor literals that are not also name forms. By combined index,
    // the anchor literal it is (or -1).
    const all = [...this.nameForms];
    const formIndex = new Map(this.nameForms.map((f, i) => [f, i]));
    const anchorOf: number[] = this.nameForms.map(() => -1);
    literals.forEach((l, i) => {
      const shared = formIndex.get(l);
      if (shared !== undefined) anchorOf[shared] = i;
      else {
        all.push(l);
        anchorOf.push(i);
      }
    });
    const nameCount = this.nameForms.length;
    const hits = compileLiterals(all).findAll(this.view);
    const names: LiteralHits = { starts: [], ends: [], literals: [] };
    const anchors: LiteralHits = { starts: [], ends: [], literals: [] };
    for (let k = 0; k < hits.starts.length; k++) {
      const literal = hits.literals[k]!;
      if (literal < nameCount) push(names, hits, k, literal);
      const anchor = anchorOf[literal]!;
      if (anchor >= 0) push(anchors, hits, k, anchor);
    }
    this.nameHits = names;
    return anchors;
  }

  /** Hits of the name forms: from the shared pass if there was one, else from a pass of their own. */
  names(): LiteralHits {
    return this.nameHits ?? namesAutomaton(this.nameForms).findAll(this.view);
  }
}

// The automaton over the name forms alone, kept with the forms array it was built
// from. compileRegister hands out the same array while the register is unchanged,
// so a batch of texts with one register (and no anchors) builds it once.
const namesAutomata = new WeakMap<readonly string[], LiteralMatcher>();

function namesAutomaton(forms: readonly string[]): LiteralMatcher {
  let matcher = namesAutomata.get(forms);
  if (matcher === undefined) namesAutomata.set(forms, (matcher = compileLiterals(forms)));
  return matcher;
}

function push(into: LiteralHits, from: LiteralHits, k: number, literal: number): void {
  into.starts.push(from.starts[k]!);
  into.ends.push(from.ends[k]!);
  into.literals.push(literal);
}
