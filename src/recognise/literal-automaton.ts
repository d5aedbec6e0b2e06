/**
 * Many literal strings found in one left-to-right pass over a text, whatever
 * their number: an Aho–Corasick automaton. Register names and the anchors of
 * config entries both use it.
 *
 * Why our own automaton rather than `@monyone/aho-corasick`: the package keeps
 * one `Map<string, Trie>` per node and one `Set` of keywords per node, and
 * builds an object per hit. Measured on 10 MB of English-like text with a
 * 10,000-entry register (20,000 forms), its all-matches variant found at
 * 9 MB/s and compiled in 0.4 s, its double-array variant 16 MB/s and 3.2 s,
 * against a budget of >= 40 MB/s and ~100 ms. Its leftmost-longest variant
 * cannot be used either: it picks the longest match before word boundaries
 * are checked, and so can hide a valid shorter one. The automaton below lives
 * in a handful of typed arrays, so the hot loop touches no objects and
 * allocates nothing until a candidate match turns up.
 */

import { codePointBefore, isWordCodePoint } from '../source/word-chars.js';

// Nodes with more children than this are searched by bisection; below it a
// linear scan over a few adjacent ints is faster.
const LINEAR_CHILDREN = 8;

/*
 * Node layout. With 20,000 forms the automaton is several megabytes, and every
 * character of a name that occurs in the text steps to a node nobody has
 * touched for a while: the cost of find() is then cache misses, not
 * instructions. So a node is one 8-byte record, two Int32 slots:
 *
 *   nodes[2n]     > 0: the node has one child, reached by this class; the child
 *                      is node n + 1 (see buildAutomaton for why);
 *                 < 0: the node has several children, listed at edges[-x - 1]:
 *                      a count, then (class, child) pairs sorted by class;
 *                 = 0: leaf.
 *   nodes[2n + 1] failure node << 1, low bit set when a form ends here or
 *                 anywhere on the failure chain (the only time `hitPattern` is read).
 *
 * Separate fail/hit/child arrays at 16+ bytes a node ran the 10,000-entry
 * register at half the speed of a 10-entry one; this layout narrows that gap.
 * For the same reason a candidate match, once found, is followed through
 * per-form arrays (20,000 entries, small enough to stay cached) rather than
 * back through the nodes.
 */

interface Automaton {
  /** UTF-16 code unit -> character class, up to the highest code unit any form uses; 0 = in no form. */
  classOf: Uint16Array | Uint32Array;
  /** Root's transitions by class, dense so that most text characters cost one lookup. */
  rootNext: Int32Array;
  nodes: Int32Array;
  edges: Int32Array;
  /** By node: the longest form ending there, the node's own or one on its failure chain; -1 = none. */
  hitPattern: Int32Array;
  /** By form: the next shorter form that is a suffix of it, or -1. */
  shorterPattern: Int32Array;
}

/** `patternOf` maps each form to its index in `forms`. */
function buildAutomaton(forms: readonly string[], patternOf: ReadonlyMap<string, number>): Automaton {
  let totalChars = 0;
  let maxLen = 0;
  for (const f of forms) {
    totalChars += f.length;
    if (f.length > maxLen) maxLen = f.length;
  }

  // The default sort compares UTF-16 code units, which is the order we need,
  // and is several times faster than the same order through a comparator.
  const sortedForms = forms.slice().sort();

  // Sorted insertion: a form shares with the whole trie exactly the prefix it
  // shares with its predecessor, so no per-node lookups are needed. Nodes are
  // numbered in creation order, which is depth-first: a node's first child is
  // always created right after it (the rest of the same form, or the next
  // form in sorted order, which is the first to extend it). Hence an only
  // child is n + 1, and a name's chain of nodes is contiguous in memory.
  const maxNodes = totalChars + 1;
  const parent = new Int32Array(maxNodes);
  /** The code unit on the edge into a node; turned into a class once all are known. */
  const unit = new Int32Array(maxNodes);
  const childCount = new Int32Array(maxNodes);
  const patternAt = new Int32Array(maxNodes).fill(-1);
  const path = new Int32Array(maxLen + 1);
  const seen = new Uint8Array(0x10000);
  let maxUnit = 0;
  let nodeCount = 1;
  let prev = '';
  for (const f of sortedForms) {
    let shared = 0;
    const limit = Math.min(prev.length, f.length);
    while (shared < limit && prev.charCodeAt(shared) === f.charCodeAt(shared)) shared++;
    let node = path[shared]!;
    for (let j = shared; j < f.length; j++) {
      const n = nodeCount++;
      const cu = f.charCodeAt(j);
      parent[n] = node;
      unit[n] = cu;
      seen[cu] = 1;
      if (cu > maxUnit) maxUnit = cu;
      childCount[node]!++;
      path[j + 1] = n;
      node = n;
    }
    patternAt[node] = patternOf.get(f)!;
    prev = f;
  }

  // Classes follow code-unit order, so children created in sorted-form order
  // are already in class order.
  let classCount = 0;
  const classOf = maxUnit < 0xffff ? new Uint16Array(maxUnit + 1) : new Uint32Array(maxUnit + 1);
  for (let cu = 0; cu <= maxUnit; cu++) if (seen[cu] === 1) classOf[cu] = ++classCount;

  const nodes = new Int32Array(nodeCount * 2);
  let edgeSlots = 0;
  for (let n = 1; n < nodeCount; n++) {
    const k = childCount[n]!;
    if (k > 1) {
      nodes[2 * n] = -(edgeSlots + 1);
      edgeSlots += 1 + 2 * k;
    }
  }
  const edges = new Int32Array(edgeSlots);
  const rootNext = new Int32Array(classCount + 1);
  for (let n = 1; n < nodeCount; n++) {
    const p = parent[n]!;
    const c = classOf[unit[n]!]!;
    if (p === 0) {
      rootNext[c] = n;
    } else if (childCount[p] === 1) {
      nodes[2 * p] = c;
    } else {
      const head = -nodes[2 * p]! - 1;
      const at = head + 1 + 2 * edges[head]!++;
      edges[at] = c;
      edges[at + 1] = n;
    }
  }

  // Failure links breadth-first: a node's failure target is shallower, so its
  // own link and hit are already final when we get to it.
  const hitPattern = new Int32Array(nodeCount).fill(-1);
  const shorterPattern = new Int32Array(forms.length).fill(-1);
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let c = 1; c <= classCount; c++) {
    const w = rootNext[c]!;
    if (w === 0) continue;
    // Failure link 0 (the root), already in place; no shorter form can end here.
    hitPattern[w] = patternAt[w]!;
    nodes[2 * w + 1] = patternAt[w]! >= 0 ? 1 : 0;
    queue[tail++] = w;
  }
  while (head < tail) {
    const v = queue[head++]!;
    const a = nodes[2 * v]!;
    if (a === 0) continue;
    const list = a < 0 ? -a - 1 : -1;
    const children = a > 0 ? 1 : edges[list]!;
    const failV = nodes[2 * v + 1]! >> 1;
    for (let k = 0; k < children; k++) {
      const c = a > 0 ? a : edges[list + 1 + 2 * k]!;
      const w = a > 0 ? v + 1 : edges[list + 2 + 2 * k]!;
      let f = failV;
      let target: number;
      for (;;) {
        if (f === 0) {
          target = rootNext[c]!;
          break;
        }
        const fa = nodes[2 * f]!;
        if (fa === c) {
          target = f + 1;
          break;
        }
        if (fa < 0) {
          const g = childInList(edges, -fa - 1, c);
          if (g >= 0) {
            target = g;
            break;
          }
        }
        f = nodes[2 * f + 1]! >> 1;
      }
      const own = patternAt[w]!;
      const inherited = hitPattern[target]!;
      if (own >= 0) shorterPattern[own] = inherited;
      const hit = own >= 0 ? own : inherited;
      hitPattern[w] = hit;
      nodes[2 * w + 1] = (target << 1) | (hit >= 0 ? 1 : 0);
      queue[tail++] = w;
    }
  }
  return { classOf, rootNext, nodes, edges, hitPattern, shorterPattern };
}

function childInList(edges: Int32Array, head: number, c: number): number {
  const count = edges[head]!;
  if (count <= LINEAR_CHILDREN) {
    for (let at = head + 1, end = head + 1 + 2 * count; at < end; at += 2) {
      const cc = edges[at]!;
      if (cc >= c) return cc === c ? edges[at + 1]! : -1;
    }
    return -1;
  }
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = head + 1 + 2 * mid;
    const cc = edges[at]!;
    if (cc === c) return edges[at + 1]!;
    if (cc < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}


/** Every occurrence of every literal that sits on word boundaries, in order of end offset (longest first at one end). */
export interface LiteralHits {
  starts: number[];
  ends: number[];
  /** Index of the literal in the list the matcher was compiled from. */
  literals: number[];
}

export interface LiteralMatcher {
  findAll(text: string): LiteralHits;
}

/**
 * Compiles distinct, non-empty literals. A literal that starts (ends) with a
 * word character matches only where the text has no word character just
 * before (after) it.
 */
export function compileLiterals(literals: readonly string[]): LiteralMatcher {
  const patternOf = new Map<string, number>();
  literals.forEach((l, i) => {
    if (l === '' || patternOf.has(l)) throw new Error(`literal ${JSON.stringify(l)} is empty or listed twice`);
    patternOf.set(l, i);
  });
  if (literals.length === 0) return { findAll: () => ({ starts: [], ends: [], literals: [] }) };
  const { classOf, rootNext, nodes, edges, hitPattern, shorterPattern } = buildAutomaton(literals, patternOf);
  const patternCount = literals.length;
  /** length << 2 | needs a boundary before << 1 | needs one after: one load per candidate. */
  const shape = new Int32Array(patternCount);
  for (let p = 0; p < patternCount; p++) {
    const form = literals[p]!;
    shape[p] =
      (form.length << 2) |
      (isWordCodePoint(form.codePointAt(0)!) ? 2 : 0) |
      (isWordCodePoint(codePointBefore(form, form.length)) ? 1 : 0);
  }
  const classLimit = classOf.length;
  const rootByUnit = new Int32Array(classLimit);
  for (let cu = 0; cu < classLimit; cu++) rootByUnit[cu] = rootNext[classOf[cu]!]!;

  function findAll(text: string): LiteralHits {
    const n = text.length;
    const starts: number[] = [];
    const ends: number[] = [];
    const pats: number[] = [];
    let s = 0;
    for (let i = 0; i < n; i++) {
      const cu = text.charCodeAt(i);
      // The child lookup and failure walk are written out here because this
      // loop runs once per character of the text.
      if (s === 0) {
        // In running prose most characters start no form, so the root state
        // gets a table by code unit: one lookup on the commonest path.
        if (cu >= classLimit) continue;
        s = rootByUnit[cu]!;
        if (s === 0) continue;
      } else {
        const c = cu < classLimit ? classOf[cu]! : 0;
        if (c === 0) {
          // A character no form contains: no match can span it.
          s = 0;
          continue;
        }
        for (;;) {
          const a = nodes[2 * s]!;
          if (a === c) {
            s++;
            break;
          }
          if (a < 0) {
            const next = childInList(edges, -a - 1, c);
            if (next >= 0) {
              s = next;
              break;
            }
          }
          s = nodes[2 * s + 1]! >> 1;
          if (s === 0) {
            s = rootNext[c]!;
            break;
          }
        }
      }
      if ((nodes[2 * s + 1]! & 1) === 0) continue;
      let p = hitPattern[s]!;
      const end = i + 1;
      do {
        const sh = shape[p]!;
        const start = end - (sh >> 2);
        if (
          ((sh & 2) === 0 || start === 0 || !isWordCodePoint(codePointBefore(text, start))) &&
          ((sh & 1) === 0 || end === n || !isWordCodePoint(text.codePointAt(end)!))
        ) {
          starts.push(start);
          ends.push(end);
          pats.push(p);
        }
        p = shorterPattern[p]!;
      } while (p >= 0);
    }
    return { starts, ends, literals: pats };
  }

  return { findAll };
}
