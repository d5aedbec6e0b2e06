import type { Intervention } from '../reader/index.js';

/**
 * The two readings laid over each other, so that one HTML text holds both:
 * text they share once, and where they differ the diplomatic form beside the
 * corrected one, each hidden by CSS when the other reading is chosen.
 *
 * Positions in this merged text ("merged offsets") count a shared character
 * once and a reading's own characters once each. The alignment follows the
 * apparatus: each top-level intervention whose two forms differ is one
 * alternation. Between interventions the readings normally agree; where they
 * do not (a `del`/`add` pair, which the apparatus does not list, or a `delSpan`)
 * their common prefix and suffix are shared and the middle is an alternation
 * of its own, so any TEI the reader reads aligns, and each reading is rebuilt
 * exactly from the runs that belong to it.
 */

/**
 * A run of the merged text. `both`: in both readings; `sep`: the blank line
 * between two units, shared, written as a paragraph break rather than text;
 * `dip` / `corr`: in that reading only.
 */
export interface Run {
  kind: 'both' | 'sep' | 'dip' | 'corr';
  text: string;
  /** Merged offset of its first character. */
  start: number;
  /** Offset in the diplomatic reading where it starts (for runs it is part of). */
  dip: number;
  corr: number;
}

/** An intervention the merged text shows as an alternation, with the merged range covering both of its forms. */
export interface Alternation {
  /** Index into the apparatus, or -1 for a difference the apparatus does not list. */
  apparatus: number;
  start: number;
  end: number;
  /** Whether each reading has text here (a supplied word has none in the diplomatic reading). */
  inDip: boolean;
  inCorr: boolean;
}

export interface Alignment {
  runs: Run[];
  length: number;
  alternations: Alternation[];
  /** Apparatus indices shown as alternations, and for nested interventions the alternation holding them. */
  holder: Map<number, number>;
  /** The merged offset where the character at `offset` of a reading starts. */
  start(reading: 'dip' | 'corr', offset: number): number;
  /** The merged offset just after the character before `offset` of a reading. */
  end(reading: 'dip' | 'corr', offset: number): number;
}

export function alignReadings(dip: string, corr: string, apparatus: readonly Intervention[]): Alignment {
  const runs: Run[] = [];
  const alternations: Alternation[] = [];
  const holder = new Map<number, number>();
  let length = 0;
  let d = 0;
  let c = 0;

  const push = (kind: Run['kind'], s: string): void => {
    if (s === '') return;
    if (kind === 'both') {
      // Unit separators become runs of their own: the renderer turns them into paragraph breaks.
      let from = 0;
      for (let at = s.indexOf('\n\n'); at !== -1; at = s.indexOf('\n\n', from)) {
        if (at > from) push1('both', s.slice(from, at));
        push1('sep', '\n\n');
        from = at + 2;
      }
      if (from < s.length) push1('both', s.slice(from));
      return;
    }
    push1(kind, s);
  };
  const push1 = (kind: Run['kind'], s: string): void => {
    if (s === '') return;
    runs.push({ kind, text: s, start: length, dip: d, corr: c });
    length += s.length;
    if (kind !== 'corr') d += s.length;
    if (kind !== 'dip') c += s.length;
  };
  const alternate = (apparatusIndex: number, dipText: string, corrText: string): void => {
    const start = length;
    push1('dip', dipText);
    push1('corr', corrText);
    alternations.push({ apparatus: apparatusIndex, start, end: length, inDip: dipText !== '', inCorr: corrText !== '' });
  };
  /** Text between two alternations: shared, except for a middle where the readings disagree. */
  const between = (dipTo: number, corrTo: number): void => {
    const a = dip.slice(d, dipTo);
    const b = corr.slice(c, corrTo);
    if (a === b) return push('both', a);
    let pre = 0;
    const max = Math.min(a.length, b.length);
    while (pre < max && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
    let suf = 0;
    while (suf < max - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
    push('both', a.slice(0, pre));
    alternate(-1, a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
    push('both', a.slice(a.length - suf));
  };

  let current = -1;
  apparatus.forEach((entry, i) => {
    if (entry.note !== undefined) return;
    const [dA, dB] = entry.offsets.diplomatic;
    const [cA, cB] = entry.offsets.corrected;
    if (dA < d || cA < c) {
      // Inside (or crossing) the alternation before it: shown there, listed in the apparatus.
      if (current !== -1) holder.set(i, current);
      return;
    }
    if (dip.slice(dA, dB) === corr.slice(cA, cB)) return; // an omission, or an app whose lemma both readings read
    between(dA, cA);
    alternate(i, dip.slice(dA, dB), corr.slice(cA, cB));
    holder.set(i, i);
    current = i;
  });
  between(dip.length, corr.length);

  const dipRuns = runs.filter((r) => r.kind !== 'corr');
  const corrRuns = runs.filter((r) => r.kind !== 'dip');
  const locate = (reading: 'dip' | 'corr', offset: number): { run: Run; at: number } | undefined => {
    const list = reading === 'dip' ? dipRuns : corrRuns;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid]!;
      const from = r[reading];
      if (offset < from) hi = mid - 1;
      else if (offset >= from + r.text.length) lo = mid + 1;
      else return { run: r, at: offset - from };
    }
    return undefined;
  };
  const end = (reading: 'dip' | 'corr', offset: number): number => {
    if (offset <= 0) return 0;
    const hit = locate(reading, offset - 1);
    return hit ? hit.run.start + hit.at + 1 : length;
  };
  const start = (reading: 'dip' | 'corr', offset: number): number => {
    const hit = locate(reading, offset);
    return hit ? hit.run.start + hit.at : end(reading, offset);
  };
  return { runs, length, alternations, holder, start, end };
}
