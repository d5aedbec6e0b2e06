import { readTreeFromJSON } from 'salve-annos';
import { describe, expect, it } from 'vitest';
import { restateAmbiguousGroups, type SalveJson } from '../src/validate/group-ambiguity.js';
import { inlineIncludes } from '../src/validate/rng-includes.js';
import { loadSchema } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';
import { dataPatterns, installJingDatatypes, XSD_DATATYPES } from '../src/validate/xsd-datatypes.js';
import { isValidAnyUri } from '../src/validate/xsd/any-uri.js';
import { isValidDuration } from '../src/validate/xsd/duration.js';
import { compileXsdPattern, UnsupportedPattern } from '../src/validate/xsd/regex.js';
import { isValidTemporal, type TemporalType } from '../src/validate/xsd/temporal.js';
import teikitSchemaJson from '../src/validate/teikit-schema.json';

// Every verdict below is jing's (jing 20181222 on OpenJDK 17), recorded from runs over
// documents holding these values; tests/validate-corpus.test.ts keeps checking a sample against jing.

describe('XML Schema date and time types, as jing reads them', () => {
  const cases: Array<[TemporalType, string, boolean]> = [
    ['date', '1917-11-06', true],
    ['date', ' 1917-11-06 ', true],
    ['date', '1916-02-29', true],
    ['date', '1917-02-29', false],
    ['date', '1900-02-29', false],
    ['date', '2000-02-29', true],
    ['date', '1500-02-29', false], // proleptic Gregorian, not Julian before 1582
    ['date', '1582-10-10', true], // no gap at the Gregorian reform
    ['date', '-0001-02-29', true], // 1 BCE is a leap year in XML Schema 1.0's numbering
    ['date', '-0005-02-29', true],
    ['date', '-0004-02-29', false],
    ['date', '-0401-02-29', true],
    ['date', '0000-01-01', false],
    ['date', '-0000-01-01', false],
    ['date', '917-11-06', false],
    ['date', '01917-11-06', false],
    ['date', '10000-02-29', true],
    ['date', '1917-04-31', false],
    ['date', '1917-11-06Z', true],
    ['date', '1917-11-06-13:00', true],
    ['date', '1917-11-06-13:01', false], // GregorianCalendar's zone offsets end at -13:00
    ['date', '1917-11-06+14:00', true],
    ['date', '1917-11-06+14:01', false],
    ['dateTime', '1917-11-06T10:30:00', true],
    ['dateTime', '1917-11-06T10:30:00.', true],
    ['dateTime', '1917-11-06T10:30:00.5+03:00', true],
    ['dateTime', '1917-11-06T24:00:00', false],
    ['dateTime', '1917-11-06T23:59:60', true],
    ['dateTime', '1917-11-06T10:30', false],
    ['dateTime', '292278994-08-17T07:12:55.807Z', true], // the last millisecond a Java long holds
    ['dateTime', '292278994-08-17T07:12:55.808Z', false],
    ['time', '24:00:00', false],
    ['time', '23:59:60', true],
    ['time', '12:00:00-13:01', false],
    ['gYear', '1917', true],
    ['gYear', '2147483648', false],
    ['gYear', '292278995', false],
    ['gYear', '-292275055', true],
    ['gYear', '-292275056', false], // its 1 January is before the first millisecond a Java long holds
    ['gYearMonth', '1917-13', false],
    ['gMonthDay', '--11-06', true],
    ['gMonthDay', '--02-29', true],
    ['gMonthDay', '--02-30', false],
    ['gMonthDay', '--04-31', false],
    ['gMonthDay', '11-06', false],
    ['gMonth', '--11', true],
    ['gMonth', '--11--', false],
    ['gDay', '---31', true],
    ['gDay', '---32', false],
  ];
  it.each(cases)('%s %j: %s', (type, value, valid) => {
    expect(isValidTemporal(type, value)).toBe(valid);
  });
});

describe('anyURI, as jing (java.net.URI) reads it', () => {
  const cases: Array<[string, boolean]> = [
    ['http://example.org/a"b', true], // escaped by jing before java.net.URI sees it
    ['http://example.org/a b', true],
    ['http://a.org/[x]', false],
    ['http://[::1]/x', true],
    ['http://[::1%eth0]/', true],
    ['http://[::1%]/', false],
    ['http://[1:2:3:4:5:6:7]/', false],
    ['http://[1:2:3:4:5:6:7:8]/', true],
    ['http://[::ffff:1.2.3.4]/', true],
    ['http://[1::2::3]/', false],
    ['http://[12345::1]/', false],
    ['http://h/?a[b]', true],
    ['x:[a]', true],
    ['a[b]', false],
    ['http:', false],
    ['http://', false],
    ['mailto:', false],
    ['mailto:x@y', true],
    ['x:', false],
    ['::', false],
    [':a', false],
    ['1a:b', false],
    ['a_b:c', false],
    ['a:b:c', true],
    ['#a#b', false],
    ['#', true],
    ['', true],
    ['http://a.org/%4', false],
    ['%zz', false],
    ['http://h:99999999999/', true], // no port fits, so the authority is read as a registry name
    ['http://-h/', true], // not a host name, but a registry-based authority
    ['http://256.1.1.1/', true],
    ['http://h/\uFFFD', true],
    ['http://h/\u0085', true],
  ];
  it.each(cases)('%j: %s', (value, valid) => {
    expect(isValidAnyUri(value)).toBe(valid);
  });
});

describe('duration, as jing reads it', () => {
  it.each([
    ['P1Y2M3DT4H5M6.7S', true],
    ['PT1.S', true],
    ['PT.5S', true],
    ['-P1D', true],
    ['P', false],
    ['PT', false],
    ['P1DT', false],
    ['P1W', false],
    ['P1.5Y', false],
  ] as Array<[string, boolean]>)('%j: %s', (value, valid) => {
    expect(isValidDuration(value)).toBe(valid);
  });
});

describe('XML Schema patterns', () => {
  const matches = (pattern: string, value: string): boolean => compileXsdPattern(pattern).test(value);

  it('reads characters beyond the Basic Multilingual Plane as one character each', () => {
    expect(matches('[^\\p{C}\\p{Z}]+', '𠮷字😀')).toBe(true);
    expect(matches('.', '😀')).toBe(true);
    expect(matches('.{2}', '😀')).toBe(false);
  });

  it('follows XML Schema, not JavaScript: anchored, ^ and $ literal, subtraction, multi-character escapes', () => {
    expect(matches('a', 'ba')).toBe(false);
    expect(matches('^a$', '^a$')).toBe(true);
    expect(matches('[a-z-[aeiou]]+', 'bcd')).toBe(true);
    expect(matches('[a-z-[aeiou]]+', 'bad')).toBe(false);
    expect(matches('\\i\\c*', 'xml:id-1')).toBe(true);
    expect(matches('\\i\\c*', '1id')).toBe(false);
    expect(matches('[\\d]+(\\.[\\d]+){0,2}', '4.11.0')).toBe(true);
    expect(matches('\\w+', 'word')).toBe(true);
    expect(matches('\\w', '.')).toBe(false);
    expect(matches('[^\\p{C}\\p{Z}]+', 'a\u00a0b')).toBe(false);
  });

  it('leaves Unicode blocks to salve', () => {
    expect(() => compileXsdPattern('\\p{IsGreek}+')).toThrow(UnsupportedPattern);
  });
});

describe('installing jing’s datatypes in a compiled grammar', () => {
  it('replaces the datatypes salve gets wrong, once', () => {
    const grammar = readTreeFromJSON(teikitSchemaJson);
    const before = dataPatterns(grammar).filter((d) => d.datatypeLibrary === XSD_DATATYPES);
    // If a salve update renames the fields these rely on, this is where it shows.
    expect(before.map((d) => d.type)).toEqual(expect.arrayContaining(['date', 'gMonthDay', 'anyURI', 'ID', 'token']));
    expect(installJingDatatypes(grammar).replaced).toBeGreaterThan(10);
    expect(installJingDatatypes(grammar).replaced).toBe(0);
  });
});

describe('groups salve would walk wrongly', () => {
  // teikit.rng's bibl: an optional volume biblScope, then an optional page biblScope.
  const rng = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
    <start><element name="bibl">
      <optional><element name="biblScope"><attribute name="unit"><value>volume</value></attribute><text/></element></optional>
      <optional><element name="biblScope"><attribute name="unit"><value>page</value></attribute><text/></element></optional>
    </element></start></grammar>`;
  const bibl = (scopes: string): string => `<bibl xmlns="http://www.tei-c.org/ns/1.0">${scopes}</bibl>`;

  it('accepts the second of two optional elements of one name, as jing does', async () => {
    const schema = await loadSchema(rng);
    const verdict = (scopes: string): boolean => validate(bibl(scopes), { schema }).valid;
    expect(verdict('<biblScope unit="page">326</biblScope>')).toBe(true);
    expect(verdict('<biblScope unit="volume">2</biblScope><biblScope unit="page">326</biblScope>')).toBe(true);
    expect(verdict('<biblScope unit="chapter">3</biblScope>')).toBe(false);
  });

  it('leaves a schema without such groups as it is', () => {
    const json = { v: 3, o: 1, d: [15, [8, 1], [0, [14, 1, [0, [13, [18, '', 'p'], [0, [7]]]]]]] } as SalveJson;
    expect(restateAmbiguousGroups(json)).toBe(json);
  });
});

describe('includes', () => {
  it('inlines an include, keeping the overrides and the included datatype library', async () => {
    const files: Record<string, string> = {
      'https://example.org/base.rng': `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
        <start><ref name="n"/></start><define name="n"><element name="n"><data type="integer"/></element></define></grammar>`,
    };
    const main = `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="base.rng"><define name="n"><element name="m"><text/></element></define></include></grammar>`;
    const inlined = await inlineIncludes(main, new URL('https://example.org/main.rng'), async (u) => files[u.href]!);
    const schema = await loadSchema(inlined);
    expect(validate('<m>text</m>', { schema }).valid).toBe(true);
    expect(validate('<n>1</n>', { schema }).valid).toBe(false); // overridden
    expect(inlined).toContain('datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"');
  });
});
