import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { DateHint, EditionConfig, Emendation, RegisterEntry } from '../config/types.js';
import { normaliseSource } from '../normalise-source.js';
import { onWordBoundaries } from '../source/word-chars.js';
import type { EmendationSuggestion, EntitySuggestion } from './types.js';

/**
 * Turns accepted suggestions into entries of `edition.json`, edited in place
 * with jsonc-parser so that the editor's formatting and comments survive:
 * an emendation becomes `{ sic, corr, context, type, cert }` with a context
 * long enough to match exactly once; a name becomes a register entry (id,
 * name, forms); a date a `dates` hint. Nothing here writes a file: the caller
 * checks the result and writes it.
 */
export interface AcceptResult {
  /** The new text of edition.json. */
  configText: string;
  /** What was added, for the report. */
  added: string[];
}

export function acceptSuggestions(
  text: string,
  config: EditionConfig,
  configText: string,
  accepted: readonly (EmendationSuggestion | EntitySuggestion)[],
): AcceptResult {
  let out = configText;
  const added: string[] = [];
  const formatting = detectFormatting(configText);
  const view = normaliseSource(text, config).replace(/\n/g, ' ');
  const ids = existingIds(config);
  // Appending keeps the editor's order; each edit is computed on the text the previous one produced.
  const append = (key: 'emendations' | 'dates', value: unknown, present: boolean): void => {
    const path = present ? [key, -1] : [key];
    out = applyEdits(out, modify(out, path, present ? value : [value], { formattingOptions: formatting, isArrayInsertion: present }));
  };
  let hasEmendations = config.emendations !== undefined;
  let hasDates = config.dates !== undefined;
  const registerHas = { people: config.register?.people !== undefined, organisations: config.register?.organisations !== undefined, places: config.register?.places !== undefined };
  let hasRegister = config.register !== undefined;

  for (const s of accepted) {
    if ('sic' in s) {
      const entry: Emendation = {
        sic: s.sic,
        corr: s.corr,
        context: uniqueContext(text, view, s.start, s.end),
        type: s.kind === 'punctuation' ? 'ocr-punctuation' : s.kind === 'split' || s.kind === 'join' ? 'ocr-split' : 'ocr',
        cert: s.confidence >= 0.9 ? 'high' : s.confidence >= 0.7 ? 'medium' : 'low',
      };
      append('emendations', entry, hasEmendations);
      hasEmendations = true;
      added.push(`emendation ${JSON.stringify(s.sic)} → ${JSON.stringify(s.corr)} (${entry.context})`);
    } else if (s.type === 'date') {
      const value = isoValue(s.text);
      const hint: DateHint = { context: uniqueContext(text, view, s.start, s.end), ...(value !== undefined && { value }) };
      append('dates', hint, hasDates);
      hasDates = true;
      added.push(`date hint ${JSON.stringify(s.text)}`);
    } else {
      const list = s.type === 'person' ? 'people' : s.type === 'org' ? 'organisations' : 'places';
      const name = s.text.replace(/\s+/g, ' ');
      const entry: RegisterEntry = { id: freshId(name, ids), name, forms: [name] };
      const path = registerHas[list] ? ['register', list, -1] : hasRegister ? ['register', list] : ['register'];
      const value = registerHas[list] ? entry : hasRegister ? [entry] : { [list]: [entry] };
      out = applyEdits(out, modify(out, path, value, { formattingOptions: formatting, isArrayInsertion: registerHas[list] }));
      hasRegister = true;
      registerHas[list] = true;
      added.push(`${list} entry "${entry.id}" (${name})`);
    }
  }
  return { configText: out, added };
}

/**
 * The shortest context "word [sic] word" around [start, end) that occurs once in
 * the normalised text (as anchors are matched: whitespace collapsed, on word
 * boundaries). Words are added on both sides in turn, never across a blank line.
 */
export function uniqueContext(text: string, view: string, start: number, end: number): string {
  const para = paragraphAround(text, start, end);
  const before = text.slice(para.start, start).replace(/\s+/g, ' ');
  const after = text.slice(end, para.end).replace(/\s+/g, ' ');
  const target = text.slice(start, end).replace(/\s+/g, ' ');
  const left = before.split(/(?<= )|(?= )/); // words and spaces, in order
  const right = after.split(/(?<= )|(?= )/);
  const take = (parts: string[], n: number, fromEnd: boolean): string => (fromEnd ? parts.slice(Math.max(0, parts.length - n)) : parts.slice(0, n)).join('');
  let best = `[${escapeContext(target)}]`;
  for (let n = 0; n <= Math.max(left.length, right.length); n++) {
    for (const [l, r] of [
      [n, n],
      [n + 1, n],
      [n, n + 1],
    ] as const) {
      const lhs = take(left, l, true);
      const rhs = take(right, r, false);
      const literal = (lhs + target + rhs).trim();
      if (literal === '') continue;
      if (countOnBoundaries(view, literal) === 1) {
        return `${escapeContext(lhs.trimStart())}[${escapeContext(target)}]${escapeContext(rhs.trimEnd())}`;
      }
      best = `${escapeContext(lhs.trimStart())}[${escapeContext(target)}]${escapeContext(rhs.trimEnd())}`;
    }
  }
  // Not unique even with the whole paragraph: encoding will say so, and nothing is written.
  return best;
}

function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  const blank = /\n[ \t\r]*\n/g;
  let s = 0;
  let e = text.length;
  for (const m of text.matchAll(blank)) {
    if (m.index + m[0].length <= start) s = m.index + m[0].length;
    else if (m.index >= end) {
      e = m.index;
      break;
    }
  }
  return { start: s, end: e };
}

function escapeContext(s: string): string {
  return s.replace(/[[\]\\]/g, '\\$&');
}

/** How often `literal` stands in the view on word boundaries, as the encoder matches anchors. */
function countOnBoundaries(view: string, literal: string): number {
  let n = 0;
  for (let at = view.indexOf(literal); at !== -1; at = view.indexOf(literal, at + 1)) {
    if (onWordBoundaries(view, at, at + literal.length)) n++;
  }
  return n;
}

function existingIds(config: EditionConfig): Set<string> {
  const ids = new Set<string>();
  for (const e of config.metadata?.editors ?? []) ids.add(e.id);
  for (const e of config.metadata?.source?.editors ?? []) ids.add(e.id);
  const r = config.register ?? {};
  for (const e of [...(r.people ?? []), ...(r.organisations ?? []), ...(r.places ?? [])]) ids.add(e.id);
  return ids;
}

/** "General Kornilov" → "general-kornilov": an XML name, unique in the config. */
export function freshId(name: string, ids: Set<string>): string {
  let base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base === '') base = 'entity';
  if (!/^[a-z_]/.test(base)) base = `n-${base}`;
  let id = base;
  for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
  ids.add(id);
  return id;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The ISO value of a date the suggester found, when its text gives a year ("1917", "6 November 1917", "November 1917"). */
function isoValue(text: string): string | undefined {
  const year = /\b(1\d{3}|20\d{2})\b/.exec(text)?.[1];
  if (year === undefined) return undefined;
  const lower = text.toLowerCase();
  const month = MONTHS.findIndex((m) => lower.includes(m) || lower.includes(`${m.slice(0, 3)}.`));
  if (month === -1) return year;
  const mm = String(month + 1).padStart(2, '0');
  const day = /\b([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b/.exec(text.replace(year, ''))?.[1];
  return day === undefined ? `${year}-${mm}` : `${year}-${mm}-${day.padStart(2, '0')}`;
}

function detectFormatting(configText: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(configText)?.[1] ?? '  ';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol: eolOf(configText) } : { insertSpaces: true, tabSize: indent.length, eol: eolOf(configText) };
}

function eolOf(s: string): string {
  return s.includes('\r\n') ? '\r\n' : '\n';
}
