import { TeikitError, error, warning, type Diagnostic } from '../diagnostics.js';
import type { EditionConfig, RegisterEntry } from '../config/types.js';
import type { LiteralHits } from '../recognise/literal-automaton.js';
import { compileNameMatcher, NameFormConflictError, type NameMatcher } from '../recognise/names.js';
import type { EntityKind } from '../recognise/types.js';
import type { NameSpan } from './spans.js';

/** The edition's register, compiled once into a matcher over every name form. */
export interface CompiledRegister {
  matcher: NameMatcher;
  entries: { entry: RegisterEntry; kind: EntityKind; path: string }[];
}

// The last register compiled, by content: a batch encodes thousands of texts with
// one register, and compiling it (and the automaton over its forms, which
// SharedScan keeps with the matcher's forms) costs more than encoding a letter.
// Keyed by content, not identity, so a caller changing its register in place
// never gets a stale matcher; JSON of 10,000 entries takes about a millisecond.
let lastCompiled: { key: string; compiled: CompiledRegister } | undefined;

export function compileRegister(config: EditionConfig): CompiledRegister {
  const key = JSON.stringify(config.register ?? {});
  if (lastCompiled?.key === key) return lastCompiled.compiled;
  const compiled = compileRegisterAnew(config);
  lastCompiled = { key, compiled };
  return compiled;
}

function compileRegisterAnew(config: EditionConfig): CompiledRegister {
  const register = config.register ?? {};
  const entries = [
    ...(register.people ?? []).map((entry, i) => ({ entry, kind: 'person' as const, path: `/register/people/${i}` })),
    ...(register.organisations ?? []).map((entry, i) => ({ entry, kind: 'org' as const, path: `/register/organisations/${i}` })),
    ...(register.places ?? []).map((entry, i) => ({ entry, kind: 'place' as const, path: `/register/places/${i}` })),
  ];
  try {
    const matcher = compileNameMatcher(entries.map(({ entry, kind }) => ({ id: entry.id, kind, forms: entry.forms ?? [entry.name] })));
    return { matcher, entries };
  } catch (err) {
    if (err instanceof NameFormConflictError) {
      throw new TeikitError([error('register-form-conflict', err.message, { file: 'config', path: '/register' })]);
    }
    throw err;
  }
}

/** Name spans from the hits of the register's forms, and a warning for each entry the text never mentions. */
export function collectNames(config: EditionConfig, register: CompiledRegister, hits: LiteralHits): { spans: NameSpan[]; diagnostics: Diagnostic[] } {
  const spans: NameSpan[] = [];
  const mentioned = new Set<string>();
  for (const m of register.matcher.select(hits)) {
    spans.push({ kind: 'name', start: m.start, end: m.end, entity: m.kind, ref: m.id });
    mentioned.add(m.id);
  }
  const diagnostics: Diagnostic[] = [];
  for (const { entry, path } of register.entries) {
    // The author is in the register for the header's sake, whether or not the text names them.
    if (!mentioned.has(entry.id) && entry.id !== config.metadata?.author?.ref) {
      diagnostics.push(warning('register-unused', `register entry "${entry.id}" is never mentioned in the text`, { file: 'config', path }));
    }
  }
  return { spans, diagnostics };
}
