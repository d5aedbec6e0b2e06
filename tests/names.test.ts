import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileNameMatcher,
  NameFormConflictError,
  type RegisterEntryForms,
} from '../src/recognise/names.js';
import type { EntityKind, NameMatch } from '../src/recognise/types.js';

const person = (id: string, ...forms: string[]): RegisterEntryForms => ({ id, kind: 'person', forms });
const org = (id: string, ...forms: string[]): RegisterEntryForms => ({ id, kind: 'org', forms });
const place = (id: string, ...forms: string[]): RegisterEntryForms => ({ id, kind: 'place', forms });

/** Matches as `[matched text, id]`, which reads better in failures than offsets. */
function found(entries: RegisterEntryForms[], text: string): [string, string][] {
  return compileNameMatcher(entries)
    .find(text)
    .map((m) => [text.slice(m.start, m.end), m.id]);
}

describe('word boundaries', () => {
  const register = [person('kornilov', 'Kornilov'), person('kerensky', 'Kerensky')];

  it('does not find a name inside a longer word', () => {
    expect(found(register, 'The Kornilovites marched.')).toEqual([]);
    expect(found(register, 'antiKornilov')).toEqual([]);
    expect(found(register, 'Kornilov2 and 3Kornilov')).toEqual([]);
  });

  it('finds a name followed by apostrophe-s or punctuation', () => {
    expect(found(register, "Kerensky's government fell; Kornilov, too.")).toEqual([
      ['Kerensky', 'kerensky'],
      ['Kornilov', 'kornilov'],
    ]);
    expect(found(register, 'Kerensky’s')).toEqual([['Kerensky', 'kerensky']]);
  });

  it('finds names at the very start and end of the text', () => {
    expect(found(register, 'Kornilov')).toEqual([['Kornilov', 'kornilov']]);
    expect(found(register, 'Kerensky Kornilov')).toEqual([
      ['Kerensky', 'kerensky'],
      ['Kornilov', 'kornilov'],
    ]);
  });

  it('treats a combining mark as part of the word', () => {
    expect(found([person('lenin', 'Lenin')], 'Lenin\u0301 Lenin')).toEqual([['Lenin', 'lenin']]);
    expect(compileNameMatcher([person('lenin', 'Lenin')]).find('Lenin\u0301 Lenin')[0]?.start).toBe(7);
  });

  it('needs no boundary where the form begins or ends with a non-word character', () => {
    expect(found([org('co', '& Co.')], 'Smith& Co.x')).toEqual([['& Co.', 'co']]);
  });
});

describe('leftmost-longest', () => {
  it('prefers the longer form starting at the same place', () => {
    const register = [person('kornilov', 'General Kornilov', 'Kornilov')];
    expect(compileNameMatcher(register).find('General Kornilov arrived')).toEqual([
      { start: 0, end: 16, id: 'kornilov', kind: 'person' },
    ]);
    const orgs = [org('cc', 'Central Committee of the Bolsheviks'), org('bolsheviks', 'Bolsheviks')];
    expect(found(orgs, 'the Central Committee of the Bolsheviks and the Bolsheviks')).toEqual([
      ['Central Committee of the Bolsheviks', 'cc'],
      ['Bolsheviks', 'bolsheviks'],
    ]);
  });

  it('prefers the leftmost match over a longer overlapping one', () => {
    const register = [person('kornilov', 'General Kornilov'), org('affair', 'Kornilov Affair')];
    expect(found(register, 'General Kornilov Affair')).toEqual([['General Kornilov', 'kornilov']]);
  });

  it('does not let a longer match that breaks a boundary hide a shorter one', () => {
    const register = [place('sq', 'Lenin Sq'), person('lenin', 'Lenin')];
    expect(found(register, 'Lenin Square')).toEqual([['Lenin', 'lenin']]);
    const nested = [person('a', 'Ivan Ivanovich'), person('b', 'Ivan')];
    expect(found(nested, 'Ivan Ivanovichev')).toEqual([['Ivan', 'b']]);
  });

  it('returns non-overlapping matches in text order', () => {
    const register = [person('p', 'Petrov'), person('pp', 'Petrov Petrov')];
    expect(found(register, 'Petrov Petrov Petrov')).toEqual([
      ['Petrov Petrov', 'pp'],
      ['Petrov', 'p'],
    ]);
  });
});

describe('register entries', () => {
  it('reports the kind of each entry', () => {
    const register = [person('lenin', 'Lenin'), org('rsdlp', 'RSDLP'), place('petrograd', 'Petrograd')];
    expect(compileNameMatcher(register).find('Lenin left the RSDLP congress for Petrograd.')).toEqual([
      { start: 0, end: 5, id: 'lenin', kind: 'person' },
      { start: 15, end: 20, id: 'rsdlp', kind: 'org' },
      { start: 34, end: 43, id: 'petrograd', kind: 'place' },
    ]);
  });

  it('collapses whitespace inside forms and trims it around them', () => {
    const register = [person('k', '  General \t  Kornilov \n')];
    expect(found(register, 'General Kornilov')).toEqual([['General Kornilov', 'k']]);
    // A space in a form is exactly one space in the text.
    expect(found(register, 'General  Kornilov')).toEqual([]);
    expect(found(register, 'General\tKornilov')).toEqual([]);
  });

  it('ignores empty forms', () => {
    expect(compileNameMatcher([person('x', '', '   ')]).find('anything at all')).toEqual([]);
    expect(compileNameMatcher([]).find('anything')).toEqual([]);
    expect(found([person('x', '', 'Lenin')], ' Lenin ')).toEqual([['Lenin', 'x']]);
  });

  it('matches case-sensitively', () => {
    expect(found([person('lenin', 'Lenin')], 'LENIN lenin')).toEqual([]);
  });

  it('throws NameFormConflictError when two entries list the same form', () => {
    let caught: unknown;
    try {
      compileNameMatcher([person('a', 'Ivanov'), person('b', 'Petrov'), place('c', 'Ivanov')]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NameFormConflictError);
    expect(caught).toBeInstanceOf(Error);
    const err = caught as NameFormConflictError;
    expect(err.form).toBe('Ivanov');
    expect(err.ids).toEqual(['a', 'c']);
    expect(err.message).toContain('"Ivanov"');
    expect(err.message).toContain('"a"');
    expect(err.message).toContain('"c"');
  });

  it('sees a conflict through differences in spacing', () => {
    expect(() => compileNameMatcher([person('a', 'Ivan Ivanov'), person('b', ' Ivan  Ivanov')])).toThrow(
      NameFormConflictError,
    );
  });

  it('accepts one entry listing a form twice', () => {
    expect(found([person('a', 'Ivanov', 'Ivanov ')], 'Ivanov')).toEqual([['Ivanov', 'a']]);
  });
});

describe('characters outside ASCII', () => {
  it('finds Cyrillic names on Cyrillic word boundaries', () => {
    const register = [person('lenin', 'Ленин'), place('petrograd', 'Петроград')];
    const text = 'Товарищ Ленин приехал в Петроград; Ленинград позже.';
    expect(compileNameMatcher(register).find(text)).toEqual([
      { start: 8, end: 13, id: 'lenin', kind: 'person' },
      { start: 24, end: 33, id: 'petrograd', kind: 'place' },
    ]);
  });

  it('counts offsets in UTF-16 code units after astral-plane characters', () => {
    const m = compileNameMatcher([person('lenin', 'Lenin')]);
    const text = '𝔄𝔅 😀 Lenin';
    expect(m.find(text)).toEqual([{ start: 8, end: 13, id: 'lenin', kind: 'person' }]);
    expect(text.slice(8, 13)).toBe('Lenin');
  });

  it('judges the boundary by the whole astral code point before a name', () => {
    const m = compileNameMatcher([person('lenin', 'Lenin')]);
    // U+1D504 MATHEMATICAL FRAKTUR CAPITAL A is a letter; U+1F600 is not.
    expect(m.find('𝔄Lenin')).toEqual([]);
    expect(m.find('😀Lenin')).toEqual([{ start: 2, end: 7, id: 'lenin', kind: 'person' }]);
    expect(m.find('Lenin𝔄')).toEqual([]);
    expect(m.find('Lenin😀')).toEqual([{ start: 0, end: 5, id: 'lenin', kind: 'person' }]);
  });

  it('matches forms containing astral-plane characters', () => {
    expect(found([place('x', '𝔄rkhangelsk')], 'to 𝔄rkhangelsk.')).toEqual([['𝔄rkhangelsk', 'x']]);
  });
});

describe('forms with regex special characters', () => {
  it('matches them literally', () => {
    const register = [org('co', 'Kerensky and Co.'), person('k', 'Kerensky'), org('q', '(S.R.)*?')];
    expect(found(register, 'Kerensky and Co. resigned.')).toEqual([['Kerensky and Co.', 'co']]);
    expect(found(register, 'Kerensky and Cox')).toEqual([['Kerensky', 'k']]);
    expect(found(register, 'the (S.R.)*? group, not the (SxRx)')).toEqual([['(S.R.)*?', 'q']]);
  });
});

// ---------------------------------------------------------------------------
// Property: find() agrees with the obvious quadratic implementation.

const WORD_AT_END = /[\p{L}\p{N}\p{M}]$/u;
const WORD_AT_START = /^[\p{L}\p{N}\p{M}]/u;

/** At each position try every form; take the longest that fits its boundaries. */
function naiveFind(entries: readonly RegisterEntryForms[], text: string): NameMatch[] {
  const forms: { form: string; id: string; kind: EntityKind }[] = [];
  for (const e of entries) {
    for (const raw of e.forms) {
      const form = raw.trim().replace(/\s+/g, ' ');
      if (form !== '') forms.push({ form, id: e.id, kind: e.kind });
    }
  }
  const out: NameMatch[] = [];
  let i = 0;
  while (i < text.length) {
    let best: (typeof forms)[number] | undefined;
    for (const f of forms) {
      if (!text.startsWith(f.form, i)) continue;
      const end = i + f.form.length;
      if (WORD_AT_START.test(f.form) && WORD_AT_END.test(text.slice(0, i))) continue;
      if (WORD_AT_END.test(f.form) && WORD_AT_START.test(text.slice(end))) continue;
      if (best === undefined || f.form.length > best.form.length) best = f;
    }
    if (best === undefined) {
      i++;
    } else {
      out.push({ start: i, end: i + best.form.length, id: best.id, kind: best.kind });
      i += best.form.length;
    }
  }
  return out;
}

/** Which normalised form, if any, two different entries share. */
function expectedConflict(entries: readonly RegisterEntryForms[]): string | undefined {
  const owner = new Map<string, number>();
  for (const [i, e] of entries.entries()) {
    for (const raw of e.forms) {
      const form = raw.trim().replace(/\s+/g, ' ');
      if (form === '') continue;
      const prev = owner.get(form);
      if (prev !== undefined && prev !== i) return form;
      owner.set(form, i);
    }
  }
  return undefined;
}

const kindArb = fc.constantFrom<EntityKind>('person', 'org', 'place');

/** Up to five entries sharing out a random selection of forms, never the same form twice. */
function registerArb(formPool: fc.Arbitrary<string>): fc.Arbitrary<RegisterEntryForms[]> {
  return fc
    .uniqueArray(formPool, {
      maxLength: 12,
      selector: (f) => f.trim().replace(/\s+/g, ' '),
    })
    .chain((forms) =>
      fc.tuple(
        fc.array(fc.nat(4), { minLength: forms.length, maxLength: forms.length }),
        fc.array(kindArb, { minLength: 5, maxLength: 5 }),
      ).map(([owners, kinds]) =>
        [0, 1, 2, 3, 4].map((e) => ({
          id: `e${e}`,
          kind: kinds[e]!,
          forms: forms.filter((_, i) => owners[i] === e),
        })),
      ),
    );
}

const NAME_FORMS = [
  'Kornilov',
  'General Kornilov',
  'General',
  'Bolsheviks',
  'Central Committee of the Bolsheviks',
  'Central Committee',
  'Kerensky',
  'Kerensky and Co.',
  'Co.',
  'Ленин',
  'Ленинград',
  '𝔄rkhangelsk',
  'ites',
  '.',
  "'s",
  ' the ',
  'e\u0301',
  '1917',
];
const TEXT_TOKENS = [
  ...NAME_FORMS,
  ' ',
  ' ',
  ' ',
  'the',
  'of',
  'and',
  'Co',
  'ites',
  ',',
  'e',
  '\u0301',
  '𝔄',
  '😀',
  'a',
  '1',
  '-',
  'град',
];

describe('find() against a naive reference', () => {
  it('agrees on texts built from name-like words', () => {
    fc.assert(
      fc.property(
        registerArb(fc.constantFrom(...NAME_FORMS)),
        fc.array(fc.constantFrom(...TEXT_TOKENS), { maxLength: 40 }),
        (entries, tokens) => {
          const text = tokens.join('');
          expect(compileNameMatcher(entries).find(text)).toEqual(naiveFind(entries, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  // A tiny alphabet makes forms overlap, nest and share suffixes all the time,
  // which is what exercises the failure links.
  const tiny = fc.constantFrom('a', 'b', 'c', ' ', '-', 'é', '\u0301', '😀');
  const tinyString = (maxLength: number) => fc.array(tiny, { maxLength }).map((cs) => cs.join(''));

  it('agrees on texts and forms over a tiny alphabet', () => {
    fc.assert(
      fc.property(registerArb(tinyString(6)), tinyString(60), (entries, text) => {
        expect(compileNameMatcher(entries).find(text)).toEqual(naiveFind(entries, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on a register where nodes have many children', () => {
    // Hundreds of forms branching after a shared prefix, beyond the linear-scan cut-off.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZабвгдежзиклмн';
    const entries: RegisterEntryForms[] = [];
    for (let i = 0; i < 300; i++) {
      const a = letters[i % letters.length]!;
      const b = letters[Math.floor(i / letters.length)]!;
      entries.push(org(`o${i}`, `Committee of ${a}${b}`, `${b}${a}${i}`));
    }
    const matcher = compileNameMatcher(entries);
    const token = fc.oneof(
      fc.constantFrom(...entries.flatMap((e) => e.forms)),
      fc.constantFrom(' ', 'x', 'Committee of ', '. '),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const text = tokens.join('');
        expect(matcher.find(text)).toEqual(naiveFind(entries, text));
      }),
      { numRuns: 200 },
    );
  });

  it('throws a conflict exactly when two entries share a form', () => {
    const formsArb = fc.array(tinyString(4), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(formsArb, { maxLength: 4 }), tinyString(30), (formLists, text) => {
        const entries = formLists.map((forms, i) => person(`e${i}`, ...forms));
        const conflict = expectedConflict(entries);
        if (conflict === undefined) {
          expect(compileNameMatcher(entries).find(text)).toEqual(naiveFind(entries, text));
        } else {
          expect(() => compileNameMatcher(entries)).toThrow(NameFormConflictError);
        }
      }),
      { numRuns: 500 },
    );
  });

});
