import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTei, type ReadOptions } from '../src/reader/index.js';
import { render } from '../src/render/index.js';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, launchChromium } from './helpers/browser.js';

/**
 * The Lenin edition's reading view in headless Chromium, used as a reader
 * uses it: the text each reading shows, the switch by mouse and keyboard,
 * tooltips on hover and focus, the register, contrast, print. One browser
 * and one page for the whole file; the tests run in order on that page.
 */
const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const xml = readFileSync(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url), 'utf8');
const model = readTei(xml);

/**
 * Both sides are normalised the same way before comparing: units (split at
 * blank lines) with runs of spaces and tabs made one space and each line
 * trimmed, empty units dropped. innerText adds the blank line between <p>
 * elements itself, and a unit with no text in one reading leaves an empty
 * <p> there whose line breaks innerText collapses; words, punctuation, line
 * breaks inside units and the order of units are compared exactly.
 */
function normalise(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((unit) => unit.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim()).join('\n').trim())
    .filter((unit) => unit !== '')
    .join('\n\n');
}

describe.skipIf(!chromiumAvailable)(`the reading view in Chromium (skipped only if ${CHROMIUM_SKIP_REASON})`, () => {
  let browser: Browser;
  let page: Page;
  const consoleProblems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const file = `${OUT}lenin-1917-11-06.html`;
    writeFileSync(file, render(xml));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!/^(?:file|data|about):/.test(r.url())) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visibleText = (): Promise<string> => page.locator('#edition-text').evaluate((el) => (el as HTMLElement).innerText);
  const bodyReading = (): Promise<string> => page.evaluate(() => document.body.className);

  it('shows exactly the reader’s reading in each reading, switched by mouse', async () => {
    await page.mouse.move(0, 0);
    for (const reading of ['diplomatic', 'corrected'] as const) {
      await page.getByRole('button', { name: reading === 'diplomatic' ? 'Diplomatic' : 'Corrected' }).click();
      await page.mouse.move(0, 0); // no tooltip open while the text is read
      expect(await bodyReading()).toContain(`reading-${reading}`);
      expect(normalise(await visibleText())).toBe(normalise(model.readings[reading]));
      await page.screenshot({ path: `${OUT}lenin-${reading}.png`, fullPage: true });
    }
    const text = await visibleText();
    expect(text).toContain('this very night, arrest the government');
    expect(text).not.toContain('attest');
  });

  it('switches by keyboard: Tab to the buttons, Enter and Space press them, aria-pressed follows', async () => {
    await page.reload(); // focus starts from the top of the page, as for a reader who just opened it
    const focused = (): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-reading') ?? null);
    for (let i = 0; i < 5 && (await focused()) !== 'diplomatic'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('diplomatic');
    await page.keyboard.press('Enter');
    expect(await bodyReading()).toContain('reading-diplomatic');
    expect(await page.locator('button[data-reading="diplomatic"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('button[data-reading="corrected"]').getAttribute('aria-pressed')).toBe('false');
    expect(await visibleText()).toContain('this very night, attest the government');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('corrected');
    await page.keyboard.press('Space');
    expect(await bodyReading()).toContain('reading-corrected');
    expect(await page.locator('button[data-reading="corrected"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('shows an emendation’s other form, who made it and how sure on hover, and on keyboard focus', async () => {
    const attest = page.locator('.iv', { hasText: 'attest' }).first();
    const tip = attest.locator('.tip');
    await page.locator('button[data-reading="diplomatic"]').click();
    expect(await tip.isVisible()).toBe(false);
    await attest.hover();
    expect(await tip.isVisible()).toBe(true);
    const tipText = await tip.innerText();
    expect(tipText).toContain('arrest');
    expect(tipText).toContain('The teikit developers');
    expect(tipText).toContain('certainty high');
    await page.mouse.move(0, 0);
    expect(await tip.isVisible()).toBe(false);

    await page.locator('button[data-reading="corrected"]').click();
    await attest.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain('attest');
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    await page.locator('button[data-reading="corrected"]').focus();

    // The supplied word has no text in the diplomatic reading, yet stays visible and focusable there.
    await page.locator('button[data-reading="diplomatic"]').click();
    const supplied = page.locator('.iv-supplied').first();
    expect((await supplied.boundingBox())?.width ?? 0).toBeGreaterThan(0);
    await supplied.focus();
    expect(await supplied.locator('.tip').innerText()).toContain('all');
    await page.locator('button[data-reading="corrected"]').click();
  });

  it('lists Lenin, Kerensky and Kornilov in the register, with links back to every mention', async () => {
    const register = await page.locator('#register').innerText();
    for (const name of ['Vladimir Ilyich Lenin', 'Alexander Fyodorovich Kerensky', 'Lavr Georgiyevich Kornilov']) expect(register).toContain(name);
    expect(await page.locator('#register a[href="https://www.wikidata.org/wiki/Q1394"]').count()).toBe(1);
    const kerensky = page.locator('#edition-text .name.person', { hasText: 'Kerensky' });
    const target = await kerensky.getAttribute('href');
    expect(await page.locator(`${target} .entry-name`).innerText()).toBe('Alexander Fyodorovich Kerensky');
    const backLinks = await page.locator(`${target} a.mention`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(backLinks).toEqual([`#${await kerensky.getAttribute('id')}`]);
  });

  it('has text at a contrast of at least 4.5:1 against its background', async () => {
    const lows = await page.evaluate(() => {
      const rgb = (c: string): [number, number, number, number] => {
        const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(c);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
      };
      const lum = ([r, g, b]: number[]): number => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c[3] > 0) return c;
        }
        return [255, 255, 255, 1];
      };
      const out: string[] = [];
      const selector = '#edition-text p, #edition-text .name, #edition-text .iv, #edition-text .date, #edition-text .note-inline, .muted, .switch button, .tip, .tip-row, a, h1, h2, dt, dd';
      for (const el of Array.from(document.querySelectorAll(selector))) {
        const fg = rgb(getComputedStyle(el).color);
        const bg = background(el);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${(el as HTMLElement).className}: ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(lows).toEqual([]);
  });

  it('prints the chosen reading without the controls', async () => {
    await page.locator('button[data-reading="diplomatic"]').click();
    await page.mouse.move(0, 0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(normalise(await visibleText())).toBe(normalise(model.readings.diplomatic));
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps a long edition quick to switch by not laying out what is off screen, and shows each paragraph when scrolled to', async () => {
    // The letter's body forty times over: 440 paragraphs, past the point where the page skips off-screen layout.
    const body = /<div type="letter">([\s\S]*?)<\/div>\s*<\/body>/.exec(xml)![1]!;
    const long = xml.replace(body, body.repeat(40));
    const longModel = readTei(long);
    const file = `${OUT}lenin-x40.html`;
    writeFileSync(file, render(long));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('#edition-text.long').count()).toBe(1);
    const units = longModel.readings.diplomatic.split('\n\n');
    const paragraphs = page.locator('#edition-text p');
    expect(await paragraphs.count()).toBe(units.length);
    await page.locator('button[data-reading="diplomatic"]').click();
    // content-visibility decides what is on screen at the next frame: wait for two after scrolling or switching.
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    for (const i of [0, Math.floor(units.length / 2), units.length - 1]) {
      await paragraphs.nth(i).scrollIntoViewIfNeeded();
      await frames();
      expect(normalise(await paragraphs.nth(i).innerText())).toBe(normalise(units[i]!));
    }
    await page.locator('button[data-reading="corrected"]').click();
    await paragraphs.last().scrollIntoViewIfNeeded();
    await frames();
    const last = longModel.readings.corrected.split('\n\n').at(-1)!;
    expect(normalise(await paragraphs.last().innerText())).toBe(normalise(last));
  });

  it('shows each reading of TEI from other projects (tests/reader-fixtures) exactly', async () => {
    const root = new URL('./reader-fixtures/', import.meta.url);
    for (const name of readdirSync(root).sort()) {
      const dir = new URL(`${name}/`, root);
      const spec = existsSync(new URL('case.json', dir)) ? (JSON.parse(readFileSync(new URL('case.json', dir), 'utf8')) as { input?: string; options?: ReadOptions }) : {};
      const bytes = readFileSync(new URL(spec.input ?? 'input.xml', dir));
      const fixture = readTei(bytes, spec.options ?? {});
      await page.setContent(render(bytes, spec.options ?? {}));
      for (const reading of ['diplomatic', 'corrected'] as const) {
        await page.locator(`button[data-reading="${reading}"]`).click();
        await page.mouse.move(0, 0);
        expect(normalise(await visibleText()), `${name}: ${reading}`).toBe(normalise(fixture.readings[reading]));
      }
    }
  });

  it('logs no console error and makes no network request', () => {
    expect(consoleProblems).toEqual([]);
    expect(requests).toEqual([]);
  });
});
