import type { LanguageModel } from './model.js';
import type { Token } from './tokenise.js';
import type { EmendationSuggestion } from './types.js';

/**
 * Punctuation a scanner misread: a full stop before a lower-case word where no
 * abbreviation explains it (a comma), and a single quote closing a double one.
 */
export function punctuation(text: string, tokens: readonly Token[], lm: LanguageModel): EmendationSuggestion[] {
  const out: EmendationSuggestion[] = [];
  let openDouble = -1;
  let openSingle = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') {
      continue;
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.text === '.' && prev?.kind === 'word' && next?.kind === 'word' && /^\p{Ll}/u.test(next.text) && prev.end === t.start) {
      // Not an abbreviation the corpus knows, nor a single letter (initials), nor a line-end.
      const gap = text.slice(t.end, next.start);
      if (prev.text.length > 1 && !lm.ids.has(`${prev.key}.`) && /^ +$/.test(gap) && !/^[\p{Lu}\p{N}]+$/u.test(prev.text)) {
        out.push({
          id: `e${t.start}`,
          start: t.start,
          end: t.end,
          sic: '.',
          corr: ',',
          alternatives: [';'],
          confidence: 0.7,
          reason: 'a full stop before a lower-case word: most likely a misread comma',
          kind: 'punctuation',
        });
      }
    }
    if (t.key === '"') {
      const opening = !prev || prev.end < t.start || prev.kind === 'punct' && /[([{]/.test(prev.text);
      if (opening && openDouble === -1) openDouble = i;
      else openDouble = -1;
    }
    if (t.text === "'" && next?.kind === 'word' && next.start === t.end && (!prev || prev.end < t.start)) {
      // 'Selden': an opening single quote; its closing one is not a misread double quote.
      openSingle = true;
      continue;
    }
    if (t.text === "'" && openSingle) {
      openSingle = false;
      continue;
    }
    if (t.text === "'" && openDouble !== -1 && prev?.kind === 'word' && prev.end === t.start) {
      // "institution' which": a closing single quote after a word that cannot take a possessive apostrophe, inside double quotes.
      const closes = !next || next.start > t.end;
      if (closes && !/s$/i.test(prev.text)) {
        out.push({
          id: `e${t.start}`,
          start: t.start,
          end: t.end,
          sic: "'",
          corr: '"',
          alternatives: [],
          confidence: 0.75,
          reason: 'a single quote closing a double quotation mark',
          kind: 'punctuation',
        });
        openDouble = -1;
      }
    }
    if (t.sentenceEnd && text.slice(t.end, (tokens[i + 1]?.start ?? t.end)).includes('\n\n')) {
      openDouble = -1;
      openSingle = false;
    }
  }
  return out;
}
