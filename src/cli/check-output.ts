import { TeikitError, error } from '../diagnostics.js';
import { validate } from '../validate/validate.js';

/**
 * The CLI checks every document it is about to write against teikit's own
 * schema and rules. Invalid output is a bug in teikit: it fails loudly, and
 * nothing is written.
 */
export function assertValidOutput(xml: string): void {
  const result = validate(xml);
  if (result.valid) return;
  throw new TeikitError(
    result.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) =>
        error('invalid-output', `teikit produced TEI that its own schema rejects (a bug in teikit, please report it): line ${d.line}:${d.column} of the output: ${d.code}: ${d.message}`),
      ),
  );
}
