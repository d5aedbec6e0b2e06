import { decodeXml } from './decode.js';
import { LineMap } from './positions.js';
import { checkSchema } from './relaxng.js';
import { runRules, selectRules } from './rules/index.js';
import { teikitSchema } from './teikit-schema.js';
import type { ValidateOptions, ValidationDiagnostic, ValidationResult } from './types.js';
import { parseXml } from './well-formed.js';

/**
 * Validates a TEI document in three stages, each reported in this order:
 * 1. well-formedness (with saxes): the first fatal error ends validation, as
 *    in jing, since nothing after it can be trusted;
 * 2. the RelaxNG schema (teikit's own by default; any via loadSchema()),
 *    with jing's reading of the XML Schema datatypes;
 * 3. teikit's editorial rules (docs/RULES.md).
 * `valid` is false when any diagnostic is an error.
 *
 * Synchronous, and the same in Node and in browsers: compiling a schema is
 * the only slow or asynchronous part, and loadSchema() does that beforehand.
 */
export function validate(xml: string | Uint8Array, options: ValidateOptions = {}): ValidationResult {
  const rules = selectRules(options.rules); // a bad rule name is the caller's mistake: throw before any work
  const decoded = decodeXml(xml);
  if ('error' in decoded) {
    const { textBefore } = decoded.error;
    return invalid({ code: 'bad-encoding', message: decoded.error.message, ...new LineMap(textBefore).at(textBefore.length) });
  }
  const parsed = parseXml(decoded.text);
  if ('fatal' in parsed) {
    return invalid({ code: 'not-well-formed', message: parsed.fatal.message, ...new LineMap(decoded.text).at(parsed.fatal.offset) });
  }
  const schema = options.schema ?? teikitSchema();
  const maxErrors = Math.max(1, options.maxErrors ?? 100); // at least one, or an invalid document would look valid
  const diagnostics = [...checkSchema(parsed.document, schema.grammar, maxErrors), ...runRules(parsed.document, rules)];
  return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

function invalid(d: Omit<ValidationDiagnostic, 'severity'>): ValidationResult {
  return { valid: false, diagnostics: [{ severity: 'error', ...d }] };
}
