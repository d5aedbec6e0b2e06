/**
 * Restates the one kind of RelaxNG ambiguity salve gets wrong, so it accepts
 * what jing accepts.
 *
 * salve walks a `group` greedily: when an event can start the group's first
 * part, salve commits to it and never tries the second part. Most schemas
 * never notice (tei_all has no such group between named elements), but a
 * schema that tells two elements of the same name apart by their attributes
 * does. teikit.rng's bibl allows `biblScope unit="volume"?` then
 * `biblScope unit="page"?`; salve hands a lone page-biblScope to the first,
 * which then fails on its attribute.
 *
 * A `choice`, unlike a `group`, is explored on both sides at once. So in a
 * sequence (nested groups, read as one list since group is associative), an
 * optional item that can start with an element that can also start the rest
 * of the sequence is restated, with the same meaning, as a choice:
 *
 *     group(choice(X, empty), Q)   ==>   choice(group(X, Q), Q)
 *
 * Only named elements count (a wildcard `anyName` overlapping is left alone,
 * and so is a repetition followed by the same element; neither occurs in
 * tei_all or teikit.rng). The rewrite works on salve's JSON format (version 3
 * without element paths), which the precompiled teikit schema is stored in;
 * detection also works on the simplified RNG tree salve produces when it
 * compiles an RNG file, so only a schema that needs the rewrite pays for the
 * round trip through JSON.
 */

/** The few things the algorithm asks of a simplified-RelaxNG tree. */
interface TreeView<N> {
  kind(node: N): string;
  /** The pattern children of group, choice, interleave, oneOrMore; the content of element, attribute, define. */
  patterns(node: N): N[];
  /** ref and define: the define's name. */
  refName(node: N): string;
  /** element: `{ns}local`, or undefined for a name class other than one name. */
  elementName(node: N): string | undefined;
  /** The grammar's defines and its start pattern. */
  defines(root: N): Map<string, N>;
  start(root: N): N;
}

/**
 * A set of element names as a bitset over the schema's names: tei_all's
 * choices list hundreds of them. Sets are not changed once built, so
 * patterns with the same first set share one object.
 */
class NameSet {
  constructor(readonly bits: Uint32Array) {}

  static empty(size: number): NameSet {
    return new NameSet(new Uint32Array((size + 31) >>> 5));
  }

  static of(size: number, index: number): NameSet {
    const set = NameSet.empty(size);
    set.bits[index >>> 5]! |= 1 << (index & 31);
    return set;
  }

  intersects(other: NameSet): boolean {
    for (let i = 0; i < this.bits.length; i++) if ((this.bits[i]! & other.bits[i]!) !== 0) return true;
    return false;
  }

  get isEmpty(): boolean {
    return this.bits.every((b) => b === 0);
  }

  /** The union, reusing either set when the other adds nothing. */
  static union(a: NameSet, b: NameSet): NameSet {
    if (b.isEmpty || a === b) return a;
    if (a.isEmpty) return b;
    const out = new NameSet(a.bits.slice());
    for (let i = 0; i < out.bits.length; i++) out.bits[i]! |= b.bits[i]!;
    return out;
  }
}

class FirstSets<N> {
  private readonly nullableMemo = new Map<N, boolean>();
  private readonly firstMemo = new Map<N, NameSet>();
  /** Each define's first set: its element's name alone, or nothing for a wildcard element. */
  private readonly refFirst = new Map<string, NameSet>();
  private readonly none: NameSet;

  constructor(
    private readonly view: TreeView<N>,
    defines: Map<string, N>,
  ) {
    const indices = new Map<string, number>();
    for (const element of defines.values()) {
      const name = view.elementName(element);
      if (name !== undefined && !indices.has(name)) indices.set(name, indices.size);
    }
    this.none = NameSet.empty(indices.size);
    const byName = new Map([...indices].map(([name, i]) => [name, NameSet.of(indices.size, i)]));
    for (const [ref, element] of defines) {
      const name = view.elementName(element);
      this.refFirst.set(ref, (name === undefined ? undefined : byName.get(name)) ?? this.none);
    }
  }

  nullable(p: N): boolean {
    let r = this.nullableMemo.get(p);
    if (r !== undefined) return r;
    const v = this.view;
    const ps = (): N[] => v.patterns(p);
    switch (v.kind(p)) {
      case 'empty':
      case 'text':
      case 'attribute': // attributes take no element-content events
        r = true;
        break;
      case 'oneOrMore':
        r = this.nullable(ps()[0]!);
        break;
      case 'choice':
        r = ps().some((c) => this.nullable(c));
        break;
      case 'group':
      case 'interleave':
        r = ps().every((c) => this.nullable(c));
        break;
      default: // ref (an element), data, value, list, notAllowed
        r = false;
    }
    this.nullableMemo.set(p, r);
    return r;
  }

  /** The elements that can come first in `p` (named elements only). */
  first(p: N): NameSet {
    let r = this.firstMemo.get(p);
    if (r) return r;
    const v = this.view;
    switch (v.kind(p)) {
      case 'ref':
        r = this.refFirst.get(v.refName(p)) ?? this.none;
        break;
      case 'oneOrMore':
      case 'choice':
      case 'interleave':
        r = v.patterns(p).reduce((acc, c) => NameSet.union(acc, this.first(c)), this.none);
        break;
      case 'group': {
        const [a, b] = v.patterns(p) as [N, N];
        r = this.nullable(a) ? NameSet.union(this.first(a), this.first(b)) : this.first(a);
        break;
      }
      default:
        r = this.none;
    }
    this.firstMemo.set(p, r);
    return r;
  }

  /** The items of a sequence: nested groups read as one list. */
  sequence(group: N): N[] {
    const out: N[] = [];
    const stack = [group];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (this.view.kind(p) === 'group') stack.push(...[...this.view.patterns(p)].reverse());
      else out.push(p);
    }
    return out;
  }

  /** X, when `item` is choice(X, empty). */
  optionalOf(item: N): N | undefined {
    const v = this.view;
    if (v.kind(item) !== 'choice') return undefined;
    const [x, y] = v.patterns(item) as [N, N];
    return v.kind(y) === 'empty' ? x : v.kind(x) === 'empty' ? y : undefined;
  }

  /**
   * For each optional item of the sequence, whether salve, committing to it,
   * could miss a match in the rest of the sequence.
   */
  misleading(items: readonly N[]): boolean[] {
    const out = items.map(() => false);
    // Most optional items are attributes, which start with no element: then there is nothing to compare.
    const startsWithElement = (item: N, i: number): boolean => {
      const optional = this.optionalOf(item);
      return optional !== undefined && i < items.length - 1 && !this.first(optional).isEmpty;
    };
    if (!items.some(startsWithElement)) return out;
    let rest = this.none; // what can start items[i + 1 ..]
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      const optional = this.optionalOf(item);
      if (optional !== undefined && this.first(optional).intersects(rest)) out[i] = true;
      rest = this.nullable(item) ? NameSet.union(this.first(item), rest) : this.first(item);
    }
    return out;
  }
}

/** Whether a schema has a sequence salve would walk wrongly. */
function hasAmbiguousGroup<N>(view: TreeView<N>, root: N): boolean {
  const sets = new FirstSets(view, view.defines(root));
  // Both trees are trees (a define is reached by name, not shared), so no node is met twice.
  const stack = [view.start(root), ...view.defines(root).values()];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (view.kind(p) === 'group') {
      // The whole sequence at once; its inner groups are part of it and need no visit of their own.
      const items = sets.sequence(p);
      if (sets.misleading(items).includes(true)) return true;
      stack.push(...items);
    } else {
      stack.push(...view.patterns(p));
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// salve's JSON format, version 3, without paths: [code, ...args], arrays as [0, ...items].

type Json = unknown[];
const CODES: Record<number, string> = {
  1: 'empty', 2: 'data', 3: 'list', 5: 'value', 6: 'notAllowed', 7: 'text', 8: 'ref', 9: 'oneOrMore',
  10: 'choice', 11: 'group', 12: 'attribute', 13: 'element', 14: 'define', 15: 'grammar', 17: 'interleave', 18: 'name',
};
const items = (a: unknown): Json => (a as Json).slice(1);

const jsonView: TreeView<Json> = {
  kind: (n) => CODES[n[0] as number] ?? 'other',
  patterns(n) {
    switch (n[0]) {
      case 9:
      case 10:
      case 11:
      case 17:
        return items(n[1]) as Json[];
      case 12:
      case 13:
      case 14:
        return items(n[2]) as Json[];
      default:
        return [];
    }
  },
  refName: (n) => String(n[1]),
  elementName(n) {
    const nameClass = n[1] as Json;
    return nameClass[0] === 18 ? `{${String(nameClass[1])}}${String(nameClass[2])}` : undefined;
  },
  defines(root) {
    const map = new Map<string, Json>();
    for (const d of items(root[2]) as Json[]) map.set(String(d[1]), items(d[2])[0] as Json);
    return map;
  },
  start: (root) => root[1] as Json,
};

export interface SalveJson {
  v: number;
  o?: number;
  d: unknown;
}

const OPTION_NO_PATHS = 1;
// A guard against a schema whose rewrites would feed each other without end.
const MAX_REWRITES = 1000;

/**
 * The schema with every group salve would walk wrongly restated as a choice.
 * Returns the same object when nothing needs restating, or when the JSON is
 * not a format this module reads (another version, or with element paths).
 */
export function restateAmbiguousGroups(json: SalveJson): SalveJson {
  if (json.v !== 3 || ((json.o ?? 0) & OPTION_NO_PATHS) === 0 || !Array.isArray(json.d)) return json;
  const root = json.d as Json;
  if (!hasAmbiguousGroup(jsonView, root)) return json;
  const sets = new FirstSets(jsonView, jsonView.defines(root));
  let rewrites = 0;
  // Returns the pattern rebuilt with every sequence right-nested and misleading optional items restated.
  const rewrite = (p: Json): Json => {
    switch (p[0]) {
      case 11: {
        const items = sets.sequence(p);
        const misleading = sets.misleading(items);
        const rebuilt = items.map(rewrite);
        let rest = rebuilt[rebuilt.length - 1]!;
        for (let i = items.length - 2; i >= 0; i--) {
          const optional = rewrites < MAX_REWRITES && misleading[i] ? sets.optionalOf(rebuilt[i]!) : undefined;
          if (optional !== undefined) rewrites++;
          rest = optional === undefined ? [11, [0, rebuilt[i], rest]] : [10, [0, [11, [0, optional, rest]], structuredClone(rest)]];
        }
        return rest;
      }
      case 9:
      case 10:
      case 17:
        return [p[0], [0, ...items(p[1]).map((c) => rewrite(c as Json))]];
      case 12:
      case 13:
      case 14:
        return [p[0], p[1], [0, ...items(p[2]).map((c) => rewrite(c as Json))], ...p.slice(3)];
      case 15:
        return [15, rewrite(p[1] as Json), [0, ...items(p[2]).map((c) => rewrite(c as Json))], ...p.slice(3)];
      default:
        return p;
    }
  };
  return { ...json, d: rewrite(root) };
}

// ---------------------------------------------------------------------------
// salve's simplified RNG tree (ConversionResult.simplified), for detection only.

/** The part of salve's conversion Element that detection reads. */
export interface SimplifiedElement {
  readonly local: string;
  readonly children: ReadonlyArray<SimplifiedElement | { text?: string }>;
  getAttribute(name: string): string | undefined;
  readonly text: string;
}

const elementChildren = (n: SimplifiedElement): SimplifiedElement[] =>
  n.children.filter((c): c is SimplifiedElement => typeof (c as SimplifiedElement).local === 'string');

const treeView: TreeView<SimplifiedElement> = {
  kind: (n) => n.local,
  patterns(n) {
    const c = elementChildren(n);
    return n.local === 'element' || n.local === 'attribute' ? c.slice(1) : n.local === 'ref' ? [] : c;
  },
  refName: (n) => n.getAttribute('name') ?? '',
  elementName(n) {
    const nameClass = elementChildren(n)[0];
    return nameClass?.local === 'name' ? `{${nameClass.getAttribute('ns') ?? ''}}${nameClass.text.trim()}` : undefined;
  },
  defines(root) {
    const map = new Map<string, SimplifiedElement>();
    for (const d of elementChildren(root)) if (d.local === 'define') map.set(d.getAttribute('name') ?? '', elementChildren(d)[0]!);
    return map;
  },
  start: (root) => elementChildren(elementChildren(root).find((c) => c.local === 'start')!)[0]!,
};

export function simplifiedHasAmbiguousGroup(grammar: SimplifiedElement): boolean {
  return hasAmbiguousGroup(treeView, grammar);
}
