import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { readTei, type ReadOptions } from '../src/reader/index.js';
import { render } from '../src/render/index.js';
import { nestRanges, type MarkupRange } from '../src/render/nest-ranges.js';

/**
 * The reading view as an HTML string: escaping, completeness (every
 * intervention, every mention, every note) and, for TEI from other projects,
 * that each reading can be read back out of the page exactly. The browser
 * tests (render-browser.test.ts) check the same on the Lenin page as
 * Chromium shows it.
 */
const leninXml = readFileSync(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url), 'utf8');
const lenin = readTei(leninXml);
const leninHtml = render(leninXml);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/**
 * A reading as the page shows it, read from the HTML of the text: the other
 * reading's runs (class dip/corr) and tooltips (class tip) skipped, as CSS
 * hides them; each <p> a unit; units joined by a blank line, as readTei joins
 * them. Empty units are dropped: a unit with no text in this reading is an
 * empty <p>, which a browser does not show either.
 */
function readingFromHtml(html: string, reading: 'diplomatic' | 'corrected'): string {
  const start = html.indexOf('id="edition-text">') + 'id="edition-text">'.length;
  const end = html.indexOf('</div>\n</section>', start);
  const body = html.slice(start, end);
  const hidden = reading === 'diplomatic' ? 'corr' : 'dip';
  const units: string[] = [];
  let unit = '';
  const stack: boolean[] = []; // whether each open element hides its content
  for (const m of body.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, closing, name, attrs, chars] = m;
    if (chars !== undefined) {
      if (!stack.includes(true)) unit += decode(chars);
      continue;
    }
    if (name === 'br') continue;
    if (closing) {
      stack.pop();
      if (name === 'p') {
        if (unit !== '') units.push(unit);
        unit = '';
      }
      continue;
    }
    const cls = /class="([^"]*)"/.exec(attrs ?? '')?.[1]?.split(' ') ?? [];
    stack.push(cls.includes(hidden) || cls.includes('tip'));
  }
  return units.join('\n\n');
}

/** A link with a focusable mark inside it, which HTML forbids (and a keyboard user could not reach both). */
const LINK_HOLDING_FOCUSABLE = /<a [^>]*>(?:(?!<\/a>)[^])*?tabindex/;

const nonEmptyUnits = (s: string): string => s.split('\n\n').filter((u) => u !== '').join('\n\n');

describe('render()', () => {
  it('holds both readings of the Lenin edition exactly', () => {
    expect(readingFromHtml(leninHtml, 'diplomatic')).toBe(lenin.readings.diplomatic);
    expect(readingFromHtml(leninHtml, 'corrected')).toBe(lenin.readings.corrected);
  });

  it('is deterministic, and the committed page is the one the edition builds', () => {
    expect(render(leninXml)).toBe(leninHtml);
    expect(readFileSync(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.html', import.meta.url), 'utf8')).toBe(leninHtml);
  });

  it('lists every intervention in the apparatus, with both forms, who and how sure', () => {
    const items = [...leninHtml.matchAll(/<li id="app-(\d+)">([\s\S]*?)<\/li>/g)];
    expect(items.map((m) => Number(m[1]))).toEqual(lenin.apparatus.map((_, i) => i + 1));
    lenin.apparatus.forEach((entry, i) => {
      const item = decode(items[i]![2]!);
      if (entry.source !== '') expect(item).toContain(`“${entry.source}”`);
      if (entry.kind !== 'omission') expect(item).toContain(entry.edited === '' ? '(nothing)' : `“${entry.edited}”`);
      if (entry.cert) expect(item).toContain(`certainty ${entry.cert}`);
      if (entry.resp) expect(item).toContain('by The teikit developers');
      // and its place in the text is marked, with a tooltip
      const target = /href="#([^"]+)"/.exec(item)?.[1];
      expect(target, `apparatus entry ${i + 1} links to the text`).toBeDefined();
      expect(leninHtml).toContain(`id="${target}" tabindex="0" aria-describedby="tip-${target}"`);
    });
    expect(lenin.apparatus.filter((a) => a.kind === 'sic-corr')).toHaveLength(10);
  });

  it('marks every mention by kind, and the register links back to each', () => {
    const groups = [
      ['person', lenin.entities.people],
      ['org', lenin.entities.organisations],
      ['place', lenin.entities.places],
    ] as const;
    for (const [kind, entries] of groups) {
      entries.forEach((entry, k) => {
        const entryId = `reg-${kind}-${k + 1}`;
        const marks = [...leninHtml.matchAll(new RegExp(`<a class="name ${kind}" id="(m-\\d+)" href="#${entryId}"`, 'g'))].map((m) => m[1]);
        expect(marks, entry.id).toHaveLength(entry.mentions.length);
        const item = new RegExp(`<li id="${entryId}"[^>]*>([\\s\\S]*?)</li>`).exec(leninHtml)![1]!;
        expect(decode(item)).toContain(entry.name!);
        expect([...item.matchAll(/<a href="#(m-\d+)" class="mention">/g)].map((m) => m[1])).toEqual(marks);
      });
    }
    const names = lenin.entities.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Ilyich Lenin', 'Alexander Fyodorovich Kerensky', 'Lavr Georgiyevich Kornilov']));
  });

  it('shows dual dates in both calendars, notes numbered with their author, the header and the editorial policy', () => {
    expect(leninHtml).toContain('24 October 1917 (Julian: 1917-10-24)');
    expect(leninHtml).toContain('6 November 1917 (Gregorian: 1917-11-06)');
    expect(leninHtml).toMatch(/<a class="note-ref" id="noteref-1" href="#note-1" data-n="1" aria-label="Note 1 by Marvin Perry"><\/a>/);
    expect(leninHtml).toContain('<li id="note-3" value="3">');
    expect(leninHtml).toContain('<h1>Letter to the members of the Central Committee, 24 October (6 November) 1917</h1>');
    expect(leninHtml).toContain('<cite>Sources of the Western Tradition</cite>');
    expect(leninHtml).toContain('<dt>Correction</dt><dd><p>Errors of the source are corrected');
    expect(leninHtml).toContain('<a href="https://creativecommons.org/publicdomain/zero/1.0/">');
  });

  it('loads nothing: no external script, style, image or font, and a policy forbidding any', () => {
    expect(leninHtml).toContain(`content="default-src 'none';`);
    expect(leninHtml).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)=/);
    expect(leninHtml.match(/<script>/g)).toHaveLength(1);
    expect(leninHtml).not.toMatch(/url\(/);
  });

  it('escapes text and attributes from the TEI, and never links a javascript: URL', () => {
    const hostile = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>&lt;/title&gt;&lt;script&gt;alert("title")&lt;/script&gt;</title><editor xml:id="ed">Eve &amp; "Mallory" &lt;b&gt;</editor></titleStmt>
      <publicationStmt><availability><licence target="javascript:alert('licence')">Free</licence></availability></publicationStmt>
      <sourceDesc><p>x</p></sourceDesc></fileDesc>
      <encodingDesc><editorialDecl><correction><p>&lt;img src=x onerror=alert(1)&gt;</p></correction></editorialDecl></encodingDesc>
      <profileDesc><particDesc><listPerson><person xml:id="p1"><persName>&lt;i&gt;Mallory&lt;/i&gt;</persName><idno type="URI">javascript:alert('idno')</idno><idno type="wikidata">Q1" onclick="x</idno></person></listPerson></particDesc></profileDesc>
    </teiHeader><text><body>
      <p>Before &lt;script&gt;alert("text")&lt;/script&gt; after, <persName ref="#p1">Mal</persName> and <persName ref="javascript:alert('ref')">Trent</persName>
      <ref target="javascript:alert('ref2')">click</ref> <choice><sic>a&lt;b</sic><corr resp="#ed" cert="&quot;high">a&gt;b</corr></choice>
      <note n="&quot; onmouseover=&quot;alert(1)" resp="#ed">&lt;/span&gt;note</note></p>
    </body></text></TEI>`;
    const html = render(hostile);
    expect(html.match(/<script>/g)).toHaveLength(1); // the page's own
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>Mallory');
    expect(html).toContain('&lt;i&gt;Mallory&lt;/i&gt;');
    expect(html).not.toMatch(/href="\s*javascript:/i);
    // no tag the TEI could have smuggled an event handler or a broken-out attribute into
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;'.replace(/&quot;/g, '"'));
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert("title")&lt;/script&gt;</title>');
    expect(html).toContain('Eve &amp; "Mallory" &lt;b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // the javascript: URLs are shown as text, not followed
    expect(html).toContain("URI javascript:alert('idno')");
    expect(readingFromHtml(html, 'diplomatic')).toBe(readTei(hostile).readings.diplomatic);
    expect(readingFromHtml(html, 'corrected')).toBe(readTei(hostile).readings.corrected);
  });

  it('aligns readings the apparatus does not account for: deletions, additions, a paragraph only one reading has', () => {
    const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
      <text><body><p>My <del>dear</del> <add>dearest</add> friend, <subst><del>at</del><add>to</add></subst> you.</p><p><del>A whole paragraph struck out.</del></p>
      <p>Yours, <choice><abbr>Wm</abbr><expan>William</expan></choice><gap reason="illegible"/>.</p></body></text></TEI>`;
    const model = readTei(xml);
    const html = render(xml);
    expect(readingFromHtml(html, 'diplomatic')).toBe(model.readings.diplomatic);
    expect(nonEmptyUnits(readingFromHtml(html, 'corrected'))).toBe(nonEmptyUnits(model.readings.corrected));
    expect(html).toContain('class="iv iv-difference');
  });

  it('keeps focusable marks out of links: a name holding a date is linked beside it', () => {
    const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>
      <profileDesc><particDesc><listPerson><person xml:id="l"><persName>Lenin</persName></person></listPerson></particDesc></profileDesc></teiHeader>
      <text><body><p>Comrade <persName ref="#l"><choice><sic>Lenln</sic><corr>Lenin</corr></choice></persName> wrote on <persName ref="#l">Lenin <date when="1917-11-06">day</date></persName>.</p></body></text></TEI>`;
    const html = render(xml);
    expect(html).not.toMatch(LINK_HOLDING_FOCUSABLE);
    // the emendation over the whole name holds the link; the name around a date is a span with a link beside it
    expect(html).toContain('tabindex="0" aria-describedby="tip-iv-1"><a class="name person" id="m-1" href="#reg-person-1"');
    expect(html.match(/<span class="name person" id="m-\d+"/g)).toHaveLength(1);
    expect(html.match(/<a class="reg-link" href="#reg-person-1"/g)).toHaveLength(1);
    expect(readingFromHtml(html, 'corrected')).toBe('Comrade Lenin wrote on Lenin day.');
    expect(leninHtml).not.toMatch(LINK_HOLDING_FOCUSABLE);
  });

  it('states the editorial policy also where the header needs the whole document: entities, prefixes', () => {
    const decl = '<encodingDesc><editorialDecl><p>Kept as &pr;.</p><correction><p>None.</p></correction></editorialDecl></encodingDesc>';
    const withEntity = `<!DOCTYPE TEI [<!ENTITY pr "printed">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>${decl}</teiHeader><text><body><p>x</p></body></text></TEI>`;
    expect(render(withEntity)).toContain('<dt>Policy</dt><dd><p>Kept as printed.</p></dd><dt>Correction</dt><dd><p>None.</p></dd>');
    const prefixed = withEntity.replace(/<!DOCTYPE[^\]]*\]>/, '').replace('&pr;', 'printed').replace(/<(\/?)([a-zA-Z]+)/g, '<$1tei:$2').replace('xmlns=', 'xmlns:tei=');
    expect(render(prefixed)).toContain('<dt>Policy</dt><dd><p>Kept as printed.</p></dd><dt>Correction</dt><dd><p>None.</p></dd>');
    expect(render(withEntity.replace(decl, ''))).toContain('The document states no editorial policy.');
  });

  it('refuses an unknown reading, and input that is not TEI, as readTei does', () => {
    expect(() => render(leninXml, { reading: 'both' as 'corrected' })).toThrow(/reading must be/);
    expect(() => render('<html/>')).toThrow(/not-tei|not a TEI document/);
  });

  it('opens with the reading asked for', () => {
    expect(render(leninXml, { reading: 'diplomatic' })).toContain('<body class="reading-diplomatic">');
    expect(leninHtml).toContain('<body class="reading-corrected">');
    expect(render(leninXml, { reading: 'diplomatic' })).toContain('data-reading="diplomatic" aria-pressed="true"');
  });
});

describe('nestRanges', () => {
  it('closes and reopens crossing markup so the HTML nests, keeping the id on the first piece and extras on the last', () => {
    const mark = (start: number, end: number, tier: number, tag: string, id: string): MarkupRange => ({
      start,
      end,
      tier,
      open: (first) => `<${tag}${first ? ` id="${id}"` : ''}>`,
      close: (last) => `${last ? `<i>${id}</i>` : ''}</${tag}>`,
    });
    const runs = [
      { kind: 'both' as const, text: 'abcdef', start: 0, dip: 0, corr: 0 },
      { kind: 'sep' as const, text: '\n\n', start: 6, dip: 6, corr: 6 },
      { kind: 'both' as const, text: 'gh', start: 8, dip: 8, corr: 8 },
    ];
    const html = nestRanges(runs, 10, [mark(0, 6, 0, 'p', 'p1'), mark(8, 10, 0, 'p', 'p2'), mark(1, 4, 3, 'a', 'x'), mark(3, 9, 4, 'b', 'y')], [{ at: 5, html: '<hr>' }]);
    expect(html).toBe('<p id="p1">a<a id="x">bc<b id="y">d</b><i>x</i></a><b>e<hr>f</b><i>p1</i></p><p id="p2"><b>g<i>y</i></b>h<i>p2</i></p>');
  });
});

describe('render() on TEI from other projects (tests/reader-fixtures)', () => {
  const root = new URL('./reader-fixtures/', import.meta.url);
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  it.each(cases)('%s: both readings read back exactly, every intervention and note listed', (name) => {
    const dir = new URL(`${name}/`, root);
    const spec = existsSync(new URL('case.json', dir)) ? (JSON.parse(readFileSync(new URL('case.json', dir), 'utf8')) as { input?: string; options?: ReadOptions }) : {};
    const bytes = readFileSync(new URL(spec.input ?? 'input.xml', dir));
    const model = readTei(bytes, spec.options ?? {});
    const html = render(bytes, spec.options ?? {});
    for (const reading of ['diplomatic', 'corrected'] as const) {
      expect(nonEmptyUnits(readingFromHtml(html, reading)), reading).toBe(nonEmptyUnits(model.readings[reading]));
    }
    expect(html).not.toMatch(LINK_HOLDING_FOCUSABLE);
    expect([...html.matchAll(/<li id="app-\d+">/g)]).toHaveLength(model.apparatus.length);
    expect([...html.matchAll(/<li id="note-\d+"/g)]).toHaveLength(model.notes.length);
    const mentions = [...model.entities.people, ...model.entities.organisations, ...model.entities.places].reduce((n, e) => n + e.mentions.length, 0);
    expect([...html.matchAll(/class="mention"/g)].length).toBe(mentions + model.entities.unresolved.length);
  });
});

describe('render() on what encode writes', () => {
  it('reads back every reading of an encoded text with emendations, supplied words and regularisations', () => {
    const { xml } = encode('We must at costs attest the government to-day.\n\nWe must not wait!', {
      metadata: { editors: [{ id: 'ed', name: 'A. Editor' }] },
      emendations: [{ sic: 'attest', corr: 'arrest', cert: 'high', type: 'ocr' }],
      supplied: [{ text: 'all', context: 'at [] costs' }],
      regularisations: [{ orig: 'to-day', reg: 'today' }],
    });
    const html = render(xml);
    const model = readTei(xml);
    expect(readingFromHtml(html, 'diplomatic')).toBe(model.readings.diplomatic);
    expect(readingFromHtml(html, 'corrected')).toBe('We must at all costs arrest the government today.\n\nWe must not wait!');
    expect(html).toContain('class="iv iv-supplied no-dip"');
  });
});

/** Tags of the page in order; every close must match the last open (void elements have none). */
function nestingProblem(html: string): string | undefined {
  const stack: string[] = [];
  const body = html.slice(html.indexOf('<body'), html.indexOf('</body>') + '</body>'.length);
  for (const m of body.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    const [, closing, name] = m;
    if (['br', 'hr', 'meta', 'img', 'input', 'link'].includes(name!)) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) return `</${name}> closes <${stack.at(-1) ?? 'nothing'}> at ${m.index}`;
  }
  return stack.length === 0 ? undefined : `unclosed: ${stack.join(' ')}`;
}

describe('render() over generated TEI', () => {
  // Every kind of markup the reader gives meaning to, nested at random: interventions inside names inside
  // notes inside variants, deletions beside additions, gaps, line breaks; words with characters HTML escapes.
  const word = fc.constantFrom('we', 'must', 'Lenin', 'a&amp;b', '&lt;i&gt;x', '"q"', "it's", 'Петроград');
  const { inline } = fc.letrec<{ inline: string; seq: string }>((tie) => ({
    seq: fc.array(tie('inline'), { minLength: 1, maxLength: 4 }).chain((parts) => fc.constantFrom(' ', '').map((sep) => parts.join(sep))),
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      word,
      fc.constant('<lb/>'),
      fc.constant('<gap reason="illegible"/>'),
      fc.constant('<ellipsis><metamark>...</metamark></ellipsis>'),
      tie('seq').map((x) => `<hi>${x}</hi>`),
      fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => `<choice><sic>${a}</sic><corr resp="#ed" cert="high">${b}</corr></choice>`),
      fc.tuple(word, word).map(([a, b]) => `<choice><orig>${a}</orig><reg>${b}</reg></choice>`),
      tie('seq').map((x) => `<supplied reason="omitted">${x}</supplied>`),
      tie('seq').map((x) => `<del>${x}</del>`),
      tie('seq').map((x) => `<add>${x}</add>`),
      fc.tuple(word, word).map(([a, b]) => `<subst><del>${a}</del><add>${b}</add></subst>`),
      fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => `<app><lem wit="#A">${a}</lem><rdg wit="#B">${b}</rdg></app>`),
      tie('seq').map((x) => `<note place="foot" resp="#ed">${x}</note>`),
      tie('seq').map((x) => `<note place="inline">${x}</note>`),
      tie('seq').map((x) => `<persName ref="#p1">${x}</persName>`),
      word.map((x) => `<persName ref="#nobody">${x}</persName>`),
      tie('seq').map((x) => `<date when="1917-11-06" when-custom="1917-10-24" datingMethod="#julian">${x}</date>`),
    ),
  }));
  const documentXml = fc.array(inline, { minLength: 1, maxLength: 4 }).map(
    (ps) => `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title><editor xml:id="ed">Ed</editor></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>
      <profileDesc><particDesc><listPerson><person xml:id="p1"><persName>P</persName></person></listPerson></particDesc></profileDesc></teiHeader>
      <text><body>${ps.map((p) => `<p>${p}</p>`).join('')}</body></text></TEI>`,
  );

  it('holds each reading exactly, nests its HTML, keeps focus out of links and lists every intervention, note and name', () => {
    fc.assert(
      fc.property(documentXml, (xml) => {
        const model = readTei(xml);
        const html = render(xml);
        for (const reading of ['diplomatic', 'corrected'] as const) {
          expect(nonEmptyUnits(readingFromHtml(html, reading)), `${reading} of ${xml}`).toBe(nonEmptyUnits(model.readings[reading]));
        }
        expect(nestingProblem(html), xml).toBeUndefined();
        expect(html).not.toMatch(LINK_HOLDING_FOCUSABLE);
        expect([...html.matchAll(/<li id="app-\d+">/g)]).toHaveLength(model.apparatus.length);
        expect([...html.matchAll(/<li id="note-\d+"/g)]).toHaveLength(model.notes.length);
        const mentions = model.entities.people.reduce((n, e) => n + e.mentions.length, 0) + model.entities.unresolved.length;
        expect([...html.matchAll(/class="mention"/g)]).toHaveLength(mentions);
        // every id is unique
        const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
