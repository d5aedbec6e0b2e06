// The encoder changes made for corpus scale (issue 7): what a user would notice.
import { describe, expect, it } from 'vitest';
import { TeikitError, encode, normaliseSource, type EditionConfig } from '../src/index.js';

describe('encode at scale', () => {
  it('marks 300,000 names in one text without overflowing the call stack', () => {
    // Spans used to be appended with push(...spans): past some 120,000 arguments V8 throws RangeError.
    const text = 'Lenin and Trotsky. '.repeat(150_000);
    const { edition } = encode(text, { register: { people: [{ id: 'lenin', name: 'Lenin' }, { id: 'trotsky', name: 'Trotsky' }] } });
    expect(edition.spans.filter((s) => s.kind === 'name')).toHaveLength(300_000);
  });

  it('reuses a compiled register only while its content is the same, even when the object is changed in place', () => {
    const config: EditionConfig = { register: { people: [{ id: 'lenin', name: 'Lenin' }] } };
    expect(encode('Lenin met Trotsky.', config).xml).toContain('<persName ref="#lenin">Lenin</persName> met Trotsky.');
    config.register!.people!.push({ id: 'trotsky', name: 'Trotsky' });
    expect(encode('Lenin met Trotsky.', config).xml).toContain('<persName ref="#lenin">Lenin</persName> met <persName ref="#trotsky">Trotsky</persName>.');
    config.register!.people![0]!.forms = ['Ilyich'];
    expect(encode('Lenin met Trotsky.', config).xml).toContain('<p>Lenin met <persName ref="#trotsky">Trotsky</persName>.</p>');
  });

  it('refuses a text over options.maxInputBytes, and takes one under the default limit without it', () => {
    const text = 'Words. '.repeat(300);
    let thrown: unknown;
    try {
      encode(text, {}, { maxInputBytes: 1024 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(TeikitError);
    expect((thrown as TeikitError).diagnostics[0]).toMatchObject({ code: 'input-too-large', message: '2.1 KB is over the 1 KB limit', file: 'source' });
    expect(encode(new TextEncoder().encode(text), {}, { maxInputBytes: 4096 }).xml).toContain('<p>Words.');
    expect(encode(text).xml).toContain('<p>Words.');
  });

  it('joins a hyphenated line break only after a letter, not after a mark on a symbol', () => {
    expect(normaliseSource('revolu-\ntion')).toBe('revolu-tion');
    expect(normaliseSource('re\u0301-\nvolution')).toBe('re\u0301-volution');
    // U+2764 U+FE0F: a heart with a variation selector (a mark), not a letter.
    expect(normaliseSource('a \u2764\uFE0F-\nbeat')).toBe('a \u2764\uFE0F- beat');
  });
});
