import type { EditionConfig } from './config/types.js';
import { analyse } from './analyse.js';

/**
 * The source after teikit's documented whitespace normalisation: what every
 * reading rebuilt from teikit's TEI equals. See `source/normalise.ts` for the rules.
 */
export function normaliseSource(text: string | Uint8Array, config: EditionConfig = {}): string {
  return analyse(text, config).normalised.text;
}
