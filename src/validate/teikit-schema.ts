import precompiled from './teikit-schema.json';
import { loadJsonNow, type PrecompiledSchema, type Schema } from './schema.js';

/**
 * teikit's own schema (schemas/teikit.rng), precompiled to salve's JSON and
 * bundled, so validate() needs no file, network or compile for it and runs
 * the same in Node and in a browser. teikit-schema.json is generated from
 * schemas/teikit.rng; tests/validate-schema.test.ts fails when the two
 * disagree and regenerates it with UPDATE_SCHEMAS=1.
 */
let schema: Schema | undefined;

export function teikitSchema(): Schema {
  schema ??= loadJsonNow(precompiled as PrecompiledSchema, 'teikit');
  return schema;
}
