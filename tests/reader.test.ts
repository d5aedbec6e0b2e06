import { describe, expect, it } from 'vitest';
import * as reader from '../src/reader/index.js';
import { elementAt, readTei, type ReadOptions, type ReadResult } from '../src/reader/index.js';

/**
 * readTei, feature by feature, on small documents written the way TEI
 * projects write them. Fixtures of whole documents are in
 * tests/reader-fixtures; hostile input in reader-security.test.ts; round
 * trips through the encoder in reader-roundtrip.test.ts.
 */

const NS = 'http://www.tei-c.org/ns/1.0';

/** A TEI document around a body (and, when given, the inside of a teiHeader and a standOff). */
function tei(body: string, header = '', standOff = ''): string {
  return `<TEI xmlns="${NS}"><teiHeader>${header || '<fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>'}</teiHeader>${standOff}<text><body>${body}</body></text></TEI>`;
}

function read(body: string, options: ReadOptions = {}): ReadResult {
  return readTei(tei(body), options);
}

const dip = (body: string, options: ReadOptions = {}): string => read(body, options).readings.diplomatic;
const corr = (body: string, options: ReadOptions = {}): string => read(body, options).readings.corrected;
const codes = (r: ReadResult): string[] => r.diagnostics.map((d) => d.code);

describe('the reader API', () => {
  it('exports readTei, elementAt and elementPath (and types only)', () => {
    expect(Object.keys(reader).sort()).toEqual(['elementAt', 'elementPath', 'readTei']);
  });
});

describe('readings: units and white space', () => {
  it('joins runs of white space across elements into one space and trims each unit', () => {
    expect(dip('<p>\n   The   <hi>bourgeois</hi>\n\tonslaught <hi> of </hi>the  <persName>Kornilovites</persName> \n</p>')).toBe(
      'The bourgeois onslaught of the Kornilovites',
    );
  });

  it('separates units (paragraphs, heads, list items, cells) by one blank line, and never puts a blank line inside one', () => {
    const r = read('<div><head>Title</head><p>One.</p><list><item>a</item><item>b</item></list><table><row><cell>c1</cell><cell>c2</cell></row></table></div><p>Two.</p>');
    expect(r.readings.diplomatic).toBe('Title\n\nOne.\n\na\n\nb\n\nc1\n\nc2\n\nTwo.');
  });

  it('reads text standing directly in a division (a bibl, a quote, loose text) as a unit of its own', () => {
    expect(dip('<div><bibl>(Perry 326)</bibl><p>Text <bibl>(inline)</bibl> goes on.</p>Loose text.<quote>A quotation.</quote></div>')).toBe(
      '(Perry 326)\n\nText (inline) goes on.\n\nLoose text.\n\nA quotation.',
    );
  });

  it('splits a paragraph around a block inside it (a list in a p)', () => {
    expect(dip('<p>Before <list><item>one</item></list> after.</p>')).toBe('Before\n\none\n\nafter.');
  });

  it('reads front, body and back, every text of a group, in document order', () => {
    const xml = `<TEI xmlns="${NS}"><text><front><titlePage><docTitle><titlePart>Title</titlePart></docTitle><byline>By <docAuthor>Ann</docAuthor></byline></titlePage></front><body><p>Body.</p></body><back><div><p>Back.</p></div></back></text></TEI>`;
    expect(readTei(xml).readings.diplomatic).toBe('Title\n\nBy Ann\n\nBody.\n\nBack.');
    const group = `<TEI xmlns="${NS}"><text><group><text><body><p>First.</p></body></text><text><body><p>Second.</p></body></text></group></text></TEI>`;
    expect(readTei(group).readings.diplomatic).toBe('First.\n\nSecond.');
  });

  it('reads a stanza as one unit with one line per l', () => {
    expect(dip('<lg><l>Whan that Aprille</l>\n<l>with his shoures soote</l></lg><lg><l>The droghte</l></lg>')).toBe('Whan that Aprille\nwith his shoures soote\n\nThe droghte');
    expect(dip('<lg><l>one</l><l>two</l></lg>', { lineBreaks: 'join' })).toBe('one two');
  });

  it('keeps white space inside xml:space="preserve", except that a blank line becomes one line break', () => {
    expect(dip('<ab xml:space="preserve">  a    b\n\n\n    c  </ab><p>x   y</p>')).toBe('a    b\n    c\n\nx y');
  });

  it('treats white space from character references as white space', () => {
    expect(dip('<p>a&#13;b&#x9;&#10; c</p>')).toBe('a b c');
  });

  it('keeps no-break and other Unicode spaces as text', () => {
    expect(dip('<p>\u00A0a\u2009b\u00A0</p>')).toBe('\u00A0a\u2009b\u00A0');
  });
});

describe('readings: line, page and column breaks', () => {
  const body = '<p>revolu-<lb break="no"/>tion and\n<lb/> the <pb n="2"/>people <lb/>of all</p>';

  it('reads lb as a line break by default, swallowing the white space around it', () => {
    expect(dip(body)).toBe('revolu-\ntion and\nthe people\nof all');
  });

  it('joins lines with a space, or with nothing at break="no", with lineBreaks "join"', () => {
    expect(dip(body, { lineBreaks: 'join' })).toBe('revolu-tion and the people of all');
    expect(dip('<p>Ma-\n  <lb break="no"/>\n  ieſtie</p>', { lineBreaks: 'join' })).toBe('Ma-ieſtie');
  });

  it('drops an lb at the start of a unit, as diplomatic transcriptions put one before every line', () => {
    expect(dip('<p><lb n="1"/>First line\n<lb n="2"/>second line</p>')).toBe('First line\nsecond line');
  });

  it('adds nothing for pb, cb and milestone, but joins a word broken across them with break="no"', () => {
    expect(dip('<p>a <pb n="1"/>b<cb n="2"/> c <milestone unit="section"/>d com-<pb n="3" break="no"/>\n  monly</p>')).toBe('a b c d com-monly');
  });
});

describe('readings: the source and the editor', () => {
  it('reads sic, orig and abbr in the diplomatic reading, corr, reg and expan in the corrected one', () => {
    const body = '<p>We <choice><sic>attest</sic><corr>arrest</corr></choice> the <choice><orig>goverment</orig><reg>government</reg></choice> of <choice><abbr>Wm</abbr><expan>William</expan></choice>.</p>';
    expect(dip(body)).toBe('We attest the goverment of Wm.');
    expect(corr(body)).toBe('We arrest the government of William.');
  });

  it('ignores the white space between the children of a choice', () => {
    const body = '<p>power<choice>\n  <sic>he</sic>\n  <corr>be</corr>\n</choice>left</p>';
    expect(dip(body)).toBe('powerheleft');
    expect(corr(body)).toBe('powerbeleft');
  });

  it('reads am in the diplomatic reading only, ex in the corrected one only, and a bare expan with ex in both', () => {
    const body = '<p><choice><abbr>D<am>ns</am></abbr><expan>D<ex>omi</ex>n<ex>u</ex>s</expan></choice> and <expan>D<ex>omi</ex>n<ex>u</ex>s</expan></p>';
    expect(dip(body)).toBe('Dns and Dns');
    expect(corr(body)).toBe('Dominus and Dominus');
  });

  it('takes the best-certified correction of several, and keeps the others as alternatives', () => {
    const r = read('<p><choice><sic>lnow</sic><corr cert="low">know</corr><corr cert="high">snow</corr><corr>show</corr></choice></p>');
    expect(r.readings.corrected).toBe('snow');
    expect(r.apparatus[0]).toMatchObject({ kind: 'sic-corr', source: 'lnow', edited: 'snow', cert: 'high' });
    expect(r.apparatus[0]!.alternatives!.map((a) => [a.text, a.cert])).toEqual([
      ['know', 'low'],
      ['show', undefined],
    ]);
    // Without @cert a correction counts as medium: it beats low, loses to high, and ties go to the first.
    expect(corr('<p><choice><sic>x</sic><corr cert="low">a</corr><corr>b</corr><corr cert="medium">c</corr></choice></p>')).toBe('b');
  });

  it('reads a choice of alternatives (two unclear readings) as its best-certified one in both readings', () => {
    const r = read('<p>the <choice><unclear cert="low">rain</unclear><unclear cert="high">ruin</unclear></choice></p>');
    expect(r.readings.diplomatic).toBe('the ruin');
    expect(r.readings.corrected).toBe('the ruin');
    expect(r.apparatus[0]).toMatchObject({ kind: 'variant', element: 'choice', alternatives: [{ text: 'rain', element: 'unclear', cert: 'low' }] });
  });

  it('reads nested choices, each as its own intervention', () => {
    const body = '<p><choice><sic>y<hi>e</hi></sic><corr><choice><abbr>ye</abbr><expan>the</expan></choice></corr></choice></p>';
    const r = read(body);
    expect(r.readings.diplomatic).toBe('ye');
    expect(r.readings.corrected).toBe('the');
    expect(r.apparatus.map((a) => [a.kind, a.source, a.edited])).toEqual([
      ['sic-corr', 'ye', 'the'],
      ['abbr-expan', '', 'the'],
    ]);
  });

  it('reads a lone sic in both readings, a lone corr or supplied in the corrected reading only', () => {
    const body = '<p>the <sic>teh</sic> cat <corr>sat</corr> on <supplied reason="omitted">the</supplied> mat</p>';
    expect(dip(body)).toBe('the teh cat on mat');
    expect(corr(body)).toBe('the teh cat sat on the mat');
    expect(read(body).apparatus.map((a) => [a.kind, a.element, a.source, a.edited])).toEqual([
      ['sic-corr', 'sic', 'teh', 'teh'],
      ['sic-corr', 'corr', '', 'sat'],
      ['supplied', 'supplied', '', 'the'],
    ]);
  });

  it('reads deletions in the diplomatic reading only, additions in both, restored deletions in both', () => {
    const body = '<p>I <del>hasten</del> <add>write</add> <subst><del>at</del><add>to</add></subst> once, <restore><del>truly</del></restore> <surplus>the</surplus> yours</p>';
    expect(dip(body)).toBe('I hasten write atto once, truly the yours');
    expect(corr(body)).toBe('I write to once, truly yours');
  });

  it('leaves out of the corrected reading what a delSpan deletes up to its anchor', () => {
    const body = '<p>Kept <delSpan spanTo="#a1"/>struck</p><p>out<anchor xml:id="a1"/> kept again.</p>';
    expect(dip(body)).toBe('Kept struck\n\nout kept again.');
    expect(corr(body)).toBe('Kept\n\nkept again.');
  });

  it('reads a gap as the placeholder, in both readings, and describes it in the apparatus', () => {
    const r = read('<p>not <gap reason="illegible" quantity="2" unit="word"/> the</p>');
    expect(r.readings.diplomatic).toBe('not […] the');
    expect(r.readings.corrected).toBe('not […] the');
    expect(r.apparatus[0]).toMatchObject({ kind: 'omission', element: 'gap', reason: 'illegible', source: '[…]' });
    expect(dip('<p>a<gap/>b</p>', { gapPlaceholder: '[...]' })).toBe('a[...]b');
  });

  it('keeps unclear, damage, hi, w, seg, foreign, q, quote, said, name and rs as running text', () => {
    const body = '<p><unclear>a</unclear> <damage>b</damage> <hi rend="i">c</hi> <w>d</w> <seg>e</seg> <foreign xml:lang="la">f</foreign> <q>g</q> <quote>h</quote> <said>i</said> <name>j</name> <rs>k</rs></p>';
    expect(dip(body)).toBe('a b c d e f g h i j k');
  });
});

describe('readings: notes', () => {
  it('restores the brackets of a gloss note (rend="brackets") in both readings', () => {
    const r = read('<p>the Committee <note type="gloss" place="inline" resp="#perry" rend="brackets">a Bolshevik organization</note> do it</p>');
    expect(r.readings.diplomatic).toBe('the Committee [a Bolshevik organization] do it');
    expect(r.notes[0]).toMatchObject({ type: 'gloss', resp: '#perry', inline: true, text: 'a Bolshevik organization', offsets: { diplomatic: [14, 40] } });
  });

  it('keeps a footnote out of both readings, anchored where it stands, with its text in notes', () => {
    const r = read('<p>Part the first.<note place="foot" n="1">A <hi>footnote</hi>.</note> More.</p>');
    expect(r.readings.diplomatic).toBe('Part the first. More.');
    expect(r.notes).toEqual([
      { place: 'foot', n: '1', inline: false, text: 'A footnote.', offsets: { diplomatic: [15, 15], corrected: [15, 15] }, position: expect.any(Object) },
    ]);
  });

  it('files what stands in a footnote under the note, at its anchor', () => {
    const r = read('<p>Text<note place="foot"><choice><sic>teh</sic><corr>the</corr></choice> <date when="1917-11-06">6 Nov.</date></note> on.</p>');
    expect(r.apparatus[0]).toMatchObject({ source: 'teh', edited: 'the', note: 0, offsets: { diplomatic: [4, 4], corrected: [4, 4] } });
    expect(r.dates[0]).toMatchObject({ text: '6 Nov.', when: '1917-11-06', note: 0, offsets: { diplomatic: [4, 4] } });
    expect(r.notes[0]!.text).toBe('teh 6 Nov.');
  });
});

describe('readings: the critical apparatus', () => {
  const body =
    '<l>The <app><lem wit="#A #B">miller</lem><rdg wit="#C">mylner</rdg></app> was <app><lem wit="#A #C">a stout</lem><rdg wit="#B"/></app> carl; <app><rdg wit="#A">ful</rdg><rdg wit="#B">full</rdg></app></l>';

  it('reads the lemma by default, and records the other readings with their witnesses', () => {
    const r = read(body);
    expect(r.readings.diplomatic).toBe('The miller was a stout carl; ful');
    expect(r.apparatus[0]).toMatchObject({ kind: 'variant', element: 'app', source: 'miller', wit: ['#A', '#B'], alternatives: [{ text: 'mylner', element: 'rdg', wit: ['#C'] }] });
    expect(codes(r)).toContain('app-without-lemma');
  });

  it('reads one witness throughout with the witness option, the lemma where it has no reading', () => {
    expect(dip(body, { witness: 'B' })).toBe('The miller was carl; full');
    const c = read(body, { witness: '#C' });
    expect(c.readings.diplomatic).toBe('The mylner was a stout carl; ful');
    expect(c.diagnostics.find((d) => d.code === 'witness-not-in-app')).toMatchObject({ severity: 'info' });
  });

  it('reads readings inside a rdgGrp', () => {
    const g = '<p>Ful <app><lem wit="#A">byg</lem><rdgGrp type="orthographic"><rdg wit="#B">big</rdg><rdg wit="#C">bigge</rdg></rdgGrp></app> he was</p>';
    expect(dip(g, { witness: 'C' })).toBe('Ful bigge he was');
    expect(read(g).apparatus[0]!.alternatives!.map((a) => a.text)).toEqual(['big', 'bigge']);
  });

  it('warns when the witness asked for is not in the listWit', () => {
    const header =
      '<fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><listWit><witness xml:id="A">MS A</witness></listWit></sourceDesc></fileDesc>';
    const r = readTei(tei('<p><app><lem wit="#A">a</lem></app></p>', header), { witness: 'Z' });
    expect(codes(r)).toContain('unknown-witness');
    expect(r.metadata.witnesses).toEqual([{ id: 'A', text: 'MS A' }]);
  });
});

describe('entities', () => {
  const standOff =
    '<standOff><listPerson><person xml:id="lenin"><persName>Vladimir Ilyich Lenin</persName><idno type="wikidata">Q1394</idno><note>Author.</note></person></listPerson>' +
    '<listOrg><org xml:id="rmc"><orgName>Military Revolutionary Committee</orgName></org></listOrg><listPlace><place xml:id="petrograd"><placeName>Petrograd</placeName></place></listPlace></standOff>';

  it('reads the register with every mention, in both readings', () => {
    const r = readTei(tei('<p><persName ref="#lenin">Lenin</persName> and the <orgName ref="#rmc">Committee</orgName> in <placeName ref="#petrograd">Petrograd</placeName>.</p>', '', standOff));
    expect(r.entities.people).toEqual([
      {
        id: 'lenin',
        kind: 'person',
        name: 'Vladimir Ilyich Lenin',
        idnos: [{ type: 'wikidata', value: 'Q1394' }],
        note: 'Author.',
        mentions: [{ element: 'persName', ref: '#lenin', text: 'Lenin', offsets: { diplomatic: [0, 5], corrected: [0, 5] }, position: expect.any(Object) }],
      },
    ]);
    expect(r.entities.organisations[0]!.mentions[0]!.text).toBe('Committee');
    expect(r.entities.places[0]!.mentions[0]!.offsets.diplomatic).toEqual([27, 36]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads the register from particDesc and settingDesc too', () => {
    const header =
      '<fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>' +
      '<profileDesc><particDesc><person xml:id="ann"><persName><forename>Ann</forename> <surname>Hart</surname></persName></person></particDesc><settingDesc><place xml:id="leith"><placeName>Leith</placeName></place></settingDesc></profileDesc>';
    const r = readTei(tei('<p><persName ref="#ann">Ann</persName> at <placeName ref="#leith">Leith</placeName></p>', header));
    expect(r.entities.people.map((e) => [e.id, e.name, e.mentions.length])).toEqual([['ann', 'Ann Hart', 1]]);
    expect(r.entities.places.map((e) => [e.id, e.mentions.length])).toEqual([['leith', 1]]);
  });

  it('keeps mentions that point nowhere, with a warning for a broken local pointer only', () => {
    const r = readTei(
      tei('<p><persName ref="#nobody">X</persName> <persName>Y</persName> <persName ref="https://viaf.org/viaf/1">Z</persName> <persName ref="#p1">W</persName></p>', '', standOff).replace(
        '<p>',
        '<p xml:id="p1">',
      ),
    );
    expect(r.entities.unresolved.map((m) => [m.text, m.ref])).toEqual([
      ['X', '#nobody'],
      ['Y', undefined],
      ['Z', 'https://viaf.org/viaf/1'],
      ['W', '#p1'],
    ]);
    const warnings = r.diagnostics.filter((d) => d.code === 'ref-not-found');
    expect(warnings.map((d) => d.message)).toEqual([
      expect.stringContaining('"#nobody", which no element of the document has as its xml:id'),
      expect.stringContaining('<p xml:id="p1">, which is not a person, organisation or place entry'),
    ]);
    expect(warnings[0]!.place).toEqual({ line: 1, column: expect.any(Number) });
  });

  it('files a mention with several pointers under each entry, and a name inside a name without @ref as part of it', () => {
    const r = readTei(tei('<p><persName ref="#lenin #rmc">Lenin <placeName>of Simbirsk</placeName></persName></p>', '', standOff));
    expect(r.entities.people[0]!.mentions[0]!.text).toBe('Lenin of Simbirsk');
    expect(r.entities.organisations[0]!.mentions[0]!.text).toBe('Lenin of Simbirsk');
    expect(r.entities.unresolved).toEqual([]);
  });
});

describe('dates', () => {
  it('reads every date with its values as written', () => {
    const r = read('<p>On <date calendar="#julian" when="1917-11-06" when-custom="1917-10-24" datingMethod="#julian">October 24</date>, <date notBefore="1917-01" notAfter="1917-03">early 1917</date> and <date from="1917" to="1918">1917–18</date>.</p>');
    expect(r.dates.map(({ position: _p, ...d }) => d)).toEqual([
      { text: 'October 24', when: '1917-11-06', whenCustom: '1917-10-24', calendar: '#julian', datingMethod: '#julian', offsets: { diplomatic: [3, 13], corrected: [3, 13] } },
      { text: 'early 1917', notBefore: '1917-01', notAfter: '1917-03', offsets: { diplomatic: [15, 25], corrected: [15, 25] } },
      { text: '1917–18', from: '1917', to: '1918', offsets: { diplomatic: [30, 37], corrected: [30, 37] } },
    ]);
  });
});

describe('metadata', () => {
  it('reads title, authors, editors, date, source, licence and language from the header', () => {
    const header = `<fileDesc><titleStmt><title type="sub">Sub</title><title type="main">Main title</title><author><persName ref="#lenin">V. I. Lenin</persName></author><editor xml:id="ed" role="editor">A. Editor</editor><respStmt><resp>encoding</resp><name xml:id="enc">B. Encoder</name></respStmt></titleStmt>
      <publicationStmt><publisher>P</publisher><availability><p>Free to use.</p></availability></publicationStmt>
      <sourceDesc><bibl><author>V. I. Lenin</author> <title level="m">Collected Works</title>, <editor xml:id="perry">Marvin Perry</editor>, <pubPlace>Moscow</pubPlace>: <publisher>Progress</publisher>, <date>1964</date>, <biblScope unit="volume">26</biblScope>, <biblScope unit="page">234–235</biblScope>.</bibl></sourceDesc></fileDesc>
      <profileDesc><creation><date when="1917-11-06" when-custom="1917-10-24" datingMethod="#julian">24 October (6 November) 1917</date></creation><langUsage><language ident="ru">Russian</language></langUsage></profileDesc>`;
    const m = readTei(tei('<p>x</p>', header)).metadata;
    expect(m).toEqual({
      title: 'Main title',
      authors: [{ name: 'V. I. Lenin', ref: '#lenin' }],
      editors: [
        { name: 'A. Editor', id: 'ed', role: 'editor' },
        { name: 'B. Encoder', id: 'enc', role: 'encoding' },
      ],
      date: { text: '24 October (6 November) 1917', when: '1917-11-06', whenCustom: '1917-10-24', datingMethod: '#julian', julian: '1917-10-24' },
      source: {
        citation: 'V. I. Lenin Collected Works, Marvin Perry, Moscow: Progress, 1964, 26, 234–235.',
        author: 'V. I. Lenin',
        title: 'Collected Works',
        editors: [{ name: 'Marvin Perry', id: 'perry' }],
        place: 'Moscow',
        publisher: 'Progress',
        date: '1964',
        volume: '26',
        pages: '234–235',
      },
      licence: { text: 'Free to use.' },
      language: { ident: 'ru', name: 'Russian' },
      witnesses: [],
    });
  });

  it('falls back to the root xml:lang for the language, and leaves out what the header does not say', () => {
    const m = readTei(`<TEI xmlns="${NS}" xml:lang="de"><teiHeader/><text><body><p>x</p></body></text></TEI>`).metadata;
    expect(m).toEqual({ authors: [], editors: [], language: { ident: 'de' }, witnesses: [] });
  });
});

describe('the map from readings back to the XML', () => {
  it('leads every character to the innermost element it came from', () => {
    const xml = tei('<p>We must <persName ref="#k">Kornilov</persName>\n<lb/>go<choice><sic>he</sic><corr>be</corr></choice><gap/></p>');
    const r = readTei(xml);
    expect(r.readings.diplomatic).toBe('We must Kornilov\ngohe[…]');
    const at = (reading: 'diplomatic' | 'corrected', i: number) => elementAt(r.readings, reading, i)?.name;
    expect(at('diplomatic', 0)).toBe('p');
    expect(at('diplomatic', 8)).toBe('persName');
    expect(at('diplomatic', 16)).toBe('lb');
    expect(at('diplomatic', 19)).toBe('sic');
    expect(at('corrected', 19)).toBe('corr');
    expect(at('diplomatic', 21)).toBe('gap');
    expect(at('diplomatic', 999)).toBeUndefined();
    const persName = elementAt(r.readings, 'diplomatic', 8)!;
    expect(persName.path).toBe('/TEI[1]/text[1]/body[1]/p[1]/persName[1]');
    expect(xml.split('\n')[persName.line - 1]!.slice(persName.column - 1)).toMatch(/^<persName ref="#k">/);
  });

  it('keeps segments sorted, disjoint and inside the reading, with no segment over a unit separator', () => {
    const r = read('<p>a <hi>b</hi> c</p><p><persName>d</persName></p>');
    for (const which of ['diplomatic', 'corrected'] as const) {
      let last = 0;
      for (const [start, end, element] of r.readings.segments[which]) {
        expect(start).toBeGreaterThanOrEqual(last);
        expect(end).toBeGreaterThan(start);
        expect(r.readings[which].slice(start, end)).not.toContain('\n\n');
        expect(r.readings.elements[element]).toBeDefined();
        last = end;
      }
    }
    expect(r.readings.segments.diplomatic).toEqual([
      [0, 2, 0],
      [2, 3, 1],
      [3, 5, 0],
      [7, 8, 2],
    ]);
  });
});

describe('what the reader says about what it does not read', () => {
  it('reads an element TEI does not have as text, and says so once per name', () => {
    const r = read('<p><sentence>A</sentence> <sentence>B</sentence></p>');
    expect(r.readings.diplomatic).toBe('A B');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'unknown-element', message: expect.stringContaining('(2 times, first here)'), place: { line: 1, column: expect.any(Number) } }),
    ]);
  });

  it('reads elements of other namespaces as text, with an info diagnostic', () => {
    const r = readTei(tei('<p>at the <x:shop xmlns:x="urn:x">Inn</x:shop></p>'));
    expect(r.readings.diplomatic).toBe('at the Inn');
    expect(codes(r)).toEqual(['unknown-element']);
  });

  it('leaves forme work and figure descriptions out of the readings, with an info diagnostic', () => {
    const r = read('<pb/><fw type="header">Running head</fw><p>Text.</p><figure><head>Caption</head><figDesc>A drawing.</figDesc></figure>');
    expect(r.readings.diplomatic).toBe('Text.\n\nCaption');
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message.slice(0, 5)])).toEqual([
      ['info', 'not-in-readings', '<fw> '],
      ['info', 'not-in-readings', '<figD'],
    ]);
  });

  it('says so when text stands inside a marker element (a pb, a space) or a delSpan never reaches its anchor', () => {
    const r = read('<p>a <pb n="2">page two</pb> b <space><desc>a blank line</desc></space> c <delSpan spanTo="#nowhere"/> d</p>');
    expect(r.readings.diplomatic).toBe('a b c d');
    expect(r.readings.corrected).toBe('a b c');
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message.split(' ')[0]])).toEqual([
      ['info', 'not-in-readings', '<pb>'],
      ['info', 'not-in-readings', '<space>'],
      ['warning', 'span-not-closed', 'delSpan'],
    ]);
  });

  it('warns about text directly inside a choice, and reads it in both readings', () => {
    const r = read('<p><choice>stray<sic>a</sic><corr>b</corr></choice></p>');
    expect(r.readings.diplomatic).toBe('straya');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'text-in-element-only' });
  });

  it('reads a TEI document without a namespace (as P4 documents are), with an info diagnostic', () => {
    const r = readTei('<TEI.2><text><body><p>Old.</p></body></text></TEI.2>');
    expect(r.readings.diplomatic).toBe('Old.');
    expect(codes(r)).toEqual(['no-tei-namespace']);
  });

  it('refuses a document that is not TEI', () => {
    expect(() => readTei('<html><body><p>x</p></body></html>')).toThrow(expect.objectContaining({ code: 'not-tei' }));
  });

  it('warns when a TEI document has no text', () => {
    const r = readTei(`<TEI xmlns="${NS}"><teiHeader/></TEI>`);
    expect(r.readings).toMatchObject({ diplomatic: '', corrected: '' });
    expect(codes(r)).toEqual(['no-text']);
  });
});
