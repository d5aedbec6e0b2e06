// bench/render.mjs, called by run.mjs.
//   import { renderMarkdown, runRenderBench } from './render.mjs';
//   const rendering = await runRenderBench(log);   …   renderMarkdown(rendering),
// ). Reading-view speed: render() on one core, and in Chromium (when installed) the time to open
// the page and to switch readings. Benchmarks, not tests: nothing here fails on a slow machine.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as teikit from '../dist/index.js';
import { time } from './time.mjs';

const MB = 1024 * 1024;
const CHROMIUM = '/usr/bin/chromium';

/** The Lenin letter with its body repeated: a real edition's markup density, at any size. */
function leninTimes(copies) {
  const xml = readFileSync(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url), 'utf8');
  const body = /<div type="letter">([\s\S]*?)<\/div>\s*<\/body>/.exec(xml)[1];
  return xml.replace(body, body.repeat(copies));
}

async function inChromium(files) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out = [];
  try {
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const t0 = performance.now();
      await page.goto(pathToFileURL(file).href, { timeout: 600_000 });
      const openMs = performance.now() - t0;
      const switches = [];
      for (const reading of ['diplomatic', 'corrected', 'diplomatic', 'corrected']) {
        // From the click to the second frame after it: the switch has been styled, laid out and painted.
        switches.push(
          await page.evaluate(
            (r) =>
              new Promise((done) => {
                const t = performance.now();
                document.querySelector(`button[data-reading="${r}"]`).click();
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t)));
              }),
            reading,
          ),
        );
      }
      out.push({ openMs, switchMs: Math.min(...switches), elements: await page.evaluate(() => document.getElementsByTagName('*').length) });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function runRenderBench(log, api = teikit) {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'teikit-render-bench-'));
  for (const copies of [1, 100, 300, 1000]) {
    const xml = leninTimes(copies);
    const { ms, result: html } = time(() => api.render(xml), copies >= 300 ? 1 : 3);
    const file = join(dir, `lenin-x${copies}.html`);
    writeFileSync(file, html);
    rows.push({ copies, xmlMb: Buffer.byteLength(xml) / MB, htmlMb: Buffer.byteLength(html) / MB, ms, file });
    log(`render: Lenin ×${copies}: ${ms.toFixed(0)} ms`);
  }
  let browser;
  if (existsSync(CHROMIUM)) {
    browser = await inChromium(rows.map((r) => r.file));
    browser.forEach((b, i) => log(`render: Lenin ×${rows[i].copies} in Chromium: open ${b.openMs.toFixed(0)} ms, switch ${b.switchMs.toFixed(0)} ms`));
  }
  return { rows, browser };
}

export function renderMarkdown({ rows, browser }) {
  const out = [];
  out.push('## Reading view (render)', '', 'The Lenin edition with its letter repeated. render() on one core, best of 3 (1 for the two largest); in headless Chromium, the time to open the page (to the load event) and the fastest of four reading switches (click to the second frame after it).', '');
  out.push('| copies | TEI MB | HTML MB | render ms | TEI MB/s | HTML elements | open ms | switch ms |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  rows.forEach((r, i) => {
    const b = browser?.[i];
    out.push(`| ${r.copies} | ${r.xmlMb.toFixed(2)} | ${r.htmlMb.toFixed(2)} | ${r.ms.toFixed(0)} | ${(r.xmlMb / (r.ms / 1000)).toFixed(1)} | ${b ? b.elements.toLocaleString('en') : '–'} | ${b ? b.openMs.toFixed(0) : '–'} | ${b ? b.switchMs.toFixed(0) : '–'} |`);
  });
  if (!browser) out.push('', `Chromium is not installed at ${CHROMIUM}: browser columns not measured.`);
  return out.join('\n');
}
