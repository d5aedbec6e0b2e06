import { attributeOffset, type XmlAttribute } from '../document-tree.js';
import type { Rule } from './rule.js';
import { q, xmlIdAttribute } from './rule.js';

export const uniqueXmlId: Rule = {
  name: 'unique-xml-id',
  severity: 'error',
  description: 'No two elements share an xml:id.',
  check(ctx) {
    const first = new Map<string, XmlAttribute>();
    for (const el of ctx.elements()) {
      const attr = xmlIdAttribute(el);
      if (!attr) continue;
      const id = attr.value.trim();
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, attr);
        continue;
      }
      const line = ctx.doc.lines.at(attributeOffset(ctx.doc.text, earlier)).line;
      ctx.report(attr, `xml:id ${q(id)} is already used on line ${line}; a pointer to "#${id}" cannot tell them apart`);
    }
  },
};
