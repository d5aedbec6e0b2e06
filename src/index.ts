// The public API. Code lives in the modules named below; this file only re-exports.
export { encode, type EncodeOptions, type EncodeResult } from './encode.js';
export { analyse, type Edition } from './analyse.js';
export { normaliseSource } from './normalise-source.js';
export { checkConfig, parseConfigText } from './config/validate-config.js';
export type * from './config/types.js';
export { TeikitError, formatDiagnostic, type Diagnostic, type Place, type Severity } from './diagnostics.js';
export { julianToGregorian, gregorianToJulian } from './recognise/calendar.js';
export { defaultHandlers, type InlineHandlers, type InlineHandler } from './tei/inline.js';
export type { Span, SpanKind } from './annotate/spans.js';
export type { SpanNode } from './annotate/nest.js';
export type { XmlElement, XmlText, XmlNode } from './tei/xml-tree.js';
export type { YMD, DateMatch } from './recognise/types.js';
export { validate } from './validate/validate.js';
export { loadSchema, precompileSchema, type Schema, type SchemaSource, type PrecompiledSchema, type LoadSchemaOptions } from './validate/schema.js';
export type { ValidateOptions, ValidationResult, ValidationDiagnostic, RuleSetting } from './validate/types.js';
export { TEIKIT_VERSION as version } from './version.js';
export * from './reader/index.js';
export * from './render/index.js';
