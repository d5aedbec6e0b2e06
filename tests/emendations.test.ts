import { describe, expect, it } from 'vitest';
import { TeikitError, encode, type EditionConfig } from '../src/index.js';

const TEXT = 'Power must not he left to them.\n\nThe matter must he decided [by the Committee] at costs tonight.';
const editors = { metadata: { editors: [{ id: 'ed', name: 'An Editor' }] } };

function errorOf(config: EditionConfig, text = TEXT): TeikitError {
  try {
    encode(text, { ...editors, ...config });
  } catch (err) {
    if (err instanceof TeikitError) return err;
    throw err;
  }
  throw new Error('expected a TeikitError');
}

describe('emendations', () => {
  it('changes only the anchored occurrence, by context or by line:column', () => {
    const { xml } = encode(TEXT, {
      ...editors,
      emendations: [
        { sic: 'he', corr: 'be', context: 'not [he] left', cert: 'high', type: 'ocr' },
        { sic: 'he', corr: 'be', at: '3:17', cert: 'medium' },
      ],
    });
    expect(xml).toContain('must not <choice><sic>he</sic><corr resp="#ed" cert="high" type="ocr">be</corr></choice> left');
    expect(xml).toContain('must <choice><sic>he</sic><corr resp="#ed" cert="medium">be</corr></choice> decided');
  });

  it('refuses an anchor that matches more than once, listing the places', () => {
    const err = errorOf({ emendations: [{ sic: 'he', corr: 'be' }] });
    expect(err.diagnostics[0]).toMatchObject({ code: 'anchor-ambiguous', path: '/emendations/0' });
    expect(err.message).toBe('emendation "he" → "be": text "he" matches 2 places (1:16, 3:17)');
  });

  it('refuses an anchor that matches nowhere, and an "at" that reads otherwise', () => {
    expect(errorOf({ emendations: [{ sic: 'he', corr: 'be', context: 'must [he] gone' }] }).diagnostics[0]).toMatchObject({
      code: 'anchor-not-found',
      path: '/emendations/0/context',
    });
    expect(errorOf({ emendations: [{ sic: 'he', corr: 'be', at: '1:1' }] }).message).toBe(
      'emendation "he" → "be": at 1:1 the text reads "Po", not "he"',
    );
    // "he" inside "the" is not the word "he".
    expect(errorOf({ emendations: [{ sic: 'he', corr: 'be', context: 'T[he] matter' }] }).diagnostics[0]!.code).toBe('anchor-splits-word');
  });

  it('refuses overlapping emendations', () => {
    const err = errorOf({
      emendations: [
        { sic: 'he left', corr: 'be left', context: 'not [he left]' },
        { sic: 'left', corr: 'lost', context: 'he [left] to' },
      ],
    });
    expect(err.diagnostics[0]).toMatchObject({ code: 'overlapping-emendations' });
  });

  it('refuses an emendation that crosses a gloss bracket', () => {
    const err = errorOf({ emendations: [{ sic: 'decided [by', corr: 'decided by' }] });
    expect(err.diagnostics[0]).toMatchObject({ code: 'emendation-crosses', path: '/emendations/0' });
  });

  it('supplies a word at a marked point, keeping it apart from its neighbours', () => {
    const { xml } = encode(TEXT, { ...editors, supplied: [{ text: 'all', context: 'at [] costs', cert: 'medium' }] });
    expect(xml).toContain('at <supplied reason="omitted" resp="#ed" cert="medium">all</supplied> costs');
  });

  it('regularises every occurrence when asked, and one anchored occurrence otherwise', () => {
    const text = 'To-day and to-day, and to-day again.';
    const every = encode(text, { ...editors, regularisations: [{ orig: 'to-day', reg: 'today', every: true }] }).xml;
    expect(every.match(/<orig>to-day<\/orig><reg resp="#ed">today<\/reg>/g)).toHaveLength(2);
    expect(() => encode(text, { ...editors, regularisations: [{ orig: 'to-day', reg: 'today' }] })).toThrowError(/matches 2 places/);
  });

  it('drops a name that crosses an emendation, with a warning, and keeps its text', () => {
    const { xml, diagnostics } = encode('We met Ivan Petrov there.', {
      ...editors,
      register: { people: [{ id: 'ivan', name: 'Ivan Petrov' }] },
      emendations: [{ sic: 'Petrov there', corr: 'Petrov, there' }],
    });
    expect(xml).not.toContain('<persName ref');
    expect(xml).toContain('We met Ivan <choice><sic>Petrov there</sic>');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'overlap-dropped', severity: 'warning', place: { line: 1, column: 8 } }),
    ]);
  });
});
