import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precompileSchema } from '../src/validate/schema.js';

/**
 * teikit's own schema ships precompiled (src/validate/teikit-schema.json, bundled
 * into the library) so validate() needs no compile and no file. This keeps it
 * the compile of schemas/teikit.rng: after editing the RNG, regenerate with
 *   UPDATE_SCHEMAS=1 npx vitest run tests/validate-schema.test.ts
 * and review the diff like any fixture.
 */
const RNG = new URL('../schemas/teikit.rng', import.meta.url);
const SHIPPED = new URL('../src/validate/teikit-schema.json', import.meta.url);

describe('the precompiled teikit schema', () => {
  it('is the compile of schemas/teikit.rng', async () => {
    const fresh = `${await precompileSchema(readFileSync(RNG, 'utf8'))}\n`;
    if (process.env.UPDATE_SCHEMAS) writeFileSync(SHIPPED, fresh);
    expect(readFileSync(SHIPPED, 'utf8'), 'schemas/teikit.rng changed: regenerate with UPDATE_SCHEMAS=1').toBe(fresh);
  });

  it('compiles to the same JSON every time', async () => {
    const rng = readFileSync(RNG, 'utf8');
    expect(await precompileSchema(rng)).toBe(await precompileSchema(rng));
  });
});
