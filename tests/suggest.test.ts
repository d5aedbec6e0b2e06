import { describe, expect, it } from 'vitest';
import { confusionVariants, matchCase } from '../src/suggest/confusions.js';
import { contextScore, modelId, neighbourhood } from '../src/suggest/context-score.js';
import { DEFAULT_TUNING } from '../src/suggest/tuning.js';
import { languageModel } from '../src/suggest/model.js';
import { suggest } from '../src/suggest/suggest.js';
import { tokenise } from '../src/suggest/tokenise.js';
import type { EmendationSuggestion } from '../src/suggest/types.js';

const at = (text: string, e: { start: number; end: number }): string => text.slice(e.start, e.end);
const find = (list: EmendationSuggestion[], sic: string): EmendationSuggestion | undefined => list.find((e) => e.sic === sic);

describe('OCR confusion candidates', () => {
  it('proposes the letter groups a scanner confuses, both ways', () => {
    expect(confusionVariants('he').get('be')).toBe('h→b');
    expect(confusionVariants('be').get('he')).toBe('b→h');
    expect(confusionVariants('die').get('the')).toBe('di→th');
    expect(confusionVariants('modem').get('modern')).toBe('m→rn');
    expect(confusionVariants('attest').get('arrest')).toBe('tt→rr');
    expect(confusionVariants('nor').get('not')).toBe('r→t');
    expect(confusionVariants('clay').get('day')).toBe('cl→d');
    expect(confusionVariants('he').has('he')).toBe(false);
  });

  it('keeps the capitalisation of what was printed', () => {
    expect(matchCase('He', 'be')).toBe('Be');
    expect(matchCase('HE', 'be')).toBe('BE');
    expect(matchCase('he', 'be')).toBe('be');
  });
});

describe('context scoring', () => {
  const lm = languageModel();
  const score = (sentence: string, index: number, word: string): number => {
    const tokens = tokenise(sentence, lm);
    return contextScore(lm, modelId(lm, word), neighbourhood(lm, tokens, index), DEFAULT_TUNING);
  };

  it('prefers the word the context calls for', () => {
    // "the matter must _ decided": be, not he
    expect(score('the matter must he decided today', 3, 'be')).toBeGreaterThan(score('the matter must he decided today', 3, 'he'));
    // "on _ part of": the, not die
    expect(score('a crime on die part of them', 3, 'the')).toBeGreaterThan(score('a crime on die part of them', 3, 'die'));
    // and the other way round where the original fits
    expect(score('then he decided to go', 1, 'he')).toBeGreaterThan(score('then he decided to go', 1, 'be'));
  });
});

describe('tokens and offsets', () => {
  const lm = languageModel();
  it('cuts as the corpus does: abbreviations keep their period, quotes are keys', () => {
    const tokens = tokenise('Kerensky and Co. nor “so” to-day.', lm);
    expect(tokens.map((t) => t.text)).toEqual(['Kerensky', 'and', 'Co.', 'nor', '“', 'so', '”', 'to-day', '.']);
    expect(tokens[4]!.key).toBe('"');
  });

  it('gives UTF-16 offsets into the text as given, past astral characters and CRLF', () => {
    const plain = 'It would he an infinite crime on die part of the army.';
    const text = `𝔄𝔅 😀\r\n\r\n${plain.replace(' crime', '\r\ncrime')}`;
    const { emendations } = suggest(text);
    const he = find(emendations, 'he');
    const die = find(emendations, 'die');
    expect(he && at(text, he)).toBe('he');
    expect(die && at(text, die)).toBe('die');
    // 𝔄𝔅 and 😀 are two UTF-16 units each
    expect(he!.start).toBe(text.indexOf(' he ') + 1);
    expect(die!.id).toBe(`e${die!.start}`);
  });

  it('finds the same errors in CRLF and LF texts', () => {
    const lf = 'We must at all costs act.\n\nThe matter must he decided\nwithout fail this very evening.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = suggest(lf).emendations.map((e) => [e.sic, e.corr, at(lf, e)]);
    const b = suggest(crlf).emendations.map((e) => [e.sic, e.corr, at(crlf, e)]);
    expect(a).toEqual(b);
    expect(a).toContainEqual(['he', 'be', 'he']);
  });
});

describe('emendations', () => {
  it('flags real-word errors and leaves the right words alone', () => {
    const text = 'It would he an infinite crime on die part of the government. He said that he would be there.';
    const { emendations } = suggest(text);
    expect(emendations.map((e) => `${e.sic}→${e.corr}`).sort()).toEqual(['die→the', 'he→be']);
    for (const e of emendations) {
      expect(e.kind).toBe('real-word');
      expect(e.confidence).toBeGreaterThanOrEqual(0.5);
      expect(e.reason).toMatch(/OCR confusion/);
    }
  });

  it('corrects non-words through the confusion table, split and run-together words', () => {
    const text = 'The goverument said that the govern ment would go tothe market in the rnorning.';
    const got = suggest(text).emendations.map((e) => [at(text, e), e.corr, e.kind]);
    expect(got).toContainEqual(['goverument', 'government', 'non-word']);
    expect(got).toContainEqual(['govern ment', 'government', 'split']);
    expect(got).toContainEqual(['tothe', 'to the', 'join']);
    expect(got).toContainEqual(['rnorning', 'morning', 'non-word']);
  });

  it('does not call names, numbers or unknown words without a confusion errors', () => {
    const text = 'Mr. Kerensky and Trotsky met 1,917 soldiers in Petrograd; the xylograph was realised.';
    expect(suggest(text).emendations).toEqual([]);
  });

  it('flags a full stop before a lower-case word, but not after an abbreviation', () => {
    const text = 'The salvation of the revolution. the offer of peace. Kerensky and Co. nor anyone else.';
    const dots = suggest(text).emendations.filter((e) => e.kind === 'punctuation');
    expect(dots.map((e) => [e.start, e.corr])).toEqual([[text.indexOf('. the'), ',']]);
  });

  it('flags a single quote closing a double quotation mark', () => {
    const text = 'Let the committee do it, or "some other institution\' which will act.';
    const q = suggest(text).emendations.find((e) => e.kind === 'punctuation');
    expect(q).toMatchObject({ sic: "'", corr: '"', start: text.indexOf("'") });
  });

  it('orders best first and honours the threshold', () => {
    const text = 'It would he an infinite crime on die part of the army, and we seize it nor in opposition.';
    const all = suggest(text, { threshold: 0 }).emendations;
    const confidences = all.map((e) => e.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(suggest(text, { threshold: 1.01 }).emendations).toEqual([]);
    expect(suggest(text, { emendations: false }).emendations).toEqual([]);
  });
});

describe('suggestions as a set', () => {
  it('never overlap, so their ids are unique and any of them can be accepted together', () => {
    const text = 'Tbe goverument said tothe rnan that the govern ment wonld he decided. lt was die end ot it. the rest.';
    const { emendations } = suggest(text, { threshold: 0 });
    expect(emendations.length).toBeGreaterThan(6);
    expect(new Set(emendations.map((e) => e.id)).size).toBe(emendations.length);
    const byStart = [...emendations].sort((a, b) => a.start - b.start);
    for (let i = 1; i < byStart.length; i++) expect(byStart[i]!.start).toBeGreaterThanOrEqual(byStart[i - 1]!.end);
    for (const e of emendations) expect(text.slice(e.start, e.end)).toBe(e.sic);
    expect(emendations.find((e) => e.sic === 'Tbe')?.corr).toBe('The');
  });
});

describe('what the edition config already says', () => {
  const text = 'General Kornilov came. It would he an infinite crime on die part of the army. We seize it nor in opposition.';

  it('does not suggest emendations the config lists, however anchored', () => {
    const before = suggest(text, { threshold: 0.05 }).emendations.map((e) => e.sic).sort();
    expect(before).toEqual(['die', 'he', 'nor']);
    const after = suggest(text, {
      threshold: 0.05,
      config: {
        emendations: [
          { sic: 'he', corr: 'be', context: 'would [he] an' },
          { sic: 'die', corr: 'the', at: '1:57' },
        ],
        regularisations: [{ orig: 'nor', reg: 'not' }],
      },
    }).emendations;
    expect(after).toEqual([]);
  });

  it('does not suggest names whose forms are in the register', () => {
    const names = suggest(text).entities.map((n) => [n.text, n.type]);
    expect(names).toContainEqual(['General Kornilov', 'person']);
    const registered = suggest(text, { config: { register: { people: [{ id: 'kornilov', name: 'Lavr Kornilov', forms: ['General Kornilov', 'Kornilov'] }] } } });
    expect(registered.entities.map((n) => n.text)).not.toContain('General Kornilov');
  });
});

describe('entities', () => {
  it('finds people by title, organisations by their word, places after a preposition, years the encoder does not date', () => {
    const text = 'In 1905 the Revolutionary Military Committee met in Copenhagen with General Kornilov.';
    const got = suggest(text).entities.map((n) => [n.text, n.type, text.slice(n.start, n.end)]);
    expect(got).toContainEqual(['1905', 'date', '1905']);
    expect(got).toContainEqual(['Revolutionary Military Committee', 'org', 'Revolutionary Military Committee']);
    expect(got).toContainEqual(['Copenhagen', 'place', 'Copenhagen']);
    expect(got).toContainEqual(['General Kornilov', 'person', 'General Kornilov']);
  });

  it('does not take sentence-initial words or the month "May" alone for names or dates', () => {
    const text = 'History will judge. We may lose everything. Who must take power?';
    expect(suggest(text).entities).toEqual([]);
  });
});
