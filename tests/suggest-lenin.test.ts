import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { readTei } from '../src/reader/index.js';
import { configuredRanges } from '../src/suggest/known-ranges.js';
import { suggest } from '../src/suggest/suggest.js';
import type { EditionConfig } from '../src/config/types.js';

// The Lenin edition lists the OCR errors an editor found by reading: ten sic/corr
// emendations. The suggester knows nothing of them (no word of this text is in
// its model or code); the edition's anchors only tell the test where they are.
const dir = new URL('../editions/lenin-1917-11-06/', import.meta.url);
const text = readFileSync(new URL('lenin-1917-11-06.txt', dir), 'utf8');
const config = JSON.parse(readFileSync(new URL('edition.json', dir), 'utf8')) as EditionConfig;
const errors = configuredRanges(text, { emendations: config.emendations ?? [] });

describe('suggestions on the Lenin letter', () => {
  const score = (threshold?: number) => {
    const { emendations } = suggest(text, threshold === undefined ? {} : { threshold });
    const hits = errors.filter(([s, e]) => emendations.some((x) => x.start < e && s < x.end));
    const falseAlarms = emendations.filter((x) => !errors.some(([s, e]) => x.start < e && s < x.end));
    return { emendations, hits, falseAlarms };
  };

  it('finds at least 8 of its 10 OCR errors with at most 2 false alarms, at the default threshold', () => {
    expect(errors).toHaveLength(10);
    const { emendations, hits, falseAlarms } = score();
    // Measured: 8 of 10 (die, he three times, the second "nor", the split "Kornilov irks", both
    // punctuation errors), no false alarm. Missed: "attest" (the corpus has "attest" once and never
    // "arrest the": the context barely prefers "arrest") and the first "nor", which follows "no"
    // in its sentence, so the negation evidence speaks for it (docs/drafts/issue5.md).
    expect(hits.length).toBeGreaterThanOrEqual(8);
    expect(falseAlarms.length).toBeLessThanOrEqual(2);
    expect(falseAlarms.map((x) => `${x.sic}→${x.corr}`)).toEqual([]);
    // Where it flags, its first suggestion is the editor's correction.
    for (const x of emendations) {
      const i = errors.findIndex(([s, e]) => s === x.start && e === x.end);
      expect(x.corr).toBe(config.emendations![i]!.corr);
    }
  });

  it('finds no fewer at threshold 0.05, still within 2 false alarms', () => {
    // An editor reading a short text can ask for more; here it brings nothing new (the first "nor"
    // is at confidence 0.04) and no false alarm.
    const { hits, falseAlarms } = score(0.05);
    expect(hits.length).toBeGreaterThanOrEqual(8);
    expect(falseAlarms.length).toBeLessThanOrEqual(2);
  });

  it('raises almost nothing on the corrected reading', () => {
    const { xml } = encode(text, config);
    const corrected = readTei(xml).readings.corrected;
    expect(suggest(corrected).emendations.length).toBeLessThanOrEqual(1);
    expect(suggest(corrected, { threshold: 0.05 }).emendations.length).toBeLessThanOrEqual(1);
  });

  it('suggests nothing the edition already lists', () => {
    const { emendations, entities } = suggest(text, { config });
    expect(emendations).toEqual([]);
    const forms = new Set([config.register?.people, config.register?.organisations, config.register?.places].flatMap((l) => (l ?? []).flatMap((e) => [e.name, ...(e.forms ?? [])])));
    for (const n of entities) expect(forms.has(n.text)).toBe(false);
  });
});
