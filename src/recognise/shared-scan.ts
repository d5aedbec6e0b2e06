import { compileLiterals, type LiteralHits } from './literal-automaton.js';

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
    const all = [...this.nameForms];
    const owners = new Map<string, { name?: number; anchor?: number }>();
    this.nameForms.forEach((f, i) => owners.set(f, { name: i }));
    literals.forEach((l, i) => {
      const owner = owners.get(l);
      if (owner) owner.anchor = i;
      else {
        owners.set(l, { anchor: i });
        all.push(l);
      }
    });
    const hits = compileLiterals(all).findAll(this.view);
    const names: LiteralHits = { starts: [], ends: [], literals: [] };
    const anchors: LiteralHits = { starts: [], ends: [], literals: [] };
    for (let k = 0; k < hits.starts.length; k++) {
      const owner = owners.get(all[hits.literals[k]!]!)!;
      if (owner.name !== undefined) push(names, hits, k, owner.name);
      if (owner.anchor !== undefined) push(anchors, hits, k, owner.anchor);
    }
    this.nameHits = names;
    return anchors;
  }

  /** Hits of the name forms: from the shared pass if there was one, else from a pass of their own. */
  names(): LiteralHits {
    return this.nameHits ?? compileLiterals(this.nameForms).findAll(this.view);
  }
}

function push(into: LiteralHits, from: LiteralHits, k: number, literal: number): void {
  into.starts.push(from.starts[k]!);
  into.ends.push(from.ends[k]!);
  into.literals.push(literal);
}
