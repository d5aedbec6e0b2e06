import { describe, expect, it } from 'vitest';
import { TeikitError, checkConfig, encode, parseConfigText, type EditionConfig } from '../src/index.js';

function configError(config: unknown, text = 'Some text.', configText?: string): TeikitError {
  try {
    encode(text, config as EditionConfig, configText === undefined ? {} : { configText });
  } catch (err) {
    if (err instanceof TeikitError) return err;
    throw err;
  }
  throw new Error('expected a TeikitError');
}

describe('edition config', () => {
  it('accepts the Lenin edition config and an empty one', () => {
    expect(checkConfig({})).toEqual([]);
  });

  it('names the JSON path and the reason of a schema error', () => {
    const d = checkConfig({ emendations: [{ sic: 'he', corr: 'be', cert: 'sure' }], structure: { lineBreaks: 'wrap' }, colour: 'red' });
    expect(d.map((x) => [x.path, x.message])).toEqual(
      expect.arrayContaining([
        ['/colour', 'unknown property "colour"'],
        ['/emendations/0/cert', 'must be one of "high", "medium", "low", "unknown"'],
        ['/structure/lineBreaks', 'must be one of "join", "keep"'],
      ]),
    );
    expect(d.every((x) => x.code === 'config-schema' && x.severity === 'error')).toBe(true);
  });

  it('says what an id must look like, and that a supplied word needs a place', () => {
    const d = checkConfig({ register: { people: [{ id: '1lenin', name: 'Lenin' }] }, supplied: [{ text: 'all' }] });
    expect(d.map((x) => [x.path, x.message])).toEqual([
      ['/register/people/0/id', '"1lenin" does not have the required form (an id: a letter or _ followed by letters, digits, ".", "_" or "-")'],
      ['/supplied/0', 'needs "context" or "at" to say where it applies'],
    ]);
  });

  it('gives the line and column in the config text', () => {
    const text = '{\n  "metadata": {\n    "title": 42\n  }\n}';
    const [d] = checkConfig(parseConfigText(text), text);
    expect(d).toMatchObject({ path: '/metadata/title', place: { line: 3, column: 14 }, message: 'must be of type string' });
  });

  it('reports JSON syntax errors with their place', () => {
    expect(() => parseConfigText('{\n  "a": 1,\n}')).toThrowError(TeikitError);
    try {
      parseConfigText('{\n  "a": 1,\n}');
    } catch (err) {
      expect((err as TeikitError).diagnostics[0]).toMatchObject({ code: 'config-syntax', place: { line: 3, column: 1 } });
    }
  });

  it('checks cross-references: duplicate ids, unknown resp, author ref', () => {
    const d = checkConfig({
      metadata: { editors: [{ id: 'ed', name: 'Ed' }], author: { name: 'X', ref: 'nobody' } },
      register: { people: [{ id: 'ed', name: 'Edward' }], places: [{ id: 'julian', name: 'Julian Alps' }] },
      emendations: [{ sic: 'a', corr: 'b', resp: 'someone' }],
    });
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['config-duplicate-id', '/register/people/0/id'],
      ['config-duplicate-id', '/register/places/0/id'],
      ['config-unknown-resp', '/emendations/0/resp'],
      ['config-unknown-ref', '/metadata/author/ref'],
    ]);
  });

  it('refuses a name form listed by two register entries', () => {
    const err = configError({ register: { people: [{ id: 'a', name: 'Ivan' }, { id: 'b', name: 'Ivan Petrov', forms: ['Ivan'] }] } }, 'Ivan came.');
    expect(err.diagnostics[0]).toMatchObject({ code: 'register-form-conflict' });
    expect(err.message).toContain('"a"');
    expect(err.message).toContain('"b"');
  });

  it('encode() refuses a config that breaks the schema', () => {
    expect(configError({ structure: { authorLine: 0 } }).diagnostics[0]).toMatchObject({
      code: 'config-schema',
      path: '/structure/authorLine',
      message: 'must be a source line number (an integer from 1) or false',
    });
  });
});
