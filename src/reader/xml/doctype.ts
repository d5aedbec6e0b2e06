import type { EntityTable } from './entities.js';
import { referenceAt } from './names.js';
import type { Scanner } from './scanner.js';

/**
 * The document type declaration. teikit is a non-validating reader: from the
 * internal subset it takes only general entity declarations (for `&name;` in
 * the text); element, attribute-list and notation declarations are read past.
 * An external DTD is never fetched or read, and neither are parameter
 * entities; after a parameter-entity reference, later entity declarations are
 * not processed, as XML 1.0 §5.1 requires of a processor that does not read it.
 */

export interface Doctype {
  name: string;
  /** Offset of `<!DOCTYPE`. */
  offset: number;
  systemId?: string;
  publicId?: string;
  /** Offset of the first parameter-entity reference in the internal subset, after which declarations were skipped. */
  parameterEntityAt?: number;
}

/** Reads `<!DOCTYPE …>` at the cursor (which stands on `<!DOCTYPE`), declaring its entities in `entities`. */
export function readDoctype(s: Scanner, entities: EntityTable): Doctype {
  const start = s.pos;
  s.pos += '<!DOCTYPE'.length;
  s.requireSpace('after <!DOCTYPE');
  const doctype: Doctype = { name: s.name('the name of the root element after <!DOCTYPE'), offset: start };
  const hadSpace = s.skipSpace();
  if (hadSpace && (s.at('SYSTEM') || s.at('PUBLIC'))) {
    Object.assign(doctype, externalId(s));
    s.skipSpace();
  }
  if (s.at('[')) {
    s.pos++;
    internalSubset(s, entities, doctype);
    s.skipSpace();
  }
  if (s.done) s.fail('xml-unterminated', 'the DOCTYPE declaration is never closed', start);
  s.expect('>', 'to close the DOCTYPE declaration');
  return doctype;
}

function externalId(s: Scanner): { systemId: string; publicId?: string } {
  if (s.at('SYSTEM')) {
    s.pos += 6;
    s.requireSpace('after SYSTEM');
    return { systemId: s.quoted('system identifier').value };
  }
  s.pos += 6;
  s.requireSpace('after PUBLIC');
  const publicId = s.quoted('public identifier').value;
  s.requireSpace('between the public and system identifiers');
  return { publicId, systemId: s.quoted('system identifier').value };
}

function internalSubset(s: Scanner, entities: EntityTable, doctype: Doctype): void {
  for (;;) {
    s.skipSpace();
    if (s.done) s.fail('xml-unterminated', 'the internal subset of the DOCTYPE is never closed by "]"');
    if (s.at(']')) {
      s.pos++;
      return;
    }
    if (s.at('%')) {
      doctype.parameterEntityAt ??= s.pos;
      s.pos++;
      s.name('a parameter-entity name after %');
      s.expect(';', 'to end the parameter-entity reference');
    } else if (s.at('<!--')) {
      const end = s.text.indexOf('-->', s.pos + 4);
      if (end === -1) s.fail('xml-unterminated', 'comment never closed by -->');
      s.pos = end + 3;
    } else if (s.at('<?')) {
      const end = s.text.indexOf('?>', s.pos + 2);
      if (end === -1) s.fail('xml-unterminated', 'processing instruction never closed by ?>');
      s.pos = end + 2;
    } else if (s.at('<!ENTITY')) {
      entityDeclaration(s, entities, doctype);
    } else if (s.at('<!ELEMENT') || s.at('<!ATTLIST') || s.at('<!NOTATION')) {
      skipDeclaration(s);
    } else {
      s.fail('xml-bad-doctype', `unexpected ${s.describeHere()} in the internal subset of the DOCTYPE`);
    }
  }
}

// Up to the ">" that ends a markup declaration, passing over quoted literals, which may hold ">".
function skipDeclaration(s: Scanner): void {
  const start = s.pos;
  const t = s.text;
  let p = s.pos;
  for (;;) {
    const gt = t.indexOf('>', p);
    const dq = t.indexOf('"', p);
    const sq = t.indexOf("'", p);
    if (gt === -1) s.fail('xml-unterminated', 'markup declaration never closed by ">"', start);
    const q = [dq, sq].filter((x) => x !== -1 && x < gt).sort((a, b) => a - b)[0];
    if (q === undefined) {
      s.pos = gt + 1;
      return;
    }
    const close = t.indexOf(t[q]!, q + 1);
    if (close === -1) s.fail('xml-unterminated', 'quoted literal never closed', q);
    p = close + 1;
  }
}

function entityDeclaration(s: Scanner, entities: EntityTable, doctype: Doctype): void {
  s.pos += '<!ENTITY'.length;
  s.requireSpace('after <!ENTITY');
  let parameter = false;
  if (s.at('%')) {
    parameter = true;
    s.pos++;
    s.requireSpace('after % in a parameter-entity declaration');
  }
  const name = s.name('an entity name');
  s.requireSpace(`after the entity name ${name}`);
  let value: string | undefined;
  let systemId: string | undefined;
  let unparsed = false;
  if (s.at('"') || s.at("'")) {
    const literal = s.quoted(`value of entity ${name}`);
    value = entityValue(s, literal.value, literal.start, name);
  } else if (s.at('SYSTEM') || s.at('PUBLIC')) {
    systemId = externalId(s).systemId;
    const spaced = s.skipSpace();
    if (spaced && s.at('NDATA')) {
      s.pos += 5;
      s.requireSpace('after NDATA');
      s.name('a notation name after NDATA');
      unparsed = true;
    }
  } else {
    s.fail('xml-bad-doctype', `expected the quoted value or SYSTEM/PUBLIC identifier of entity ${name}, found ${s.describeHere()}`);
  }
  s.skipSpace();
  s.expect('>', `to close the declaration of entity ${name}`);
  if (parameter || doctype.parameterEntityAt !== undefined) return;
  entities.declare({ name, ...(value !== undefined && { value }), ...(systemId !== undefined && { systemId }), ...(unparsed && { unparsed }) });
}

/**
 * The replacement text of an internal entity (§4.5): character references are
 * resolved now, entity references are kept, to be expanded where the entity is
 * used. A parameter-entity reference cannot stand inside a declaration in the
 * internal subset (WFC: PEs in Internal Subset).
 */
function entityValue(s: Scanner, raw: string, start: number, name: string): string {
  const pe = raw.indexOf('%');
  if (pe !== -1) s.fail('xml-bad-doctype', `the value of entity ${name} holds "%": parameter-entity references are not allowed inside declarations in the internal subset`, start + pe);
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', i)) {
    out += raw.slice(i, amp);
    const ref = referenceAt(raw, amp);
    if (ref.kind === 'bad') s.fail(ref.code, `in the value of entity ${name}: ${ref.reason}`, start + amp);
    out += ref.kind === 'char' ? ref.value : raw.slice(amp, ref.end);
    i = ref.end;
  }
  return out + raw.slice(i);
}
