import type { InterventionKind } from '../types.js';
import type { XElement } from '../xml/tree.js';

/**
 * Which child of a `choice`, and which reading of an `app`, each reading
 * shows. Pure decisions over the tree, kept apart from the walk so they can be
 * read (and tested) as the editorial policy they are.
 */

const SOURCE_SIDE: Readonly<Record<string, InterventionKind>> = { sic: 'sic-corr', orig: 'orig-reg', abbr: 'abbr-expan' };
const EDITED_SIDE: Readonly<Record<string, InterventionKind>> = { corr: 'sic-corr', reg: 'orig-reg', expan: 'abbr-expan' };

export function sourceSideKind(local: string): InterventionKind | undefined {
  return Object.hasOwn(SOURCE_SIDE, local) ? SOURCE_SIDE[local] : undefined;
}

export function editedSideKind(local: string): InterventionKind | undefined {
  return Object.hasOwn(EDITED_SIDE, local) ? EDITED_SIDE[local] : undefined;
}

/**
 * How sure an editor says they are (`@cert`): `high` > `medium` > `low` >
 * `unknown`, a number (0–1) in proportion. A form without `@cert` counts as
 * `medium`: the editor asserted it without hedging, but did not claim
 * certainty either, so an explicit `high` still wins over it.
 */
export function certRank(cert: string | undefined): number {
  switch (cert) {
    case undefined:
    case 'medium':
      return 2;
    case 'high':
      return 3;
    case 'low':
      return 1;
    case 'unknown':
      return 0.5;
    default: {
      const n = Number(cert);
      return Number.isFinite(n) && n >= 0 && n <= 1 ? 3 * n : 0.5;
    }
  }
}

/** The first of the best-ranked elements: ties go to document order. */
function best(els: readonly XElement[]): XElement | undefined {
  let top: XElement | undefined;
  let rank = -Infinity;
  for (const e of els) {
    const r = certRank(e.attributes.get('cert'));
    if (r > rank) {
      top = e;
      rank = r;
    }
  }
  return top;
}

export interface ChoicePick {
  kind: InterventionKind;
  /** The child the diplomatic reading shows. */
  source: XElement | undefined;
  /** The child the corrected reading shows (the same as `source` for a choice of mere alternatives). */
  edited: XElement | undefined;
  /** The children neither reading shows. */
  alternatives: XElement[];
}

/**
 * A `choice`: the diplomatic reading takes the first source-side child (`sic`,
 * `orig`, `abbr`); the corrected reading the best-certified edited-side child
 * (`corr`, `reg`, `expan`), or the source side when there is none. A choice of
 * children that are neither (two `unclear`, two `seg`, nested `choice`s) is a
 * choice of alternatives: both readings take the best-certified one.
 */
export function pickInChoice(children: readonly XElement[]): ChoicePick {
  const sources = children.filter((c) => sourceSideKind(c.local) !== undefined);
  const edits = children.filter((c) => editedSideKind(c.local) !== undefined);
  if (sources.length === 0 && edits.length === 0) {
    const chosen = best(children);
    return { kind: 'variant', source: chosen, edited: chosen, alternatives: children.filter((c) => c !== chosen) };
  }
  const source = sources[0];
  const edited = best(edits) ?? source;
  const kind = (source && sourceSideKind(source.local)) ?? editedSideKind(edited!.local)!;
  return { kind, source, edited, alternatives: children.filter((c) => c !== source && c !== edited) };
}

/** `@wit` as tokens, each without its leading `#`, for comparing with a witness id. */
export function witnessIds(el: XElement): string[] {
  const wit = el.attributes.get('wit');
  return wit === undefined ? [] : wit.split(/\s+/).filter(Boolean).map((w) => w.replace(/^#/, ''));
}

export interface AppPick {
  /** The reading (`lem` or `rdg`) both readings show. */
  chosen: XElement | undefined;
  /** Every other `lem` and `rdg`. */
  alternatives: XElement[];
  /** `rdgGrp`s on the way from the `app` to the chosen reading. */
  groups: XElement[];
  /** A witness was asked for and has no reading here: the lemma (or first reading) stands in. */
  witnessMissing: boolean;
  /** No `lem`, and no witness asked for: the first reading stands in. */
  noLemma: boolean;
}

/** An `app`: the `lem` by default, or the reading that lists `witness` in its `@wit`. */
export function pickInApp(app: XElement, isTei: (el: XElement) => boolean, witness: string | undefined): AppPick {
  // Readings, also inside (nested) rdgGrp, each with the groups above it.
  const readings: { el: XElement; groups: XElement[] }[] = [];
  const walk = (parent: XElement, groups: XElement[]): void => {
    for (const c of parent.children) {
      if (c.type !== 'element' || !isTei(c)) continue;
      if (c.local === 'lem' || c.local === 'rdg') readings.push({ el: c, groups });
      else if (c.local === 'rdgGrp') walk(c, [...groups, c]);
    }
  };
  walk(app, []);
  const lemma = readings.find((r) => r.el.local === 'lem');
  const wanted = witness?.replace(/^#/, '');
  const byWitness = wanted === undefined ? undefined : readings.find((r) => witnessIds(r.el).includes(wanted));
  const chosen = byWitness ?? lemma ?? readings[0];
  return {
    chosen: chosen?.el,
    alternatives: readings.filter((r) => r !== chosen).map((r) => r.el),
    groups: chosen?.groups ?? [],
    witnessMissing: wanted !== undefined && byWitness === undefined && readings.length > 0,
    noLemma: wanted === undefined && lemma === undefined && readings.length > 0,
  };
}
