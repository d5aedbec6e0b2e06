import type { Rule } from './rule.js';
import { q } from './rule.js';

const WORDS = ['high', 'medium', 'low', 'unknown'];
// XML Schema double, as TEI's teidata.probability is typed (no INF or NaN: they are not probabilities).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const certValue: Rule = {
  name: 'cert-value',
  severity: 'error',
  description: '@cert is high, medium, low or unknown, or a probability from 0 to 1.',
  attributes: ['cert'],
  check(ctx) {
    for (const [, attr] of ctx.attributes('cert')) {
      const v = attr.value.trim();
      if (WORDS.includes(v) || (NUMBER.test(v) && Number(v) >= 0 && Number(v) <= 1)) continue;
      ctx.report(attr, `@cert ${q(attr.value)} is neither high, medium, low or unknown nor a number from 0 to 1`);
    }
  },
};
