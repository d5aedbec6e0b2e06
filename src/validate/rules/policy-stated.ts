import { isTei } from '../document-tree.js';
import type { Rule } from './rule.js';

/** Which editorialDecl part must state the policy for each kind of intervention. */
const POLICIES = [
  { policy: 'correction', elements: ['sic', 'corr', 'supplied'] },
  { policy: 'normalization', elements: ['orig', 'reg', 'abbr', 'expan'] },
] as const;

export const policyStated: Rule = {
  name: 'policy-stated',
  severity: 'warning',
  description: 'A document that corrects (sic, corr, supplied) or normalises (orig, reg, abbr, expan) states that policy in encodingDesc/editorialDecl.',
  check(ctx) {
    for (const { policy, elements } of POLICIES) {
      const stated = ctx.tei(policy).some((el) => el.parent !== undefined && isTei(el.parent, 'editorialDecl'));
      if (stated) continue;
      // reported once, at the first element that needs the policy
      const first = elements.flatMap((name) => ctx.tei(name).slice(0, 1)).sort((a, b) => a.offset - b.offset)[0];
      if (first) {
        ctx.report(first, `the document uses <${first.local}> but its header states no ${policy} policy: add encodingDesc/editorialDecl/${policy} (for ${elements.map((e) => `<${e}>`).join(', ')})`);
      }
    }
  },
};
