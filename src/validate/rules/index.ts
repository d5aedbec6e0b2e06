import type { Severity } from '../../diagnostics.js';
import { attributeOffset, type XmlAttribute, type XmlDocument, type XmlElement } from '../document-tree.js';
import type { RuleSetting, ValidationDiagnostic } from '../types.js';
import { certValue } from './cert-value.js';
import { choicePair } from './choice-pair.js';
import { julianAgrees } from './julian-agrees.js';
import { noteAttributed } from './note-attributed.js';
import { pointerResolves } from './pointer-resolves.js';
import { policyStated } from './policy-stated.js';
import { realDate } from './real-date.js';
import { DocumentIndex, RuleContext, type Rule } from './rule.js';
import { uniqueXmlId } from './unique-xml-id.js';

/** teikit's editorial rules, in the order their findings are reported. */
export const RULES: readonly Rule[] = [uniqueXmlId, pointerResolves, choicePair, realDate, julianAgrees, certValue, noteAttributed, policyStated];

/** The rules to run and at which severity, from the caller's settings. Throws on a rule name teikit does not have. */
export function selectRules(settings: Readonly<Record<string, RuleSetting>> = {}): Array<{ rule: Rule; severity: Severity }> {
  for (const name of Object.keys(settings)) {
    if (!RULES.some((r) => r.name === name)) {
      throw new RangeError(`unknown rule "${name}"; the rules are ${RULES.map((r) => r.name).join(', ')}`);
    }
  }
  const selected: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of RULES) {
    const setting = settings[rule.name] ?? true;
    if (setting === false || setting === 'off') continue;
    selected.push({ rule, severity: setting === true ? rule.severity : setting });
  }
  return selected;
}

/** Runs the rules on a document; findings come in document order (by rule, where two share a place). */
export function runRules(doc: XmlDocument, rules: ReadonlyArray<{ rule: Rule; severity: Severity }>): ValidationDiagnostic[] {
  const found: ValidationDiagnostic[] = [];
  const index = new DocumentIndex(doc, new Set(rules.flatMap(({ rule }) => rule.attributes ?? [])));
  for (const { rule, severity } of rules) {
    const context = new RuleContext(doc, index, (at: XmlElement | XmlAttribute, message: string) => {
      const { line, column } = doc.lines.at('tagOffset' in at ? attributeOffset(doc.text, at) : at.offset);
      found.push({ severity, code: rule.name, message, line, column, rule: rule.name });
    });
    rule.check(context);
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column); // stable: ties keep rule order
}
