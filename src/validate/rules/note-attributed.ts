import { attribute, isTei, type XmlElement } from '../document-tree.js';
import type { Rule } from './rule.js';

export const noteAttributed: Rule = {
  name: 'note-attributed',
  severity: 'warning',
  description: 'Every note in the text says whose it is (@resp) or what kind it is (@type).',
  check(ctx) {
    for (const el of ctx.tei('note')) {
      if (!inText(el)) continue;
      if (attribute(el, 'resp') === undefined && attribute(el, 'type') === undefined) {
        ctx.report(el, 'note has neither @resp nor @type: say whose note it is or what kind of note');
      }
    }
  },
};

// Notes in the header and in standOff describe sources and entities; the rule is about annotations of the text.
function inText(el: XmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (isTei(p, 'text')) return true;
  return false;
}
