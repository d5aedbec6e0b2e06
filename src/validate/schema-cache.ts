import type { Schema } from './schema.js';

/**
 * Compiled schemas by content: the same schema text compiles once per
 * process, wherever it was read from. The key is a 53-bit hash plus the
 * length; a collision would need two different schemas of the same length
 * with the same hash, which is far less likely than a bit flip in memory.
 * A failed compile is not kept, so a fixed file is compiled afresh.
 */
const compiled = new Map<string, Promise<Schema>>();

export function cachedSchema(key: string, compile: () => Promise<Schema>): Promise<Schema> {
  let schema = compiled.get(key);
  if (!schema) {
    schema = compile();
    compiled.set(key, schema);
    schema.catch(() => compiled.delete(key));
  }
  return schema;
}

export function contentKey(kind: string, text: string, base: string): string {
  return `${kind}:${hash53(text)}:${text.length}:${base}`;
}

/** cyrb53 (public domain): a fast non-cryptographic hash; no crypto module needed in browsers. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
