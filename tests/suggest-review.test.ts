import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { parseConfigText } from '../src/config/validate-config.js';
import type { EditionConfig } from '../src/config/types.js';
import { languageModel } from '../src/suggest/model.js';
import { suggest } from '../src/suggest/suggest.js';
import { tokenise } from '../src/suggest/tokenise.js';

// Regressions of the review of `teikit suggest`: each test failed before its fix.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.txt', import.meta.url));

function teikit(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-suggest-review-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const HYPHENATED = 'We must at all costs attest the govern-\nment tonight, and he must not wait for die Congress of Soviets.\n';

describe('words hyphenated across a line break', () => {
  it('are not emended in either half, with LF, CRLF or blanks around the break', () => {
    for (const text of [HYPHENATED, HYPHENATED.replace(/\n/g, '\r\n'), HYPHENATED.replace('govern-\n', 'govern- \n  ')]) {
      const start = text.indexOf('govern');
      const end = text.indexOf('ment') + 4;
      const found = suggest(text, { threshold: 0 }).emendations;
      expect(found.filter((e) => e.start < end && start < e.end)).toEqual([]);
      // The rest of the text is still read: "die" is still flagged.
      expect(found.map((e) => e.sic)).toContain('die');
    }
  });

  it('are read as one word, the word a reader sees', () => {
    const text = 'attest the govern-\r\n  ment tonight';
    const tokens = tokenise(text, languageModel());
    expect(tokens.map((t) => t.key)).toEqual(['attest', 'the', 'government', 'tonight']);
    const joined = tokens[2]!;
    expect(text.slice(joined.start, joined.end)).toBe('govern-\r\n  ment');
    expect(joined).toMatchObject({ kind: 'word', joined: true });
  });

  it('are still emended where the encoder would not join them: a dash, or a digit after the break', () => {
    // "the--\nment": a dash ends the line; the encoder keeps both words, and so may the suggester.
    const text = 'We must at all costs attest the govern--\nment tonight.';
    const found = suggest(text, { threshold: 0 }).emendations;
    expect(found.some((e) => e.sic === 'ment')).toBe(true);
  });

  it('are not offered to --accept, which left the config alone', () => {
    const dir = folder({ 't.txt': HYPHENATED, 'e.json': '{}\n' });
    const listed = JSON.parse(teikit(['suggest', 't.txt', '-c', 'e.json', '--format', 'json', '--threshold', '0'], dir).stdout) as { emendations: { id: string; sic: string }[] };
    expect(listed.emendations.map((e) => e.sic)).not.toContain('ment');
    const r = teikit(['suggest', 't.txt', '-c', 'e.json', '--accept', `e${HYPHENATED.indexOf('ment')}`], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown-suggestion');
    expect(readFileSync(join(dir, 'e.json'), 'utf8')).toBe('{}\n');
  });
});

describe('dates the encoder recognises', () => {
  it('are not suggested; dates it does not recognise still are', () => {
    const text = 'On 6 November 1917 the Committee met. On 25 October (7 November) 1917 they rose.\n\nIn 1905 they met again.';
    const dates = suggest(text).entities.filter((n) => n.type === 'date');
    expect(dates.map((n) => n.text)).toEqual(['1905']);
  });

  it('keep the Julian dual dating when everything suggested is accepted', () => {
    const text = 'On 25 October (7 November) 1917 the Military Revolutionary Committee took power.\n';
    const dir = folder({ 't.txt': text, 'e.json': '{\n  "metadata": { "title": "T", "date": { "when": "1917-11-06" } }\n}\n' });
    const listed = JSON.parse(teikit(['suggest', 't.txt', '-c', 'e.json', '--format', 'json', '--threshold', '0'], dir).stdout) as { entities: { id: string; type: string }[] };
    expect(listed.entities.filter((n) => n.type === 'date')).toEqual([]);
    const ids = listed.entities.map((n) => n.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(teikit(['suggest', 't.txt', '-c', 'e.json', '--accept', ids.join(',')], dir).status).toBe(0);
    const config = parseConfigText(readFileSync(join(dir, 'e.json'), 'utf8')) as EditionConfig;
    expect(config.dates).toBeUndefined();
    const { xml } = encode(text, config);
    expect(xml).toMatch(/<date [^>]*calendar="#julian"[^>]*>25 October<\/date>/);
  });
});

describe('teikit suggest refuses', () => {
  it('a text over --max-input-mb (exit 1), as teikit encode does', () => {
    const dir = folder({ 't.txt': HYPHENATED });
    const r = teikit(['suggest', 't.txt', '--max-input-mb', '0.00001'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('t.txt: input-too-large:');
    expect(r.stdout).toBe('');
    expect(teikit(['suggest', 't.txt', '--max-input-mb', '1'], dir).status).toBe(0);
    expect(teikit(['suggest', 't.txt', '--max-input-mb', 'lots'], dir).status).toBe(2);
  });

  it('an empty or blank text with the encoder\'s empty-text error (exit 1)', () => {
    const dir = folder({ 'empty.txt': '', 'blank.txt': '  \n\r\n\t\n' });
    for (const name of ['empty.txt', 'blank.txt']) {
      const r = teikit(['suggest', name], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${name}:1:1: empty-text: the text is empty`);
    }
  });

  it('an empty --accept list as bad usage (exit 2), writing nothing', () => {
    const dir = folder({ 't.txt': HYPHENATED, 'e.json': '{}\n' });
    for (const ids of [',', '', ' , ']) {
      expect(teikit(['suggest', 't.txt', '-c', 'e.json', '--accept', ids], dir).status).toBe(2);
    }
    expect(readFileSync(join(dir, 'e.json'), 'utf8')).toBe('{}\n');
  });
});

describe('--accept ids', () => {
  it('do not depend on --threshold: an id listed below the default threshold is accepted without it', () => {
    const dir = folder({ 'e.json': '{}\n' });
    copyFileSync(lenin, join(dir, 'lenin.txt'));
    const listed = JSON.parse(teikit(['suggest', 'lenin.txt', '-c', 'e.json', '--format', 'json', '--threshold', '0.3'], dir).stdout) as { entities: { id: string; text: string; confidence: number }[] };
    const low = listed.entities.find((n) => n.confidence < 0.5);
    expect(low).toBeDefined();
    const r = teikit(['suggest', 'lenin.txt', '-c', 'e.json', '--accept', low!.id], dir);
    expect(r.stderr).not.toContain('unknown-suggestion');
    expect(r.status).toBe(0);
    const config = parseConfigText(readFileSync(join(dir, 'e.json'), 'utf8')) as EditionConfig;
    expect(config.register?.people?.map((p) => p.name)).toEqual([low!.text]);
  });
});
