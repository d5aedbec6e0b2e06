import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TeikitError } from '../src/index.js';
import { elementPath, readTei, type ReadOptions } from '../src/reader/index.js';

/**
 * readTei reads XML from strangers. Each hostile input below must end in a
 * clear TeikitError with a stable code (and line:col where there is a place),
 * or in a bounded, documented result; nothing may hang, exhaust memory,
 * overflow the stack, fetch anything, or reach into Object.prototype.
 */

const NS = 'http://www.tei-c.org/ns/1.0';
const doc = (body: string, prolog = ''): string => `${prolog}<TEI xmlns="${NS}"><text><body>${body}</body></text></TEI>`;

/** The first diagnostic of the TeikitError readTei throws (the test fails if it returns or throws anything else). */
function refusal(input: string | Uint8Array, options: ReadOptions = {}): { code: string; message: string; line?: number; column?: number; hint?: string } {
  try {
    readTei(input, options);
  } catch (err) {
    if (!(err instanceof TeikitError)) throw err;
    const d = err.diagnostics[0]!;
    return { code: d.code, message: d.message, ...(d.place && { line: d.place.line, column: d.place.column }), ...(d.hint !== undefined && { hint: d.hint }) };
  }
  throw new Error('readTei accepted the input');
}

describe('entity expansion is bounded', () => {
  const laughs = (levels: number, fanout: number, base = 'lol'): string => {
    const decls = [`<!ENTITY l0 "${base}">`];
    for (let i = 1; i <= levels; i++) decls.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(fanout)}">`);
    return `<!DOCTYPE TEI [\n${decls.join('\n')}\n]>\n`;
  };

  it('refuses the billion laughs before building any of it', () => {
    // 10^9 × "lol": 3 GB of text if expanded.
    const xml = doc(`<p>&l9;</p>`, laughs(9, 10));
    expect(refusal(xml)).toMatchObject({ code: 'xml-entity-limit', line: 13, column: expect.any(Number), message: expect.stringContaining('more than 1,000,000 characters') });
  });

  it('refuses laughs made of empty entities too: expanding references costs even when they produce nothing', () => {
    expect(refusal(doc('<p>&l9;</p>', laughs(9, 10, '')))).toMatchObject({ code: 'xml-entity-limit' });
  });

  it('refuses the quadratic blowup: one large entity referenced many times', () => {
    // 1 MB of input that would expand to 2.5 GB.
    const xml = doc(`<p>${'&big;'.repeat(25_000)}</p>`, `<!DOCTYPE TEI [<!ENTITY big "${'x'.repeat(100_000)}">]>`);
    const r = refusal(xml);
    expect(r).toMatchObject({ code: 'xml-entity-limit', line: 1 });
    // The budget ran out at the eleventh reference: the position says which.
    const firstRef = xml.indexOf('&big;');
    expect(r.column).toBe(firstRef + 10 * '&big;'.length + 1);
  });

  it('expands entities within the budget, and takes a larger budget when asked', () => {
    const xml = doc('<p>&imprint; &mdash; &l2;</p>', '<!DOCTYPE TEI [<!ENTITY mdash "&#x2014;"><!ENTITY pub "The Press"><!ENTITY imprint "&pub;, Glasgow"><!ENTITY l0 "ab"><!ENTITY l1 "&l0;&l0;"><!ENTITY l2 "&l1;&l1;">]>');
    expect(readTei(xml).readings.diplomatic).toBe('The Press, Glasgow — abababab');
    const big = doc(`<p>${'&e;'.repeat(20)}</p>`, `<!DOCTYPE TEI [<!ENTITY e "${'y'.repeat(100_000)}">]>`);
    expect(refusal(big).code).toBe('xml-entity-limit');
    expect(readTei(big, { maxEntityExpansion: 3_000_000 }).readings.diplomatic).toHaveLength(2_000_000);
  });

  it('refuses recursive entities, entities holding markup, and unparsed entities in text', () => {
    expect(refusal(doc('<p>&a;</p>', '<!DOCTYPE TEI [<!ENTITY a "x&b;"><!ENTITY b "&a;">]>'))).toMatchObject({ code: 'xml-entity-recursion', message: expect.stringContaining('&a; → &b; → &a;') });
    expect(refusal(doc('<p>&m;</p>', '<!DOCTYPE TEI [<!ENTITY m "<hi>x</hi>">]>'))).toMatchObject({ code: 'xml-entity-markup' });
    expect(refusal(doc('<p>&img;</p>', '<!DOCTYPE TEI [<!NOTATION png SYSTEM "image/png"><!ENTITY img SYSTEM "a.png" NDATA png>]>'))).toMatchObject({ code: 'xml-unparsed-entity' });
  });

  it('counts the five predefined entities and character references as free: a large document full of them reads', () => {
    const xml = doc(`<p>${'&amp;&lt;&#x2014;&#8212;'.repeat(300_000)}</p>`);
    expect(readTei(xml).readings.diplomatic).toHaveLength(1_200_000);
  });
});

describe('nothing outside the document is read', () => {
  it('never fetches an external DTD, external entity or parameter entity, and refuses a reference to an external entity', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY leaked "leaked">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dtdOnly = doc('<p>Text.</p>', `<!DOCTYPE TEI SYSTEM "${base}/tei.dtd" [<!ENTITY % ext SYSTEM "${base}/ext.dtd"> %ext;]>`);
      const r = readTei(dtdOnly);
      expect(r.readings.diplomatic).toBe('Text.');
      expect(r.diagnostics.map((d) => d.code)).toEqual(['external-dtd-not-read', 'parameter-entity-not-read']);
      expect(refusal(doc('<p>&xxe;</p>', `<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "${base}/secret">]>`))).toMatchObject({ code: 'xml-external-entity' });
      expect(refusal(doc('<p>&passwd;</p>', '<!DOCTYPE TEI [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>'))).toMatchObject({
        code: 'xml-external-entity',
        message: expect.stringContaining('never fetches'),
      });
      // An entity the external DTD would declare is undeclared here, and the hint says why.
      expect(refusal(doc('<p>&leaked;</p>', `<!DOCTYPE TEI SYSTEM "${base}/tei.dtd">`))).toMatchObject({ code: 'xml-undefined-entity', hint: expect.stringContaining('never reads') });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('has no way to: the reader imports no Node module and calls no network or file API', () => {
    const dir = new URL('../src/reader/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const source = readFileSync(new URL(f, dir), 'utf8');
      expect(source, f).not.toMatch(/from ['"]node:|require\(|\bfetch\(|XMLHttpRequest|import\(/);
    }
  });
});

describe('names that are Object.prototype property names come through as data', () => {
  it('reads __proto__, constructor and prototype as element, attribute, id, prefix and entity names without touching Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const xml = doc(
      '<p __proto__="a" constructor="b" prototype="c" hasOwnProperty="d" toString="e"><__proto__ polluted="yes">one</__proto__> <constructor>two</constructor> <prototype>three</prototype> ' +
        '<persName ref="#__proto__">&__proto__;</persName> <p:x xmlns:__proto__="urn:p" xmlns:p="urn:q" __proto__:polluted="yes">four</p:x></p>',
      '<!DOCTYPE TEI [<!ENTITY __proto__ "Proto">]>',
    ).replace('<text>', `<standOff><listPerson><person xml:id="__proto__"><persName>Mr Proto</persName></person></listPerson></standOff><text>`);
    const r = readTei(xml);
    expect(r.readings.diplomatic).toBe('one two three Proto four');
    expect(r.entities.people).toMatchObject([{ id: '__proto__', name: 'Mr Proto', mentions: [{ text: 'Proto', ref: '#__proto__' }] }]);
    expect(r.diagnostics.map((d) => d.message.split(' ')[0])).toEqual(['<__proto__>', '<constructor>', '<prototype>', '<p:x>']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.entities.people[0])).toBe(Object.prototype);
    // An undeclared &constructor; is an error, not Object's constructor.
    expect(refusal(doc('<p>&constructor;</p>')).code).toBe('xml-undefined-entity');
  });
});

describe('depth is bounded, and deep documents never overflow the stack', () => {
  const deep = (n: number, name = 'hi'): string => doc(`<p>${`<${name}>`.repeat(n)}deep${`</${name}>`.repeat(n)}</p>`);

  it('refuses nesting 100,000 deep with xml-too-deep and the place where the limit was passed', () => {
    const xml = deep(100_000);
    const r = refusal(xml);
    expect(r.code).toBe('xml-too-deep');
    expect(r.message).toContain('maxDepth (1,000)');
    // TEI, text, body and p are four levels: the limit is passed at the 997th hi.
    expect(r).toMatchObject({ line: 1, column: xml.indexOf('<hi>') + 996 * 4 + 1 });
  });

  it('reads 100,000 levels when maxDepth allows it: parse and walk are iterative', () => {
    const r = readTei(deep(100_000), { maxDepth: Infinity });
    expect(r.readings.diplomatic).toBe('deep');
    // '' + TEI, text, body, p + 100,000 hi; the table holds each element once, not a path per element.
    expect(elementPath(r.readings, 0).split('/').length).toBe(100_005);
    expect(r.readings.elements).toHaveLength(100_004);
    const blocks = readTei(doc(`${'<div>'.repeat(100_000)}<p>in</p>${'</div>'.repeat(100_000)}`), { maxDepth: 200_000 });
    expect(blocks.readings.corrected).toBe('in');
  });
});

describe('attribute length is bounded', () => {
  it('refuses a 100 MB attribute before copying it, naming the attribute and its place', () => {
    const xml = `<TEI xmlns="${NS}">\n  <text rend="${'x'.repeat(100 * 1024 * 1024)}"><body><p>x</p></body></text></TEI>`;
    expect(refusal(xml)).toEqual({
      code: 'xml-attribute-too-long',
      message: 'attribute rend of <text> is 104,857,600 characters long, more than maxAttributeLength (100,000)',
      line: 2,
      column: 9,
    });
  });

  it('takes a longer limit when asked, and bounds values that entities make long', () => {
    const long = `<TEI xmlns="${NS}"><text n="${'y'.repeat(200_000)}"><body><p>x</p></body></text></TEI>`;
    expect(readTei(long, { maxAttributeLength: 300_000 }).readings.diplomatic).toBe('x');
    const expanded = doc('<p n="&e;&e;&e;">x</p>', `<!DOCTYPE TEI [<!ENTITY e "${'z'.repeat(40_000)}">]>`);
    expect(refusal(expanded).code).toBe('xml-attribute-too-long');
  });
});

describe('bytes, and what is not XML', () => {
  it('refuses invalid UTF-8 with the line and column of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(`<TEI xmlns="${NS}"><text><body>\n<p>caf`), Buffer.from([0xc3, 0x28]), Buffer.from('</p></body></text></TEI>')]);
    expect(refusal(bytes)).toMatchObject({ code: 'invalid-utf8', line: 2, column: 7, hint: 'save the file as UTF-8' });
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one, and refuses bytes declared in another encoding', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>${doc('<p>Grüße</p>')}`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(readTei(utf16).readings.diplomatic).toBe('Grüße');
    expect(readTei(Buffer.from(`\uFEFF${doc('<p>Grüße</p>')}`)).readings.diplomatic).toBe('Grüße');
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${doc('<p>caf\u00e9</p>')}`, 'latin1');
    expect(refusal(latin1).code).toBe('invalid-utf8');
    const ascii = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${doc('<p>cafe</p>')}`, 'latin1');
    expect(refusal(ascii)).toMatchObject({ code: 'unsupported-encoding', line: 1, column: 1 });
    // A string is already decoded: its declaration is not checked.
    expect(readTei(`<?xml version="1.0" encoding="ISO-8859-1"?>${doc('<p>café</p>')}`).readings.diplomatic).toBe('café');
  });

  it('refuses an empty file and a file of white space', () => {
    expect(refusal('')).toMatchObject({ code: 'empty-xml', line: 1, column: 1 });
    expect(refusal(new Uint8Array())).toMatchObject({ code: 'empty-xml' });
    expect(refusal(' \n\t\r\n')).toMatchObject({ code: 'empty-xml' });
  });

  it('refuses a file that is not XML, saying what it starts with', () => {
    expect(refusal('V. I. Lenin\n(Perry 326)\n')).toMatchObject({ code: 'not-xml', line: 1, column: 1, message: expect.stringContaining('"V. I. Lenin\\n(Perry 3"') });
    expect(refusal('\n\n  {"title": "x"}')).toMatchObject({ code: 'not-xml', line: 3, column: 3 });
    expect(refusal(Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n'))).toMatchObject({ code: 'not-xml' });
  });
});

describe('well-formedness errors have a stable code and the place of the fault', () => {
  // [what, xml, code, where: the text the error must point at (its first occurrence)]
  const cases: [string, string, string, string][] = [
    ['mismatched end tag', `<TEI xmlns="${NS}"><text>\n  <body></text></TEI>`, 'xml-mismatched-tag', '</text>'],
    ['unclosed element', `<TEI xmlns="${NS}"><text>\n<body>`, 'xml-unclosed-element', '<body>'],
    ['end tag without start', `<TEI xmlns="${NS}"></p></TEI>`, 'xml-mismatched-tag', '</p>'],
    ['unclosed comment', `<TEI xmlns="${NS}"><!-- never closed </TEI>`, 'xml-unterminated', '<!--'],
    ['"--" in a comment', `<TEI xmlns="${NS}"><!-- a -- b --></TEI>`, 'xml-bad-comment', '-- b'],
    ['unquoted attribute', `<TEI xmlns="${NS}"><text n=1/></TEI>`, 'xml-bad-attribute', '1/>'],
    ['attribute without value', `<TEI xmlns="${NS}"><text n/></TEI>`, 'xml-bad-attribute', 'n/>'],
    ['duplicate attribute', `<TEI xmlns="${NS}"><text n="1" n="2"/></TEI>`, 'xml-duplicate-attribute', 'n="2"'],
    ['"<" in an attribute', `<TEI xmlns="${NS}"><text n="a<b"/></TEI>`, 'xml-bad-attribute', '<b"'],
    ['undeclared entity', `<TEI xmlns="${NS}">\n<p>a&nbsp;b</p></TEI>`, 'xml-undefined-entity', '&nbsp;'],
    ['bare ampersand', `<TEI xmlns="${NS}"><p>Fish & chips</p></TEI>`, 'xml-bad-reference', '& chips'],
    ['reference to a forbidden character', `<TEI xmlns="${NS}"><p>&#0;</p></TEI>`, 'xml-bad-char-ref', '&#0;'],
    ['forbidden character', `<TEI xmlns="${NS}">\n<p>a\u0001b</p></TEI>`, 'forbidden-char', '\u0001'],
    ['"]]>" in text', `<TEI xmlns="${NS}"><p>a]]>b</p></TEI>`, 'xml-syntax', ']]>'],
    ['second root', `<TEI xmlns="${NS}"/>\n<TEI xmlns="${NS}"/>`, 'xml-multiple-roots', '\n<TEI'],
    ['text after the root', `<TEI xmlns="${NS}"/>\nmore`, 'xml-content-after-root', 'more'],
    ['unbound prefix', `<TEI xmlns="${NS}"><tei:p/></TEI>`, 'xml-unbound-prefix', 'tei:p'],
    ['DOCTYPE after the root', `<TEI xmlns="${NS}"/><!DOCTYPE TEI>`, 'xml-misplaced-doctype', '<!DOCTYPE'],
    ['XML declaration not first', `\n<?xml version="1.0"?><TEI xmlns="${NS}"/>`, 'xml-bad-declaration', '<?xml'],
    ['malformed XML declaration', `<?xml version="2"?><TEI xmlns="${NS}"/>`, 'xml-bad-declaration', '<?xml'],
    ['invalid element name', `<TEI xmlns="${NS}"><1p/></TEI>`, 'xml-bad-name', '1p'],
    ['unclosed start tag', `<TEI xmlns="${NS}"><p n="1"`, 'xml-unterminated', '<p n'],
    ['unclosed CDATA section', `<TEI xmlns="${NS}"><p><![CDATA[x</p></TEI>`, 'xml-unterminated', '<![CDATA['],
    ['malformed DOCTYPE', `<!DOCTYPE TEI [<!FOO>]><TEI xmlns="${NS}"/>`, 'xml-bad-doctype', '<!FOO'],
  ];
  it.each(cases)('%s', (_what, xml, code, where) => {
    // Where the marked text starts; '\n<TEI' marks the start of the next line.
    const offset = xml.indexOf(where) + (where.startsWith('\n') ? 1 : 0);
    const before = xml.slice(0, offset).split('\n');
    expect(refusal(xml)).toMatchObject({ code, line: before.length, column: before[before.length - 1]!.length + 1 });
  });

  it('accepts what XML allows: CDATA, comments, processing instructions, a DOCTYPE with declarations, either quote', () => {
    const xml = `<?xml version='1.0' encoding='utf-8'?>\n<!-- c --><?pi x?><!DOCTYPE TEI [<!ELEMENT TEI ANY><!ATTLIST TEI a CDATA "x>y"><!-- c --><?pi?>]>\n<TEI xmlns='${NS}'><text><body><p>a<![CDATA[<b> & ]]>c<!-- x --><?pi?>d</p></body></text></TEI><!-- after -->\n`;
    expect(readTei(xml).readings.diplomatic).toBe('a<b> & cd');
  });
});

describe('whatever the input, readTei returns a model or throws a TeikitError', () => {
  const valid = doc(
    '<p>The <choice><sic>he</sic><corr>be</corr></choice> <persName ref="#x">Lenin</persName> <note place="foot">n</note><app><lem>a</lem><rdg>b</rdg></app>&amp;<lb/>x</p>',
    '<!DOCTYPE TEI [<!ENTITY e "v">]>',
  );

  it('on random edits of a valid document (a few hundred runs)', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(12), fc.constantFrom('delete', 'insert', 'replace'), fc.string({ maxLength: 4 }).map((s) => s + ['<', '>', '&', '"', '/', '!', '?', ';', '#', ']'][s.length % 10]!));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let xml = valid;
        for (const [pos, len, op, text] of edits) {
          const i = pos % (xml.length + 1);
          xml = op === 'delete' ? xml.slice(0, i) + xml.slice(i + len) : op === 'insert' ? xml.slice(0, i) + text + xml.slice(i) : xml.slice(0, i) + text + xml.slice(i + len);
        }
        try {
          const r = readTei(xml);
          expect(typeof r.readings.diplomatic).toBe('string');
        } catch (err) {
          if (!(err instanceof TeikitError)) throw new Error(`readTei threw ${String(err)} on ${JSON.stringify(xml)}`);
          const d = err.diagnostics[0]!;
          expect(d.code).toMatch(/^[a-z0-9-]+$/);
          if (d.place) expect(d.place.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          readTei(bytes);
        } catch (err) {
          if (!(err instanceof TeikitError)) throw new Error(`readTei threw ${String(err)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
