import type { Rule } from './rule.js';
import { q } from './rule.js';

/** The pointing attributes checked, each of which may hold several space-separated pointers. */
export const POINTER_ATTRIBUTES = ['ref', 'resp', 'corresp', 'target', 'calendar', 'datingMethod', 'who', 'wit'] as const;

export const pointerResolves: Rule = {
  name: 'pointer-resolves',
  severity: 'error',
  description: 'Every local pointer ("#id") in @ref, @resp, @corresp, @target, @calendar, @datingMethod, @who and @wit names an xml:id in the document.',
  attributes: POINTER_ATTRIBUTES,
  check(ctx) {
    for (const name of POINTER_ATTRIBUTES) {
      for (const [, attr] of ctx.attributes(name)) {
        for (const token of attr.value.split(/[ \t\r\n]+/)) {
          if (!token.startsWith('#')) continue;
          if (!ctx.ids.has(fragmentId(token))) ctx.report(attr, `@${attr.local} points to ${q(token)}, but no element has xml:id ${q(fragmentId(token))}`);
        }
      }
    }
  },
};

// A fragment may %-escape characters of the id.
function fragmentId(token: string): string {
  try {
    return decodeURIComponent(token.slice(1));
  } catch {
    return token.slice(1);
  }
}
