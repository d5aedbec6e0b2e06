import { error, type Diagnostic } from '../diagnostics.js';
import type { Structure } from '../config/types.js';
import type { SourceLine } from '../source/lines.js';
import type { SourceUnit } from '../source/normalise.js';

/**
 * Decides what each block of the source is: the author line and the source
 * citation above the text, the editor's headnote, or the document's own
 * paragraphs. Heuristics first; every one can be overridden in `structure`.
 */

export interface StructureInput {
  text: string;
  blocks: readonly SourceLine[][];
  hints: Structure;
  /** The author's name from the metadata, if any: a paragraph about the author in the third person is a headnote. */
  authorName?: string;
}

export interface StructureResult {
  units: SourceUnit[];
  diagnostics: Diagnostic[];
}

const MAX_HEADING_LINE = 100;
const CITATION = /^(\(.*\)|\[.*\]|(Source|From|Quelle)\b.*)$/;

export function recogniseStructure(input: StructureInput): StructureResult {
  const { text, blocks, hints } = input;
  const diagnostics: Diagnostic[] = [];
  const lineText = (l: SourceLine): string => text.slice(l.contentStart, l.contentEnd);
  const allLines = new Map<number, SourceLine>();
  for (const b of blocks) for (const l of b) allLines.set(l.number, l);

  const authorLine = pickLine(hints.authorLine, () => guessAuthorLine(blocks, lineText), allLines, '/structure/authorLine', diagnostics);
  const citationLine = pickLine(
    hints.citationLine,
    () => guessCitationLine(blocks, lineText, authorLine),
    allLines,
    '/structure/citationLine',
    diagnostics,
  );
  const headingLines = new Set([authorLine, citationLine].filter((n): n is number => n !== undefined));

  // Lines named as author or citation become units of their own; the rest of
  // their block (if any) stays one paragraph.
  const units: SourceUnit[] = [];
  for (const block of blocks) {
    let rest: SourceLine[] = [];
    for (const line of block) {
      if (headingLines.has(line.number)) {
        if (rest.length > 0) units.push({ role: 'paragraph', lines: rest });
        rest = [];
        units.push({ role: line.number === authorLine ? 'author' : 'citation', lines: [line] });
      } else {
        rest.push(line);
      }
    }
    if (rest.length > 0) units.push({ role: 'paragraph', lines: rest });
  }

  const headnote = hints.headnote;
  if (Array.isArray(headnote)) {
    headnote.forEach((lineNumber, i) => {
      const unit = units.find((u) => u.lines[0]?.number === lineNumber);
      if (!unit || unit.role !== 'paragraph') {
        diagnostics.push(
          error('structure-headnote', `line ${lineNumber} does not start a paragraph, so it cannot start a headnote`, {
            file: 'config',
            path: `/structure/headnote/${i}`,
          }),
        );
      } else {
        unit.role = 'headnote';
      }
    });
  } else if (headnote !== false) {
    guessHeadnote(units, lineText, input.authorName, authorLine);
  }
  return { units, diagnostics };
}

function pickLine(
  hint: number | false | undefined,
  guess: () => number | undefined,
  lines: ReadonlyMap<number, SourceLine>,
  path: string,
  diagnostics: Diagnostic[],
): number | undefined {
  if (hint === false) return undefined;
  if (hint === undefined) return guess();
  if (!lines.has(hint)) {
    diagnostics.push(error('structure-line', `line ${hint} is blank or beyond the end of the source`, { file: 'config', path }));
    return undefined;
  }
  return hint;
}

// An author line is a short first line above the text: "V. I. Lenin", "By Mary Shelley".
// It must be followed by more text, and must not read like a sentence.
function guessAuthorLine(blocks: readonly SourceLine[][], lineText: (l: SourceLine) => string): number | undefined {
  const first = blocks[0];
  const line = first?.[0];
  if (!first || !line || blocks.length < 2 || first.length > 3) return undefined;
  const s = lineText(line);
  if (s.length > MAX_HEADING_LINE / 2 || /[!?:;,]$/.test(s) || /[a-z]{2,}\.$/.test(s)) return undefined;
  if (!/^(By\s+)?\p{Lu}/u.test(s) || /\d/.test(s)) return undefined;
  // A capitalised word per word, as names are; a sentence has lower-case words.
  const words = s.replace(/^By\s+/, '').split(/\s+/);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(von|van|de|der|den|di|da|du|la|le|of|and|y|zu|ibn|bin)$/.test(w));
  return lower.length === 0 ? line.number : undefined;
}

function guessCitationLine(
  blocks: readonly SourceLine[][],
  lineText: (l: SourceLine) => string,
  authorLine: number | undefined,
): number | undefined {
  const first = blocks[0];
  if (!first || blocks.length < 2) return undefined;
  for (const line of first.slice(0, 3)) {
    if (line.number === authorLine) continue;
    const s = lineText(line);
    if (s.length <= MAX_HEADING_LINE && CITATION.test(s)) return line.number;
  }
  return undefined;
}

// A headnote is the anthology editor speaking about the document: the first
// paragraph after the heading lines that names the author in the third person.
function guessHeadnote(
  units: SourceUnit[],
  lineText: (l: SourceLine) => string,
  authorName: string | undefined,
  authorLine: number | undefined,
): void {
  const firstParagraph = units.find((u) => u.role === 'paragraph');
  if (!firstParagraph) return;
  const authorUnit = units.find((u) => u.role === 'author');
  const names = new Set<string>();
  const addSurname = (full: string | undefined): void => {
    const surname = full?.trim().split(/\s+/).pop()?.replace(/[^\p{L}\p{M}'-]/gu, '');
    if (surname && surname.length > 1) names.add(surname);
  };
  addSurname(authorName);
  if (authorUnit?.lines[0] && authorLine !== undefined) addSurname(lineText(authorUnit.lines[0]));
  if (names.size === 0) return;
  const para = firstParagraph.lines.map(lineText).join(' ');
  const mentions = [...names].some((n) => new RegExp(`(^|[^\\p{L}\\p{M}])${escapeRegExp(n)}($|[^\\p{L}\\p{M}])`, 'u').test(para));
  if (mentions && units.filter((u) => u.role === 'paragraph').length > 1) firstParagraph.role = 'headnote';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

