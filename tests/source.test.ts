import { describe, expect, it } from 'vitest';
import { TeikitError, encode, normaliseSource } from '../src/index.js';

function fails(input: string | Uint8Array): TeikitError {
  try {
    encode(input);
  } catch (err) {
    if (err instanceof TeikitError) return err;
    throw err;
  }
  throw new Error('expected a TeikitError');
}

describe('reading the source', () => {
  it('normalises whitespace as documented', () => {
    expect(normaliseSource('  First   line\t of\r\n  the same\tparagraph.  \r\n\r\n\r\n\tSecond.\r')).toBe(
      'First line of the same paragraph.\n\nSecond.',
    );
    expect(normaliseSource('a\n b\n\nc', { structure: { lineBreaks: 'keep' } })).toBe('a\nb\n\nc');
    // No-break spaces are the source's text, not layout.
    expect(normaliseSource('a\u00a0\u00a0b')).toBe('a\u00a0\u00a0b');
  });

  it('joins a word hyphenated across a line break, keeping the hyphen', () => {
    expect(normaliseSource('the revolu-\ntion - and\nmore')).toBe('the revolu-tion - and more');
    const kept = encode('the revolu-\ntion and\nmore', { structure: { lineBreaks: 'keep' } }).xml;
    expect(kept).toContain('<p>the revolu-\n<lb break="no"/>tion and\n<lb/>more</p>');
  });

  it('puts the author and citation lines apart from the text that follows them', () => {
    expect(normaliseSource('V. I. Lenin\n(Perry 326)\nThe situation is critical.\n\nWe must not wait!')).toBe(
      'V. I. Lenin\n\n(Perry 326)\n\nThe situation is critical.\n\nWe must not wait!',
    );
  });

  it('refuses empty and whitespace-only text', () => {
    expect(fails('').code).toBe('empty-text');
    expect(fails(' \n\t\n  \r\n').code).toBe('empty-text');
  });

  it('refuses invalid UTF-8, naming the line and column of the bad byte', () => {
    const err = fails(new Uint8Array([0x61, 0x0a, 0xc3, 0xa9, 0x62, 0xc3, 0x28]));
    expect(err.diagnostics[0]).toMatchObject({ code: 'invalid-utf8', place: { line: 2, column: 3 } });
    // An overlong encoding and an encoded surrogate are invalid too.
    expect(fails(new Uint8Array([0xc0, 0xaf])).code).toBe('invalid-utf8');
    expect(fails(new Uint8Array([0xed, 0xa0, 0x80])).code).toBe('invalid-utf8');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const withBom = encode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Text.')])).xml;
    expect(withBom).toBe(encode('Text.').xml);
  });

  it('refuses characters XML 1.0 forbids, with their place counted in characters', () => {
    const err = fails('Ok.\n\n😀 a\u0001b\fc');
    expect(err.diagnostics.map((d) => [d.code, d.place])).toEqual([
      ['forbidden-char', { line: 3, column: 4 }],
      ['forbidden-char', { line: 3, column: 6 }],
    ]);
    expect(err.diagnostics[1]!.hint).toContain('form feed');
    expect(fails('lone \ud800 surrogate').code).toBe('forbidden-char');
  });

  it('gives the same TEI for LF, CRLF and CR line endings', () => {
    const lf = encode('One\ntwo.\n\nThree.\n').xml;
    expect(encode('One\r\ntwo.\r\n\r\nThree.\r\n').xml).toBe(lf);
    expect(encode('One\rtwo.\r\rThree.\r').xml).toBe(lf);
  });

  it('escapes XML special characters in the text', () => {
    const { xml } = encode('Smith & Sons <Ltd> said "yes" & \'no\' ]]> here.');
    expect(xml).toContain('<p>Smith &amp; Sons &lt;Ltd&gt; said "yes" &amp; \'no\' ]]&gt; here.</p>');
  });
});
