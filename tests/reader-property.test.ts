import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTei, type ReadOptions, type ReadResult } from '../src/reader/index.js';

/**
 * Properties of readTei over generated TEI: random trees of the elements
 * editions use (choice, add/del/subst, supplied, gap, notes, app, names,
 * dates, lb, pb, lists, verse, forme work, elements TEI does not know),
 * pretty-printed or not. Every word is a unique token (`w17`), so where each
 * one must end up can be told exactly:
 *
 * - in the diplomatic reading iff the source shows it (not in corr, reg, expan,
 *   supplied; not in a footnote, an unread rdg, forme work);
 * - in the corrected reading iff the editor reads it (not in sic, orig, abbr,
 *   del; not in a footnote, an unread rdg, forme work);
 * - a word in neither reading is in a note's text or an apparatus alternative,
 *   or an info diagnostic names the element that left it out: no text vanishes
 *   silently;
 * - both readings are units separated by exactly one blank line, each unit
 *   trimmed.
 */

interface Ctx {
  dip: boolean;
  corr: boolean;
  /** Where a word left out of both readings is kept instead. */
  kept: 'note' | 'alternative' | 'diagnostic' | undefined;
}

interface Expect {
  word: string;
  dip: boolean;
  corr: boolean;
  kept: Ctx['kept'];
}

type Node = { t: 'text' } | { t: 'el'; kind: string; children: Node[] };

const leaf: fc.Arbitrary<Node> = fc.constant({ t: 'text' });
const INLINE = ['hi', 'persName', 'date', 'unclear', 'add', 'del', 'supplied', 'seg', 'q', 'foreign', 'sentence', 'fw', 'noteFoot', 'noteBrackets', 'sic', 'corr'];
const EMPTY = ['lb', 'lbNoBreak', 'pb', 'gap', 'milestone'];
const PAIRS = ['sicCorr', 'origReg', 'abbrExpan', 'subst', 'app'];

const { inline } = fc.letrec<{ inline: Node; content: Node[] }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 2, arbitrary: fc.constantFrom(...EMPTY).map((kind): Node => ({ t: 'el', kind, children: [] })) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('el' as const), kind: fc.constantFrom(...INLINE), children: tie('content') }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('el' as const), kind: fc.constantFrom(...PAIRS), children: fc.tuple(tie('content'), tie('content')).map(([a, b]) => [el('a', a), el('b', b)]) }) },
  ),
  content: fc.array(tie('inline'), { minLength: 1, maxLength: 4 }),
}));

function el(kind: string, children: Node[]): Node {
  return { t: 'el', kind, children };
}

const block: fc.Arbitrary<Node> = fc.oneof(
  fc.array(inline, { minLength: 1, maxLength: 5 }).map((c) => el('p', c)),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((c) => el('head', c)),
  fc.array(fc.array(inline, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((items) => el('list', items.map((c) => el('item', c)))),
  fc.array(fc.array(inline, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((ls) => el('lg', ls.map((c) => el('l', c)))),
);

const documentSpec = fc.record({ blocks: fc.array(block, { minLength: 1, maxLength: 4 }), pretty: fc.boolean(), lineBreaks: fc.constantFrom<ReadOptions['lineBreaks']>('keep', 'join') });

/** The XML of a generated body, and where each of its words must end up. */
function serialise(blocks: Node[], pretty: boolean): { xml: string; words: Expect[] } {
  let n = 0;
  const words: Expect[] = [];
  const ws = (): string => (pretty ? '\n  ' : ' ');
  const write = (node: Node, c: Ctx): string => {
    if (node.t === 'text') {
      const word = `w${n++}`;
      words.push({ word, dip: c.dip, corr: c.corr, kept: c.kept });
      return pretty ? ` ${word} ` : word;
    }
    const inner = (ctx: Ctx, nodes = node.children): string => nodes.map((k) => write(k, ctx)).join(pretty ? ws() : '');
    const only = (reading: 'dip' | 'corr'): Ctx => ({ ...c, dip: c.dip && reading === 'dip', corr: c.corr && reading === 'corr' });
    const neither = (kept: Ctx['kept']): Ctx => ({ dip: false, corr: false, kept: c.kept ?? kept });
    const [a, b] = node.children as [Node & { t: 'el' }, Node & { t: 'el' }];
    switch (node.kind) {
      case 'p':
      case 'head':
      case 'item':
      case 'l':
      case 'list':
      case 'lg':
      case 'hi':
      case 'unclear':
      case 'add':
      case 'seg':
      case 'q':
      case 'foreign':
        return `<${node.kind}>${inner(c)}</${node.kind}>`;
      case 'persName':
        return `<persName ref="#nobody">${inner(c)}</persName>`;
      case 'date':
        return `<date when="1917-11-06">${inner(c)}</date>`;
      case 'sentence':
        // Not a TEI element: read as text.
        return `<sentence>${inner(c)}</sentence>`;
      case 'del':
        return `<del>${inner(c.corr ? only('dip') : { ...only('dip'), kept: c.kept ?? 'diagnostic' })}</del>`;
      case 'sic':
        return `<sic>${inner(c)}</sic>`;
      case 'corr':
      case 'supplied':
        return `<${node.kind}>${inner(c.dip ? only('corr') : { ...only('corr'), kept: c.kept ?? 'diagnostic' })}</${node.kind}>`;
      case 'fw':
        return `<fw>${inner(neither('diagnostic'))}</fw>`;
      case 'noteFoot':
        // In neither reading, but in the note's text (whatever the readings around it).
        return `<note place="foot">${inner({ dip: false, corr: false, kept: c.kept === 'alternative' ? 'diagnostic' : 'note' })}</note>`;
      case 'noteBrackets':
        return `<note rend="brackets">${inner(c)}</note>`;
      case 'sicCorr':
        return `<choice><sic>${inner(only('dip'), a.children)}</sic>${ws()}<corr>${inner(only('corr'), b.children)}</corr></choice>`;
      case 'origReg':
        return `<choice><orig>${inner(only('dip'), a.children)}</orig><reg>${inner(only('corr'), b.children)}</reg></choice>`;
      case 'abbrExpan':
        return `<choice>${ws()}<abbr>${inner(only('dip'), a.children)}</abbr>${ws()}<expan>${inner(only('corr'), b.children)}</expan></choice>`;
      case 'subst':
        return `<subst><del>${inner(c.corr ? only('dip') : { ...only('dip'), kept: c.kept ?? 'diagnostic' }, a.children)}</del><add>${inner(c, b.children)}</add></subst>`;
      case 'app':
        return `<app>${ws()}<lem wit="#A">${inner(c, a.children)}</lem>${ws()}<rdg wit="#B">${inner(neither('alternative'), b.children)}</rdg></app>`;
      case 'lb':
        return '<lb/>';
      case 'lbNoBreak':
        return '<lb break="no"/>';
      case 'pb':
        return '<pb n="2"/>';
      case 'milestone':
        return '<milestone unit="section"/>';
      case 'gap':
        return '<gap reason="illegible"/>';
      default:
        throw new Error(`no rule for ${node.kind}`);
    }
  };
  const body = blocks.map((b) => write(b, { dip: true, corr: true, kept: undefined })).join(pretty ? '\n' : '');
  return { xml: `<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>${body}</div></body></text></TEI>`, words };
}

const tokens = (s: string): Set<string> => new Set(s.match(/w\d+/g) ?? []);

function check(result: ReadResult, words: Expect[], xml: string): void {
  const fail = (what: string): never => {
    throw new Error(`${what}\n  xml: ${xml}\n  diplomatic: ${JSON.stringify(result.readings.diplomatic)}\n  corrected: ${JSON.stringify(result.readings.corrected)}`);
  };
  const dip = tokens(result.readings.diplomatic);
  const corr = tokens(result.readings.corrected);
  const inNotes = tokens(result.notes.map((n) => `${n.text} ${n.edited ?? ''}`).join(' '));
  const inAlternatives = tokens(result.apparatus.flatMap((a) => a.alternatives ?? []).map((a) => `${a.text} ${a.edited ?? ''}`).join(' '));
  const said = result.diagnostics.some((d) => d.code === 'not-in-readings');
  for (const w of words) {
    if (dip.has(w.word) !== w.dip) fail(`${w.word} should ${w.dip ? '' : 'not '}be in the diplomatic reading`);
    if (corr.has(w.word) !== w.corr) fail(`${w.word} should ${w.corr ? '' : 'not '}be in the corrected reading`);
    if (w.dip || w.corr) continue;
    const kept = inNotes.has(w.word) || inAlternatives.has(w.word) || said;
    if (!kept) fail(`${w.word} is in neither reading, and in no note, no alternative and no diagnostic`);
  }
  for (const reading of [result.readings.diplomatic, result.readings.corrected]) {
    for (const unit of reading === '' ? [] : reading.split('\n\n')) {
      if (unit === '' || unit !== unit.replace(/^[ \n]+|[ \n]+$/g, '') || unit.includes('  ')) fail(`unit ${JSON.stringify(unit)} is empty, untrimmed, or holds two spaces`);
    }
  }
}

describe('properties of readTei over generated TEI', () => {
  it('puts every word where the reading policy says, loses none silently, and keeps units tidy', () => {
    fc.assert(
      fc.property(documentSpec, ({ blocks, pretty, lineBreaks }) => {
        const { xml, words } = serialise(blocks, pretty);
        const result = readTei(xml, { ...(lineBreaks && { lineBreaks }) });
        check(result, words, xml);
        // Offsets are inside the readings and point at what the entries say.
        for (const a of result.apparatus) {
          if (a.note !== undefined) continue;
          expect(result.readings.diplomatic.slice(...a.offsets.diplomatic)).toBe(a.source);
          expect(result.readings.corrected.slice(...a.offsets.corrected)).toBe(a.edited);
        }
        for (const m of result.entities.unresolved) if (m.note === undefined) expect(result.readings.diplomatic.slice(...m.offsets.diplomatic)).toBe(m.text);
      }),
      { numRuns: 500 },
    );
  });
});
