import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/validate/rules/index.js';
import { validate } from '../src/validate/validate.js';

/**
 * docs/RULES.md is the rules' specification: for every rule, an `ok` document
 * that must give no finding from it, and a `not ok` document followed by the
 * exact findings, `line:column: severity rule: message`. This runs them, so
 * the documentation cannot drift from what teikit does (as remark-lint does
 * with its rules' docs).
 */
const markdown = readFileSync(new URL('../docs/RULES.md', import.meta.url), 'utf8');

interface RuleDoc {
  name: string;
  severity: string | undefined;
  ok: string[];
  notOk: Array<{ xml: string; findings: string[] }>;
}

function parseRulesDoc(md: string): RuleDoc[] {
  return md
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const name = section.slice(0, section.indexOf('\n')).trim();
      const severity = /\*\*(Error|Warning)[.,:]?\*\*/.exec(section)?.[1]?.toLowerCase();
      const ok = [...section.matchAll(/^### ok\n+```xml\n([\s\S]*?)```/gm)].map((m) => m[1]!);
      const notOk = [...section.matchAll(/^### not ok\n+```xml\n([\s\S]*?)```\n+```text\n([\s\S]*?)```/gm)].map((m) => ({
        xml: m[1]!,
        findings: m[2]!.trim().split('\n'),
      }));
      return { name, severity, ok, notOk };
    });
}

const docs = parseRulesDoc(markdown);
const findings = (xml: string, rule: string): string[] =>
  validate(xml)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => `${d.line}:${d.column}: ${d.severity} ${d.rule}: ${d.message}`);

describe('docs/RULES.md', () => {
  it('documents every rule, in the order teikit runs them', () => {
    expect(docs.map((d) => d.name)).toEqual(RULES.map((r) => r.name));
  });

  it.each(RULES.map((r) => [r.name, r] as const))('states the severity of %s', (_name, rule) => {
    const doc = docs.find((d) => d.name === rule.name)!;
    expect(doc.severity).toBe(rule.severity);
    expect(markdown).toContain(`| \`${rule.name}\` | ${rule.severity} |`);
  });
});

describe.each(docs.map((d) => [d.name, d] as const))('rule %s', (name, doc) => {
  it('has an ok and a not-ok example', () => {
    expect(doc.ok.length).toBeGreaterThan(0);
    expect(doc.notOk.length).toBeGreaterThan(0);
  });

  it('finds nothing in the ok example, which is well-formed', () => {
    for (const xml of doc.ok) {
      expect(validate(xml).diagnostics.map((d) => d.code)).not.toContain('not-well-formed');
      expect(findings(xml, name)).toEqual([]);
    }
  });

  it('finds exactly what the not-ok example lists', () => {
    for (const { xml, findings: expected } of doc.notOk) expect(findings(xml, name)).toEqual(expected);
  });
});
