import fc from 'fast-check';
import type { EditionConfig, Emendation, RegisterEntry, Structure, Supplied } from '../../src/index.js';

/**
 * fast-check generators for the property tests: realistic-but-hostile plain
 * texts (OCR'd historical documents in mixed scripts, with XML specials,
 * brackets, dots, quotes and messy whitespace) and edition configs that are
 * valid for the text they are drawn for.
 *
 * A text is generated as lines of tokens. A token never contains ASCII
 * whitespace (space, tab, CR, LF), so teikit's documented normalisation, which
 * only rewrites whitespace, leaves the tokens in order with " ", "\n", "\n\n"
 * or (a hyphenated line break) nothing between them. `locateTokens` finds each
 * in the normalised text that way, without asking teikit where it put it.
 */

// ---------------------------------------------------------------------------
// Characters

const cps = (s: string): string[] => [...s];

const LATIN = cps('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœłđħŋşţăőűÀÉÎÕÜÇŁØŒ');
const LATIN_LOWER = cps('abcdefghijklmnopqrstuvwxyzàéèêëïñöüßœł');
const LATIN_UPPER = cps('ABCDEFGHIJKLMNOPRSTUVWZÀÉÖÜŁØ');
const COMBINING = cps('\u0300\u0301\u0302\u0303\u0308\u030C\u0327\u0328\u0323\u0331');
const CYRILLIC_LOWER = cps('абвгдежзийклмнопрстуфхцчшщъыьэюяёѣѳіѵ');
const CYRILLIC_UPPER = cps('АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯЁѢ');
const GREEK_LOWER = cps('αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐἀἁἐὁὐῥῶᾳ');
const GREEK_UPPER = cps('ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩἈἘὉ');
const CJK = cps('的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现实点月');
// Astral letters (\p{L}): CJK Extension B, Gothic, Deseret, mathematical bold.
const ASTRAL_LETTERS = cps('𠀀𠀁𠮷𡈽𢌞𣎴𤭢𥫗𦰩𧃒𨋢𩸽𪚲𐌰𐌱𐌲𐌳𐐀𐐨𐐩𝐀𝐁𝐂𝐚𝐛');
const RTL = cps('שלוםאבגדהمرحباكتب');
const DIGITS = cps('0123456789٠١٢٣٤٥');
const EMOJI = ['😀', '🎉', '👍🏽', '👨‍👩‍👧', '❤️', '🇷🇺', '🏳️‍🌈', '📜', '🖋', '✝'];
// Not ASCII whitespace, so teikit keeps them; some are whitespace to JavaScript's \s.
// They only ever stand inside a token (never first or last): see tests/property.test.ts on why.
const INNER = ['\u00A0', '\u2009', '\u202F', '\u3000', '\u200B', '\u200D', '\u2028', '\u2029', '\uFEFF', '\u0085', '\u007F', '\u200F', '\uFFFD', '\u00AD'];

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const cluster: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: pick(LATIN) },
  { weight: 2, arbitrary: fc.tuple(pick(cps('aeiouAEIOUnczsy')), fc.array(pick(COMBINING), { minLength: 1, maxLength: 3 })).map(([b, m]) => b + m.join('')) },
  { weight: 3, arbitrary: pick([...CYRILLIC_LOWER, ...CYRILLIC_UPPER]) },
  { weight: 3, arbitrary: pick([...GREEK_LOWER, ...GREEK_UPPER]) },
  { weight: 2, arbitrary: pick(CJK) },
  { weight: 2, arbitrary: pick(ASTRAL_LETTERS) },
  { weight: 1, arbitrary: pick(RTL) },
  { weight: 1, arbitrary: pick(DIGITS) },
  { weight: 1, arbitrary: pick(EMOJI) },
);

const segment = fc.array(cluster, { minLength: 1, maxLength: 7 }).map((xs) => xs.join(''));

const JOINERS = ['', '', '', '-', "'", '’', '\u00AD', '/', '.'];

/** A word: one to three segments, mixed scripts, joined directly, by punctuation, or by an unusual inner character. */
export const word: fc.Arbitrary<string> = fc
  .tuple(
    segment,
    fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: pick(JOINERS) }, { weight: 1, arbitrary: pick(INNER) }), segment), { maxLength: 2 }),
    fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pick(COMBINING) }),
  )
  .map(([first, rest, bareMark]) => bareMark + first + rest.map(([j, s]) => j + s).join(''));

const PREFIXES = ['(', '[', '"', '“', '«', "'", '„', '<', '&', '[[', '(«', '*', '¡', '—'];
const SUFFIXES = ['-', '-', ',', '.', ';', ':', '!', '?', ')', ']', '"', '”', '»', '...', '…', "'s", '>', '&amp;', '].', '),', '.]', '?!', '—', ']]'];

/** Tokens made of markup-like text, brackets and dots: text that must come out of the XML as it went in. */
export const SPECIAL_TOKENS = [
  '&', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#38;', '&#x3C;', '&#0;', '&nbsp;', '<', '>', '<p>', '</p>', '<lb/>', '<!--', '-->', ']]>', '<![CDATA[x]]>',
  '<?xml', '?>', '"', "'", '“', '”', '«', '»', '„', '—', '–', '-', '*', '§', '¶', '†', '/', '\\', '\\[', '\\]', '{', '}', '#', '%', '$', '€', '|', '~', '`', '^', '@', '©',
  '[', ']', '[]', '[[', ']]', '][', '[...]', '[…]', '[sic]', '[?]', '...', '....', '…', '……', '..', '.', '·', '.…', 'xml:id="a"', 'a="b"',
];

/** Several tokens that must stand one space apart: spaced dots, dates, calendar markers. */
const PHRASES: string[][] = [
  ['.', '.', '.'],
  ['.', '.', '.', '.'],
  ['.', '.', '..'],
  ['[', 'sic', ']'],
  ['24', 'October', '1917'],
  ['October', '24,', '1917'],
  ['October', '24'],
  ['Nov.', '6,', '1917'],
  ['the', '6th', 'of', 'November'],
  ['(O.', 'S.)'],
  ['(old', 'style)'],
  ['[N.S.]'],
  ['1917-11-06'],
  ['March', '1,', '1700'],
  ['29', 'February', '1900'],
];

const affixed = fc
  .tuple(fc.option(pick(PREFIXES), { nil: '' }), word, fc.option(pick(SUFFIXES), { nil: '' }))
  .map(([p, w, s]) => ({ text: p + w + s, core: w }));

interface RawToken {
  text: string;
  /** The word inside the token's punctuation, when there is one. */
  core?: string;
}

const token: fc.Arbitrary<RawToken> = fc.oneof(
  { weight: 10, arbitrary: word.map((w) => ({ text: w, core: w })) },
  { weight: 5, arbitrary: affixed },
  { weight: 3, arbitrary: pick(SPECIAL_TOKENS).map((t) => ({ text: t })) },
);

/** A phrase is one or more tokens; tokens inside a phrase are one space apart. */
const phrase: fc.Arbitrary<RawToken[]> = fc.oneof(
  { weight: 12, arbitrary: token.map((t) => [t]) },
  { weight: 1, arbitrary: pick(PHRASES).map((p) => p.map((text) => ({ text }))) },
);

const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\t', ' \t ', '   ', '\t\t'];
const EDGES = ['', '', '', ' ', '\t', '  \t', '    '];
const BLANK_LINES = ['', '', ' ', '\t', '  \t '];

// ---------------------------------------------------------------------------
// Texts

interface LineSpec {
  indent: string;
  trailing: string;
  /** Tokens and the whitespace after each (the last one's is ignored). */
  items: { token: RawToken; sep: string }[];
}

const line: fc.Arbitrary<LineSpec> = fc
  .tuple(pick(EDGES), pick(EDGES), fc.array(fc.tuple(phrase, pick(SEPARATORS)), { minLength: 1, maxLength: 9 }))
  .map(([indent, trailing, phrases]) => ({
    indent,
    trailing,
    items: phrases.flatMap(([p, sep]) => p.map((t, i) => ({ token: t, sep: i === p.length - 1 ? sep : ' ' }))),
  }));

const capitalised = fc.oneof(
  fc.tuple(pick(LATIN_UPPER), fc.array(pick(LATIN_LOWER), { minLength: 1, maxLength: 8 })).map(([u, l]) => u + l.join('')),
  fc.tuple(pick(CYRILLIC_UPPER), fc.array(pick(CYRILLIC_LOWER), { minLength: 1, maxLength: 8 })).map(([u, l]) => u + l.join('')),
  fc.tuple(pick(GREEK_UPPER), fc.array(pick(GREEK_LOWER), { minLength: 1, maxLength: 8 })).map(([u, l]) => u + l.join('')),
);

const tokensLine = (texts: string[], sep = ' '): LineSpec => ({ indent: '', trailing: '', items: texts.map((text) => ({ token: { text, core: text }, sep })) });

/** "V. I. Lenin", "By Mary Shelley", "ЛЕВ Толстой": what the author-line heuristic looks for. */
const authorLine: fc.Arbitrary<{ line: LineSpec; surname: string }> = fc
  .tuple(
    fc.boolean(),
    fc.array(pick(['V.', 'I.', 'J.-J.', 'Ж.', 'Α.']), { maxLength: 2 }),
    fc.array(capitalised, { minLength: 1, maxLength: 3 }),
    fc.option(pick(['von', 'de', 'van der']), { nil: undefined }),
    pick(EDGES),
    pick(EDGES),
  )
  .map(([by, initials, names, particle, indent, trailing]) => {
    const surname = names[names.length - 1]!;
    const parts = [...(by ? ['By'] : []), ...initials, ...names.slice(0, -1), ...(particle ? particle.split(' ') : []), surname];
    return { line: { ...tokensLine(parts), indent, trailing }, surname };
  });

/** "(Source: Collected Works, vol. 26)", "[From the Russian]", "Quelle: Werke & <Briefe>". */
const citationLine: fc.Arbitrary<LineSpec> = fc
  .tuple(pick(['(', '[', 'Source:', 'From', 'Quelle:', '(Source:', '[From']), fc.array(token, { minLength: 1, maxLength: 5 }), pick(EDGES))
  .map(([start, body, indent]) => {
    const texts = body.map((t) => t.text);
    const closing = start.startsWith('(') ? ')' : start.startsWith('[') ? ']' : '';
    const all = start === '(' || start === '[' ? [start + texts[0]!, ...texts.slice(1)] : [start, ...texts];
    all[all.length - 1] += closing;
    return { ...tokensLine(all), indent };
  });

export interface SourceToken {
  text: string;
  core?: string;
  /** 1-based line in the source, and 1-based column in code points (after a BOM, which is not a column). */
  line: number;
  column: number;
  /** Index of the source block (run of non-blank lines) it stands in, and of its line in the whole text. */
  block: number;
  lineIndex: number;
}

export interface GeneratedText {
  /** The text with LF line endings and no BOM: what positions are counted in. */
  lf: string;
  bom: boolean;
  tokens: SourceToken[];
  /** The author's surname, when the text starts with an author line. */
  surname?: string;
  /** Number of non-blank lines, and their 1-based numbers. */
  contentLines: number[];
}

export type LineEnding = '\n' | '\r\n' | '\r';

/** The text as a file would hold it: with the given line endings, and the BOM if it has one. */
export function render(g: GeneratedText, eol: LineEnding = '\n'): string {
  return (g.bom ? '\uFEFF' : '') + (eol === '\n' ? g.lf : g.lf.replace(/\n/g, eol));
}

interface TextSpec {
  bom: boolean;
  leading: string[];
  author: { line: LineSpec; surname: string } | null;
  citation: LineSpec | null;
  headOrder: boolean;
  headApart: boolean;
  blocks: LineSpec[][];
  gaps: string[][];
  trailing: string[];
  finalNewline: boolean;
  mentionAuthor: number | null;
}

const textSpec: fc.Arbitrary<TextSpec> = fc.record({
  // One text in eight starts with a BOM; shrinks to none.
  bom: fc.integer({ min: 0, max: 7 }).map((x) => x === 7),
  leading: fc.array(pick(BLANK_LINES), { maxLength: 2 }),
  author: fc.option(authorLine, { nil: null, freq: 3 }),
  citation: fc.option(citationLine, { nil: null, freq: 3 }),
  headOrder: fc.boolean(),
  headApart: fc.boolean(),
  blocks: fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
  gaps: fc.array(fc.array(pick(BLANK_LINES), { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 5 }),
  trailing: fc.array(pick(BLANK_LINES), { maxLength: 2 }),
  finalNewline: fc.boolean(),
  mentionAuthor: fc.option(fc.nat(20), { nil: null }),
});

function buildText(spec: TextSpec): GeneratedText {
  const blocks = spec.blocks.map((b) => b.slice());
  const head: LineSpec[] = [];
  if (spec.author) head.push(spec.author.line);
  if (spec.citation) head.push(spec.citation);
  if (!spec.headOrder) head.reverse();
  if (spec.author && spec.mentionAuthor !== null) {
    // Name the author in the first paragraph, so that it may read as the editor's headnote.
    const first = blocks[0]![0]!;
    const items = first.items.slice();
    items.splice(spec.mentionAuthor % (items.length + 1), 0, { token: { text: spec.author.surname, core: spec.author.surname }, sep: ' ' });
    blocks[0]![0] = { ...first, items };
  }
  const allBlocks = head.length === 0 ? blocks : spec.headApart ? [...head.map((l) => [l]), ...blocks] : [[...head, ...blocks[0]!], ...blocks.slice(1)];

  const out: string[] = [];
  const tokens: SourceToken[] = [];
  const contentLines: number[] = [];
  let lineNo = 0;
  const blankLine = (s: string): void => {
    out.push(s);
    lineNo++;
  };
  spec.leading.forEach(blankLine);
  allBlocks.forEach((block, b) => {
    if (b > 0) (spec.gaps[(b - 1) % spec.gaps.length] ?? ['']).forEach(blankLine);
    for (const l of block) {
      lineNo++;
      contentLines.push(lineNo);
      let s = l.indent;
      let column = [...s].length + 1;
      l.items.forEach(({ token: t, sep }, i) => {
        tokens.push({ text: t.text, ...(t.core !== undefined && { core: t.core }), line: lineNo, column, block: b, lineIndex: lineNo });
        const after = i === l.items.length - 1 ? '' : sep;
        s += t.text + after;
        column += [...t.text].length + [...after].length;
      });
      out.push(s + l.trailing);
    }
  });
  spec.trailing.forEach(blankLine);
  let lf = out.join('\n');
  if (spec.finalNewline) lf += '\n';
  const g: GeneratedText = { lf, bom: spec.bom, tokens, contentLines, ...(spec.author && { surname: spec.author.surname }) };
  // Counterexamples print as the text itself, not the bookkeeping.
  Object.defineProperty(g, fc.toStringMethod, { value: () => `text(${JSON.stringify(render(g))})`, enumerable: false });
  return g;
}

/** A non-empty text: at least one token, so teikit must encode it. */
export const generatedText: fc.Arbitrary<GeneratedText> = textSpec.map(buildText);

export const lineEnding: fc.Arbitrary<LineEnding> = pick<LineEnding>(['\n', '\r\n', '\r']);

// ---------------------------------------------------------------------------
// Configs. The arbitrary draws *intentions* (emend the 3rd token, supply a word
// after the 7th, register the 2nd and 5th as names); `resolveConfig` turns them
// into a concrete config for a given normalised text, with anchors that pick
// exactly one place, and records what the edited reading must then be.

export type AnchorKind = 'at' | 'context' | 'bare';

export interface EmendIntent {
  token: number;
  corr: string;
  anchor: AnchorKind;
  /** How to grow a context: at most this many tokens on the left / right. */
  left: number;
  right: number;
  cert?: 'high' | 'medium' | 'low' | 'unknown';
  type?: string;
}

export interface SupplyIntent {
  token: number;
  side: 'before' | 'after';
  text: string;
  anchor: 'at' | 'context';
  left: number;
  right: number;
  reason?: string;
}

export interface NameIntent {
  kind: 'people' | 'organisations' | 'places';
  /** An NCName; made unique against the other ids of the config when resolved. */
  id: string;
  /** Token, and whether to take its core word, or it and the next token of its line. */
  token: number;
  shape: 'token' | 'core' | 'pair';
  name?: string;
  note?: string;
  extraForms: number;
}

export interface ConfigIntent {
  structure: Structure;
  /** Line-number hints, as indices into the text's non-blank lines (resolved only when the text has enough lines). */
  authorLineAt: number | null;
  citationLineAt: number | null;
  emendations: EmendIntent[];
  supplied: SupplyIntent[];
  names: NameIntent[];
  title: string | null;
  authorName: boolean;
  authorRef: boolean;
  editors: boolean;
  sourceEditors: boolean;
}

const replacement = fc.oneof(
  { weight: 5, arbitrary: word },
  { weight: 2, arbitrary: fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => ws.join(' ')) },
  { weight: 2, arbitrary: pick(SPECIAL_TOKENS) },
  { weight: 1, arbitrary: fc.tuple(word, pick(SPECIAL_TOKENS), word).map((xs) => xs.join(' ')) },
);

const ncname = fc
  .tuple(pick(cps('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_')), fc.array(pick(cps('abcdefghijklmnopqrstuvwxyz0123456789._-')), { maxLength: 10 }))
  .map(([a, b]) => a + b.join(''));

const TYPES = ['ocr', 'typo', 'punctuation', 'spelling', 'ocr-ligature', 'a&b', '<ocr>', 'ſ→s', '"typo"'];
const REASONS = ['omitted', 'illegible', 'damage', 'lost-in-ocr', 'a&b', '<gap>', 'ſ→s'];

export const configIntent: fc.Arbitrary<ConfigIntent> = fc.record({
  structure: fc.record(
    {
      lineBreaks: pick(['join', 'keep'] as const),
      glosses: fc.boolean(),
      omissions: fc.boolean(),
      dates: fc.boolean(),
      authorLine: fc.constant(false as const),
      citationLine: fc.constant(false as const),
      headnote: fc.constant(false as const),
      bodyType: pick(['text', 'letter', 'speech', 'article', '<x>&y', 'lettre"d\'amour']),
    },
    { requiredKeys: [] },
  ),
  authorLineAt: fc.option(fc.nat(30), { nil: null, freq: 6 }),
  citationLineAt: fc.option(fc.nat(30), { nil: null, freq: 6 }),
  emendations: fc.array(
    fc.record(
      {
        token: fc.nat(200),
        corr: replacement,
        anchor: pick<AnchorKind>(['at', 'context', 'bare']),
        left: fc.nat(4),
        right: fc.nat(4),
        cert: pick(['high', 'medium', 'low', 'unknown'] as const),
        type: pick(TYPES),
      },
      { requiredKeys: ['token', 'corr', 'anchor', 'left', 'right'] },
    ),
    { maxLength: 5 },
  ),
  supplied: fc.array(
    fc.record(
      {
        token: fc.nat(200),
        side: pick(['before', 'after'] as const),
        text: replacement,
        anchor: pick(['at', 'context'] as const),
        left: fc.nat(4),
        right: fc.nat(4),
        reason: pick(REASONS),
      },
      { requiredKeys: ['token', 'side', 'text', 'anchor', 'left', 'right'] },
    ),
    { maxLength: 4 },
  ),
  names: fc.array(
    fc.record(
      {
        kind: pick(['people', 'organisations', 'places'] as const),
        id: ncname,
        token: fc.nat(200),
        shape: pick(['token', 'core', 'pair'] as const),
        name: fc.oneof(word, fc.tuple(word, pick(SPECIAL_TOKENS), word).map((xs) => xs.join(' '))),
        note: fc.tuple(word, pick(SPECIAL_TOKENS), word).map((xs) => xs.join(' ')),
        extraForms: fc.nat(2),
      },
      { requiredKeys: ['kind', 'id', 'token', 'shape', 'extraForms'] },
    ),
    { maxLength: 5 },
  ),
  title: fc.option(fc.array(fc.oneof(word, pick(SPECIAL_TOKENS)), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(' ')), { nil: null }),
  authorName: fc.boolean(),
  authorRef: fc.boolean(),
  editors: fc.boolean(),
  sourceEditors: fc.boolean(),
});

/** A source token found in the normalised text: [start, end) there, its unit, and the whitespace written before it. */
export interface NormToken {
  text: string;
  start: number;
  end: number;
  unit: number;
  /** What normalisation wrote between the previous token and this one: " ", "\n", "\n\n" or "" (a hyphenated line break). */
  sepBefore: string;
}

/**
 * Finds the source's tokens, in order, in the normalised text: each must
 * follow the previous one after nothing but spaces and LFs, and nothing may
 * follow the last. Throws, saying where, when the normalised text is not the
 * source's tokens with rewritten whitespace.
 */
export function locateTokens(normalised: string, source: readonly SourceToken[]): NormToken[] {
  const out: NormToken[] = [];
  let pos = 0;
  let unit = 0;
  source.forEach((t, i) => {
    const sepStart = pos;
    while (normalised[pos] === ' ' || normalised[pos] === '\n') pos++;
    const sepBefore = normalised.slice(sepStart, pos);
    if (sepBefore.includes('\n\n')) unit++;
    if (!normalised.startsWith(t.text, pos)) {
      throw new Error(
        `the normalised text does not hold source token ${i} ${JSON.stringify(t.text)} (source ${t.line}:${t.column}) at offset ${pos}, ` +
          `where it reads ${JSON.stringify(normalised.slice(pos, pos + 30))}`,
      );
    }
    out.push({ text: t.text, start: pos, end: pos + t.text.length, unit, sepBefore });
    pos += t.text.length;
  });
  if (pos !== normalised.length) throw new Error(`the normalised text goes on after the last source token: ${JSON.stringify(normalised.slice(pos, pos + 30))}`);
  return out;
}

/**
 * Whether normalisation joins the line ending in `before` to the line starting
 * with `after` without a space, as src/source/normalise.ts documents: a line
 * ending in a hyphen after a letter, before a line starting with a letter. A
 * letter is a code point, with any combining marks on it.
 */
export function hyphenJoins(before: string, after: string): boolean {
  return /\p{L}\p{M}*-$/u.test(before) && /^\p{L}/u.test(after);
}

export interface ExpectedEdit {
  /** Replace [start, end) of the normalised text (start = end: insert). */
  start: number;
  end: number;
  text: string;
  kind: 'emendation' | 'supplied';
}

export interface ResolvedConfig {
  config: EditionConfig;
  edits: ExpectedEdit[];
}

const escapeContext = (s: string): string => s.replace(/[\\[\]]/g, (c) => `\\${c}`);

function countOccurrences(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** Square-bracket pairs per unit, matched as the documented glosses are: nested, non-empty. */
export function bracketPairs(normalised: string): [number, number][] {
  const pairs: [number, number][] = [];
  let open: number[] = [];
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised[i];
    if (c === '\n' && normalised[i + 1] === '\n') open = [];
    else if (c === '[') open.push(i);
    else if (c === ']') {
      const from = open.pop();
      if (from !== undefined && i > from + 1) pairs.push([from, i + 1]);
    }
  }
  return pairs;
}

/** Omission marks as documented in recognise/glosses.ts: three or more dots, spaced or not, or the ellipsis character. */
export function omissionRuns(normalised: string): [number, number][] {
  const out: [number, number][] = [];
  for (const unit of normalised.split('\n\n').reduce<{ start: number; text: string }[]>((acc, text) => {
    const start = acc.length === 0 ? 0 : acc[acc.length - 1]!.start + acc[acc.length - 1]!.text.length + 2;
    acc.push({ start, text });
    return acc;
  }, [])) {
    for (const m of unit.text.matchAll(/\.{3,}|(?:\. ){2,}\.|…+/g)) out.push([unit.start + m.index, unit.start + m.index + m[0].length]);
  }
  return out;
}

const crosses = (a: [number, number], b: [number, number]): boolean => (a[0] < b[0] && b[0] < a[1] && a[1] < b[1]) || (b[0] < a[0] && a[0] < b[1] && b[1] < a[1]);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n';
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The code point just before / at an offset (a surrogate pair is one character). */
function cpBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1];
}
const cpAt = (s: string, i: number): string | undefined => (i >= s.length ? undefined : String.fromCodePoint(s.codePointAt(i)!));

/**
 * What a supplied word becomes in the edited reading, as src/tei/inline.ts
 * documents it: the insertion point sits at one side of a space, and a space on
 * the other side keeps the word apart from a neighbouring letter or digit. The
 * start and end of a unit (and so of the text) count as a space.
 */
export function suppliedReading(normalised: string, at: number, text: string): string {
  const before = cpBefore(normalised, at);
  const after = cpAt(normalised, at);
  const spaceBefore = before === undefined || isSpace(before);
  const spaceAfter = after === undefined || isSpace(after);
  if (spaceBefore && after !== undefined && !spaceAfter && LETTER_OR_DIGIT.test(after)) return `${text} `;
  if (spaceAfter && before !== undefined && !spaceBefore && LETTER_OR_DIGIT.test(before)) return ` ${text}`;
  return text;
}

/**
 * The config's `structure`: the drawn flags, and author/citation line numbers
 * only when the text has at least three non-blank lines, so that a paragraph
 * is left (a text of nothing but heading lines is rightly refused).
 */
export function resolveStructure(g: GeneratedText, intent: ConfigIntent): Structure {
  const structure: Structure = { ...intent.structure };
  const lines = g.contentLines;
  if (lines.length >= 3) {
    if (intent.authorLineAt !== null) structure.authorLine = lines[intent.authorLineAt % lines.length]!;
    if (intent.citationLineAt !== null) structure.citationLine = lines[intent.citationLineAt % lines.length]!;
  }
  return structure;
}

/**
 * A concrete config for the text and its normalised form (teikit's
 * normaliseSource with the intent's structure), and the edits the edited
 * reading must show. Intentions that cannot be anchored validly are dropped.
 */
export function resolveConfig(g: GeneratedText, normalised: string, intent: ConfigIntent): ResolvedConfig {
  const tokens = locateTokens(normalised, g.tokens);
  const view = normalised.replace(/\n/g, ' ');
  const n = tokens.length;
  // Supplied words go at a space (or the edge of a unit), not inside a word joined across a hyphenated line break.
  const spaceBefore = (k: number): boolean => k === 0 || tokens[k]!.sepBefore !== '';
  const spaceAfter = (k: number): boolean => k === n - 1 || tokens[k + 1]!.sepBefore !== '';
  const config: EditionConfig = {};
  const edits: ExpectedEdit[] = [];

  // The structure the normalised text was computed with.
  const structure = resolveStructure(g, intent);
  config.structure = structure;

  const meta: NonNullable<EditionConfig['metadata']> = {};
  if (intent.title !== null) meta.title = intent.title;
  if (intent.editors) meta.editors = [{ id: 'ed-one', name: 'Ann O’Neil & <Co>', role: 'TEI encoding and emendation' }];
  if (intent.sourceEditors) meta.source = { editors: [{ id: 'src.ed', name: 'Иван "Editor" Петров' }], citation: 'Works, vol. 1 ]]> & more' };
  if (Object.keys(meta).length > 0) config.metadata = meta;

  const glosses = structure.glosses === false ? [] : bracketPairs(normalised);
  const omissions = structure.omissions === false ? [] : omissionRuns(normalised);

  /**
   * A context around token k with the marked part, unique in the text and
   * within one unit: grown token by token, the preferred way first.
   */
  const contextFor = (k: number, left: number, right: number, mark: (x: string) => string): string | undefined => {
    const unit = tokens[k]!.unit;
    for (let total = 0; total <= 8; total++) {
      const l1 = Math.min(total, left);
      const r2 = Math.min(total, right);
      for (const [l, r] of [
        [l1, total - l1],
        [total - r2, r2],
      ] as const) {
        let a = k - l;
        let b = k + r;
        while (a < k && (a < 0 || tokens[a]!.unit !== unit)) a++;
        while (b > k && (b >= n || tokens[b]!.unit !== unit)) b--;
        const literal = view.slice(tokens[a]!.start, tokens[b]!.end);
        if (countOccurrences(view, literal) !== 1) continue;
        const t = tokens[k]!;
        const leftPart = escapeContext(view.slice(tokens[a]!.start, t.start));
        const rightPart = escapeContext(view.slice(t.end, tokens[b]!.end));
        return leftPart + mark(escapeContext(t.text)) + rightPart;
      }
    }
    return undefined;
  };

  const at = (k: number): string => `${g.tokens[k]!.line}:${g.tokens[k]!.column}`;

  // Emendations: distinct tokens that cross no gloss or omission mark.
  const emended = new Set<number>();
  const emendations: Emendation[] = [];
  for (const e of intent.emendations) {
    if (n === 0) break;
    const k = e.token % n;
    const t = tokens[k]!;
    const range: [number, number] = [t.start, t.end];
    if (emended.has(k) || glosses.some((gl) => crosses(gl, range)) || omissions.some((o) => crosses(o, range))) continue;
    let anchor: { at: string } | { context: string } | Record<string, never>;
    if (e.anchor === 'bare' && countOccurrences(view, t.text) === 1) anchor = {};
    else if (e.anchor === 'context') anchor = ((c) => (c === undefined ? { at: at(k) } : { context: c }))(contextFor(k, e.left, e.right, (x) => `[${x}]`));
    else anchor = { at: at(k) };
    emended.add(k);
    emendations.push({
      sic: t.text,
      corr: e.corr,
      ...anchor,
      ...(e.cert !== undefined && { cert: e.cert }),
      ...(e.type !== undefined && { type: e.type }),
      ...(intent.editors && { resp: 'ed-one' }),
    });
    edits.push({ start: t.start, end: t.end, text: e.corr, kind: 'emendation' });
  }
  if (emendations.length > 0) config.emendations = emendations;

  // Supplied words: at a space before or after a token; never at the start of an emended token, never twice at one point.
  const points = new Set<number>();
  const supplied: Supplied[] = [];
  for (const s of intent.supplied) {
    if (n === 0) break;
    const k = s.token % n;
    const t = tokens[k]!;
    const point = s.side === 'before' ? t.start : t.end;
    if (points.has(point) || (s.side === 'before' && emended.has(k)) || !(s.side === 'before' ? spaceBefore(k) : spaceAfter(k))) continue;
    let anchor: { at: string } | { context: string } | undefined;
    if (s.side === 'before' && s.anchor === 'at') anchor = { at: at(k) };
    else {
      // "left []x right" for the point before x; "left x[] right" for the point after it.
      const c = contextFor(k, s.left, s.right, (x) => (s.side === 'before' ? `[]${x}` : `${x}[]`));
      anchor = c === undefined ? (s.side === 'before' ? { at: at(k) } : undefined) : { context: c };
    }
    if (!anchor) continue;
    points.add(point);
    supplied.push({ text: s.text, ...anchor, ...(s.reason !== undefined && { reason: s.reason }), ...(intent.editors && { resp: 'ed-one', cert: 'medium' as const }) });
    edits.push({ start: point, end: point, text: suppliedReading(normalised, point, s.text), kind: 'supplied' });
  }
  if (supplied.length > 0) config.supplied = supplied;

  // Register: forms taken from the text, no form listed twice (after the whitespace collapsing forms get), unique ids.
  const seenForms = new Set<string>();
  const ids = new Set<string>(['julian', 'gregorian', 'ed-one', 'src.ed']);
  const register: NonNullable<EditionConfig['register']> = {};
  intent.names.forEach((ni) => {
    if (n === 0) return;
    const k = ni.token % n;
    const t = tokens[k]!;
    const src = g.tokens[k]!;
    const forms: string[] = [];
    const add = (f: string | undefined): void => {
      if (f === undefined) return;
      const key = f.trim().replace(/\s+/g, ' ');
      if (key === '' || seenForms.has(key)) return;
      seenForms.add(key);
      forms.push(f);
    };
    if (ni.shape === 'core') add(src.core ?? t.text);
    else if (ni.shape === 'pair' && k + 1 < n && g.tokens[k + 1]!.line === src.line) add(view.slice(t.start, tokens[k + 1]!.end));
    else add(t.text);
    for (let x = 1; x <= ni.extraForms && k + x < n; x++) add(tokens[k + x]!.text);
    if (forms.length === 0) return;
    let id = ni.id;
    while (ids.has(id)) id += '_';
    ids.add(id);
    const entry: RegisterEntry = { id, name: ni.name ?? forms[0]!, forms, ...(ni.note !== undefined && { note: ni.note }) };
    if (ni.name === undefined && forms.length === 1) delete entry.forms;
    (register[ni.kind] ??= []).push(entry);
  });
  if (Object.keys(register).length > 0) config.register = register;

  if (intent.authorName && g.surname !== undefined) {
    const person = register.people?.[0];
    config.metadata = { ...config.metadata, author: { name: `Some ${g.surname}`, ...(intent.authorRef && person && { ref: person.id }) } };
  }
  return { config, edits };
}

/** The edited reading the TEI must give: the normalised text with the edits applied. */
export function applyEdits(normalised: string, edits: readonly ExpectedEdit[]): string {
  let out = normalised;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// ---------------------------------------------------------------------------
// Hostile inputs for the error properties

/** Characters XML 1.0 cannot hold at all: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates. */
export const forbiddenChar: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d).map((c) => String.fromCharCode(c)),
  pick(['\uFFFE', '\uFFFF']),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

export const FORBIDDEN_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Bytes: random, or the UTF-8 of a generated text with some bytes changed, inserted or cut off. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 120 }),
  fc
    .tuple(
      generatedText,
      lineEnding,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), pick(['set', 'insert', 'delete'] as const)), { maxLength: 3 }),
    )
    .map(([g, eol, mutations]) => {
      const bytes = Array.from(new TextEncoder().encode(render(g, eol)));
      for (const [pos, value, op] of mutations) {
        const i = bytes.length === 0 ? 0 : pos % bytes.length;
        if (op === 'set' && bytes.length > 0) bytes[i] = value;
        else if (op === 'insert') bytes.splice(i, 0, value);
        else bytes.splice(i, 1);
      }
      return Uint8Array.from(bytes);
    }),
);
