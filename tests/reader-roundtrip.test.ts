import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, normaliseSource, parseConfigText, TeikitError, type EditionConfig, type EncodeResult } from '../src/index.js';
import { readTei, type ReadResult } from '../src/reader/index.js';
import { applyEdits, configIntent, generatedText, lineEnding, render, resolveConfig, resolveStructure, suppliedReading, type ExpectedEdit } from './helpers/arbitraries.js';

/**
 * Lossless round trips: text → encode → TEI → readTei. For every TEI teikit
 * writes, the diplomatic reading is the normalised source exactly, the
 * corrected reading is the source with exactly the configured emendations
 * applied, and every span the encoder annotated (emendation, name, date,
 * gloss, omission) is found again at the same offsets.
 */

const schema = JSON.parse(readFileSync(new URL('../schemas/reading.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function assertSchemaValid(result: ReadResult): void {
  if (!validate(JSON.parse(JSON.stringify(result)))) throw new Error(`not valid against reading.schema.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

/** The corrected reading the encoder's spans call for: each choice's edited form, each supplied word with the space teikit puts beside it. */
function expectedCorrected(encoded: EncodeResult): string {
  const text = encoded.edition.normalised.text;
  const edits: ExpectedEdit[] = [];
  for (const s of encoded.edition.spans) {
    if (s.kind === 'choice') edits.push({ start: s.start, end: s.end, text: s.edited, kind: 'emendation' });
    if (s.kind === 'supplied') edits.push({ start: s.start, end: s.start, text: suppliedReading(text, s.start, s.text), kind: 'supplied' });
  }
  return applyEdits(text, edits);
}

/** Every annotation the encoder made, found again where it put it (in the diplomatic reading, which is its text). */
function assertSpansFound(encoded: EncodeResult, read: ReadResult): void {
  // Keyed by the diplomatic offsets and what the entry reads there: the edited form, or the marks of an omission
  // (whose edited text is empty when it stands inside a sic).
  const apparatus = new Set(read.apparatus.map((a) => `${a.offsets.diplomatic.join('-')} ${a.kind} ${a.kind === 'omission' ? a.source : a.edited}`));
  const mentions = new Set([...read.entities.people, ...read.entities.organisations, ...read.entities.places].flatMap((e) => e.mentions.map((m) => `${m.offsets.diplomatic.join('-')} #${e.id}`)));
  const dates = new Set(read.dates.map((d) => `${d.offsets.diplomatic.join('-')} ${d.when}`));
  const notes = new Set(read.notes.map((n) => n.offsets.diplomatic.join('-')));
  for (const s of encoded.edition.spans) {
    const at = `${s.start}-${s.end}`;
    if (s.kind === 'choice') expect(apparatus, `${s.pair} at ${at}`).toContain(`${at} ${s.pair} ${s.edited}`);
    if (s.kind === 'omission') expect(apparatus, `omission at ${at}`).toContain(`${at} omission ${encoded.edition.normalised.text.slice(s.start, s.end)}`);
    if (s.kind === 'name') expect(mentions, `name at ${at}`).toContain(`${at} #${s.ref}`);
    if (s.kind === 'date') expect(dates, `date at ${at}`).toContain(`${at} ${s.when}`);
    if (s.kind === 'gloss') expect(notes, `gloss at ${at}`).toContain(at);
  }
  for (const a of read.apparatus) {
    expect(read.readings.diplomatic.slice(...a.offsets.diplomatic)).toBe(a.source);
    expect(read.readings.corrected.slice(...a.offsets.corrected)).toBe(a.edited);
  }
}

describe('the Lenin edition, read back', () => {
  const dir = new URL('../editions/lenin-1917-11-06/', import.meta.url);
  const configText = readFileSync(new URL('edition.json', dir), 'utf8');
  const config = parseConfigText(configText) as EditionConfig;
  const source = readFileSync(new URL('lenin-1917-11-06.txt', dir));
  const encoded = encode(source, config, { configText });
  const read = readTei(encoded.xml);

  it('gives the normalised source as the diplomatic reading, exactly', () => {
    expect(read.readings.diplomatic).toBe(normaliseSource(source, config));
    expect(read.diagnostics).toEqual([]);
  });

  it('gives the ten emendations, the supplied "all" and the regularised "today" in the corrected reading, and nothing else changed', () => {
    const emendations = read.apparatus.filter((a) => a.kind !== 'omission').map((a) => [a.kind, a.source, a.edited, a.resp, a.cert, a.type ?? a.reason]);
    expect(emendations).toEqual([
      ['sic-corr', 'Kornilov irks', 'Kornilovites', '#teikit-editors', 'high', 'ocr-split'],
      ['sic-corr', 'attest', 'arrest', '#teikit-editors', 'high', 'ocr'],
      ['sic-corr', "'", '"', '#teikit-editors', 'high', 'ocr-punctuation'],
      ['sic-corr', 'he', 'be', '#teikit-editors', 'high', 'ocr'],
      ['sic-corr', 'nor', 'not', '#teikit-editors', 'medium', 'ocr'],
      ['sic-corr', 'he', 'be', '#teikit-editors', 'high', 'ocr'],
      ['orig-reg', 'to-day', 'today', '#teikit-editors', 'high', undefined],
      ['sic-corr', 'nor', 'not', '#teikit-editors', 'high', 'ocr'],
      ['sic-corr', 'he', 'be', '#teikit-editors', 'high', 'ocr'],
      ['sic-corr', 'die', 'the', '#teikit-editors', 'high', 'ocr'],
      ['sic-corr', '.', ',', '#teikit-editors', 'high', 'ocr-punctuation'],
      ['supplied', '', 'all', '#teikit-editors', 'medium', 'omitted'],
    ]);
    const corrected = read.readings.corrected;
    for (const phrase of [
      'onslaught of the Kornilovites [followers of General Kornilov',
      'this very night, arrest the government',
      'or "some other institution" which',
      'should power be left in the hands of Kerensky and Co. not under any circumstances; the matter must be decided',
      'they certainly will be victorious today)',
      'we seize it not in opposition',
      'It would be an infinite crime on the part',
      'the salvation of the revolution, the offer of peace',
      'death-blow, at all costs.',
    ]) {
      expect(corrected).toContain(phrase);
    }
    expect(corrected).toBe(expectedCorrected(encoded));
    // Each intervention changes only its own words: the readings differ in length by exactly those, plus the space beside "all".
    expect(corrected.length - read.readings.diplomatic.length).toBe(read.apparatus.reduce((n, a) => n + a.edited.length - a.source.length, 0) + 1);
  });

  it('finds every annotation the encoder made at the offsets it made it, and the omission marks and glosses', () => {
    assertSpansFound(encoded, read);
    expect(read.apparatus.filter((a) => a.kind === 'omission').map((a) => a.source)).toEqual(['...', '....', '...']);
    expect(read.notes.map((n) => [n.type, n.resp, n.text.slice(0, 20)])).toEqual([
      ['gloss', '#perry', 'followers of General'],
      ['gloss', '#perry', 'Bolshevik organizati'],
      ['gloss', '#perry', 'governing organizati'],
    ]);
  });

  it('reads the register and the dates back', () => {
    const ids = (list: { id: string; mentions: unknown[] }[]) => list.map((e) => [e.id, e.mentions.length]);
    expect(ids(read.entities.people)).toEqual([
      ['lenin', 2],
      ['kornilov', 2],
      ['kerensky', 1],
    ]);
    expect(ids(read.entities.organisations)).toEqual([
      ['rmc', 2],
      ['bolshevik-cc', 1],
      ['bolsheviks', 1],
      ['soviets', 2],
    ]);
    expect(read.entities.places.map((e) => [e.id, e.name, e.idnos])).toEqual([
      ['russia', 'Russia', [{ type: 'wikidata', value: 'Q159' }]],
      ['petrograd', 'Petrograd (Saint Petersburg)', [{ type: 'wikidata', value: 'Q656' }]],
    ]);
    expect(read.entities.unresolved).toEqual([]);
    expect(read.dates.map((d) => [d.text, d.when, d.whenCustom, d.calendar])).toEqual([
      ['November 6', '1917-11-06', undefined, '#gregorian'],
      ['October 24', '1917-11-06', '1917-10-24', '#julian'],
    ]);
  });

  it('reads the metadata the edition config gave', () => {
    const m = config.metadata!;
    expect(read.metadata).toEqual({
      title: m.title,
      authors: [{ name: m.author!.name, ref: '#lenin' }],
      editors: [{ name: 'The teikit developers', id: 'teikit-editors', role: m.editors![0]!.role }],
      date: { text: m.date!.text, when: m.date!.when, whenCustom: m.date!.julian, datingMethod: '#julian', julian: m.date!.julian },
      source: {
        citation: m.source!.citation,
        author: m.source!.author,
        title: m.source!.title,
        editors: [{ name: 'Marvin Perry', id: 'perry' }],
        pages: m.source!.pages,
        note: m.source!.note,
      },
      licence: { text: m.publication!.licence!.name, url: m.publication!.licence!.url },
      language: { ident: 'en', name: 'English (translation)' },
      witnesses: [],
    });
  });

  it('gives a model valid against schemas/reading.schema.json', () => {
    assertSchemaValid(read);
  });
});

describe('every golden fixture of the encoder, read back', () => {
  const root = new URL('./fixtures/', import.meta.url);
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/edition.json`, root)))
    .map((d) => d.name)
    .sort();

  it('has fixtures to read', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('%s', (name) => {
    const configText = readFileSync(new URL(`${name}/edition.json`, root), 'utf8');
    const config = parseConfigText(configText) as EditionConfig;
    const input = readFileSync(new URL(`${name}/input.txt`, root));
    const encoded = encode(input, config, { configText });
    const read = readTei(encoded.xml);
    expect(read.readings.diplomatic).toBe(normaliseSource(input, config));
    expect(read.readings.corrected).toBe(expectedCorrected(encoded));
    assertSpansFound(encoded, read);
    expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    assertSchemaValid(read);
  });
});

describe('round trips of generated texts and configs (fast-check)', () => {
  it('reads back the normalised source and exactly the configured emendations, whatever the text', () => {
    fc.assert(
      fc.property(generatedText, configIntent, lineEnding, (g, intent, eol) => {
        const text = render(g, eol);
        const normalised = normaliseSource(text, { structure: resolveStructure(g, intent) });
        const { config, edits } = resolveConfig(g, normalised, intent);
        let encoded: EncodeResult;
        try {
          encoded = encode(text, config);
        } catch (err) {
          // An emendation cutting into a gloss bracket or omission mark is refused by design (see property.test.ts).
          if (err instanceof TeikitError && err.diagnostics.every((d) => d.code === 'emendation-crosses')) return fc.pre(false);
          throw err;
        }
        const read = readTei(encoded.xml);
        const context = `\n  text:   ${JSON.stringify(text)}\n  config: ${JSON.stringify(config)}`;
        if (read.readings.diplomatic !== normaliseSource(text, config)) {
          throw new Error(`diplomatic reading differs:\n  expected ${JSON.stringify(normaliseSource(text, config))}\n  actual   ${JSON.stringify(read.readings.diplomatic)}${context}`);
        }
        const corrected = applyEdits(normalised, edits);
        if (read.readings.corrected !== corrected) {
          throw new Error(`corrected reading differs:\n  expected ${JSON.stringify(corrected)}\n  actual   ${JSON.stringify(read.readings.corrected)}${context}`);
        }
        assertSpansFound(encoded, read);
        assertSchemaValid(read);
      }),
      { numRuns: 400 },
    );
  });
});
