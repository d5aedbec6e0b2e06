import { childElements, isTei, textContent } from '../document-tree.js';
import type { Rule } from './rule.js';
import { q } from './rule.js';

/** The pairs a choice holds in an edition: what the source has, and what the editor reads. */
const PAIRS = [
  ['sic', 'corr'],
  ['orig', 'reg'],
  ['abbr', 'expan'],
] as const;

export const choicePair: Rule = {
  name: 'choice-pair',
  severity: 'warning',
  description: 'A choice holds one pair, sic/corr, orig/reg or abbr/expan, and its two readings differ.',
  check(ctx) {
    for (const el of ctx.tei('choice')) {
      const children = childElements(el).filter((c) => isTei(c));
      const names = children.map((c) => c.local);
      const pair = PAIRS.find(([a, b]) => names.length === 2 && names.includes(a) && names.includes(b));
      if (!pair) {
        const held = names.length === 0 ? 'nothing' : names.map((n) => `<${n}>`).join(', ');
        ctx.report(el, `choice holds ${held}; expected one pair: <sic>/<corr>, <orig>/<reg> or <abbr>/<expan>`);
        continue;
      }
      const [first, second] = children.map((c) => textContent(c).replace(/\s+/g, ' ').trim());
      if (first === second) ctx.report(el, `the <${pair[0]}> and <${pair[1]}> of this choice read the same, ${q(first!)}`);
    }
  },
};
