import type { Severity } from '../diagnostics.js';
import type { Schema } from './schema.js';

/**
 * One problem found by validate(). Unlike encode()'s diagnostics, every one has
 * a place, and the column counts UTF-16 code units, as jing and most editors do.
 */
export interface ValidationDiagnostic {
  severity: Severity;
  /**
   * Stable machine-readable code: `not-well-formed` or `bad-encoding` (the
   * document is not XML), a schema code (`element-not-allowed`,
   * `element-incomplete`, `attribute-not-allowed`, `attribute-missing`,
   * `attribute-value-invalid`, `text-not-allowed`, `text-invalid`,
   * `duplicate-id`, `schema-invalid`), or a rule's name for a rule finding.
   */
  code: string;
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units: the numbers jing prints. */
  column: number;
  /** The editorial rule that found it (see docs/RULES.md); absent for XML and schema problems. */
  rule?: string;
}

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  valid: boolean;
  diagnostics: ValidationDiagnostic[];
}

/** `true`/`false` turn a rule on or off at its default severity; a severity turns it on at that severity. */
export type RuleSetting = boolean | Severity | 'off';

export interface ValidateOptions {
  /** The RelaxNG schema, from loadSchema(). Default: teikit's own schema, schemas/teikit.rng. */
  schema?: Schema;
  /** Editorial rules by name, e.g. `{ 'note-attributed': false, 'choice-pair': 'error' }`; unnamed rules keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Stop reporting schema problems after this many (default 100); the verdict does not depend on it. */
  maxErrors?: number;
}
