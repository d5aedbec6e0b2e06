import type { Anchor, EditionConfig } from '../config/types.js';
import { onWordBoundaries } from '../source/word-chars.js';

/**
 * Where the edition config already speaks, in offsets of the text as given:
 * the places its emendations, supplied words and regularisations apply to,
 * and every occurrence of a register name or form. A suggestion there would
 * only repeat the editor's decision.
 *
 * Anchors are matched as teikit's encoder matches them (case-sensitively, on
 * word boundaries, any run of white space in the text matching a space), but
 * on the text as given rather than the normalised text; an anchor that
 * matches nowhere just excludes nothing here (encoding reports it).
 */
export function configuredRanges(text: string, config: EditionConfig): [number, number][] {
  const out: [number, number][] = [];
  for (const e of config.emendations ?? []) out.push(...anchored(text, e, e.sic));
  for (const s of config.supplied ?? []) out.push(...anchored(text, s, ''));
  for (const r of config.regularisations ?? []) out.push(...anchored(text, r, r.orig));
  return out;
}

/** The places of the config's date hints: a date the editor has spoken about is not suggested again. */
export function dateHintRanges(text: string, config: EditionConfig): [number, number][] {
  return (config.dates ?? []).flatMap((d) => anchored(text, d, d.at !== undefined ? ' ' : ''));
}

export function registeredRanges(text: string, config: EditionConfig): [number, number][] {
  const out: [number, number][] = [];
  const r = config.register ?? {};
  for (const entry of [...(r.people ?? []), ...(r.organisations ?? []), ...(r.places ?? [])]) {
    for (const form of new Set([entry.name, ...(entry.forms ?? [])])) {
      if (form.trim() === '') continue;
      for (const m of text.matchAll(flexible(form))) out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

function anchored(text: string, anchor: Anchor, target: string): [number, number][] {
  if (anchor.at !== undefined) {
    const m = /^(\d+):(\d+)$/.exec(anchor.at);
    if (!m) return [];
    const start = offsetOfLineColumn(text, Number(m[1]), Number(m[2]));
    return start === undefined ? [] : [[start, start + target.length]];
  }
  if (anchor.context !== undefined) {
    const { before, inside, after } = splitContext(anchor.context, target);
    const re = new RegExp(`${pattern(before)}(${pattern(inside)})${pattern(after)}`, 'gu');
    const out: [number, number][] = [];
    for (const m of text.matchAll(re)) {
      if (!onWordBoundaries(text, m.index, m.index + m[0].length)) continue;
      const start = m.index + (before === '' ? 0 : matchLength(text, m.index, before));
      out.push([start, start + (m[1]?.length ?? 0)]);
    }
    return out;
  }
  if (target === '') return [];
  return [...text.matchAll(flexible(target))].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** "power [he] left" → before "power ", inside "he", after " left"; `\[` is a literal bracket. */
function splitContext(context: string, target: string): { before: string; inside: string; after: string } {
  let before = '';
  let inside = '';
  let after = '';
  let part = 0;
  for (let i = 0; i < context.length; i++) {
    const c = context[i]!;
    const escaped = c === '\\' && /[[\]\\]/.test(context[i + 1] ?? '');
    const ch = escaped ? context[++i]! : c;
    if (!escaped && c === '[' && part === 0) part = 1;
    else if (!escaped && c === ']' && part === 1) part = 2;
    else if (part === 0) before += ch;
    else if (part === 1) inside += ch;
    else after += ch;
  }
  if (part === 0) {
    // No brackets: the target stands in the context once.
    const at = before.indexOf(target);
    if (at === -1 || target === '') return { before, inside: '', after: '' };
    return { before: before.slice(0, at), inside: target, after: before.slice(at + target.length) };
  }
  return { before, inside, after };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Any run of white space in the pattern matches any run in the text. */
function pattern(s: string): string {
  return s
    .split(/(\s+)/)
    .map((p, i) => (i % 2 === 1 ? '\\s+' : escapeRe(p)))
    .join('');
}

function matchLength(text: string, index: number, prefix: string): number {
  const m = new RegExp(`^${pattern(prefix)}`, 'u').exec(text.slice(index));
  return m ? m[0].length : 0;
}

function flexible(literal: string): RegExp {
  const body = pattern(literal.trim());
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
}

/**
 * Offset of a 1-based line and column (in code points) of the source file, lines ending in LF, CRLF or CR.
 * Not src/source/lines.ts offsetOf: that counts lines of the LF-normalised text, and these offsets are
 * into the text as given, where a lone CR ends a line too.
 */
function offsetOfLineColumn(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.slice(offset).search(/\r\n|\r|\n/);
    if (nl === -1) return undefined;
    offset += nl + (text.startsWith('\r\n', offset + nl) ? 2 : 1);
  }
  for (let c = 1; c < column; c++) {
    const cp = text.codePointAt(offset);
    if (cp === undefined || cp === 10 || cp === 13) return undefined;
    offset += cp > 0xffff ? 2 : 1;
  }
  return offset;
}
