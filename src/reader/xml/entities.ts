import { PREDEFINED_ENTITIES, referenceAt } from './names.js';

/**
 * General entities declared in a document's internal DTD subset, and their
 * expansion under a budget.
 *
 * XML lets a few hundred bytes of declarations expand into gigabytes of text
 * ("billion laughs": entities nesting ten references deep; "quadratic blowup":
 * one large entity referenced many times). The reader therefore never
 * expands an entity without knowing its cost first: the cost of an entity is
 * the number of characters and nested references its full expansion holds,
 * computed once per entity from its declaration (cheaply, without building
 * the text), and every reference in the document spends that cost from one
 * budget, `maxEntityExpansion`. A document that would exceed it is refused
 * before any of the text is built, so time and memory stay linear in the input
 * plus the budget. The five predefined entities and character references are
 * free: they never produce more text than they take.
 *
 * Only internal entities whose replacement text is character data are
 * expanded. External entities are never fetched (not from the network, not from
 * the disk): a reference to one is an error. Replacement text holding markup
 * (`<`) is refused too, since its elements could not be given places in the
 * document.
 */

export interface EntityDeclaration {
  name: string;
  /** The replacement text, for an internal entity: character references already resolved, entity references kept. */
  value?: string;
  /** SYSTEM identifier of an external entity. */
  systemId?: string;
  /** An unparsed entity (NDATA): data for an attribute, never text. */
  unparsed?: boolean;
}

/** How deep entity references may nest inside replacement texts. */
export const MAX_ENTITY_NESTING = 32;

// Literal text, a character from a reference (exempt from attribute-value normalisation), or a nested entity.
type Part = string | { char: string } | { ref: string };

export class EntityError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export class EntityTable {
  private readonly declarations = new Map<string, EntityDeclaration>();
  private readonly parts = new Map<string, Part[]>();
  private readonly costs = new Map<string, number>();
  private readonly cache = new Map<string, string>();
  private spent = 0;

  constructor(private readonly budget: number) {}

  /** The first declaration of a name binds (XML 1.0 §4.2); the predefined five cannot be redefined. */
  declare(d: EntityDeclaration): void {
    if (PREDEFINED_ENTITIES.has(d.name) || this.declarations.has(d.name)) return;
    this.declarations.set(d.name, d);
  }

  get size(): number {
    return this.declarations.size;
  }

  has(name: string): boolean {
    return PREDEFINED_ENTITIES.has(name) || this.declarations.has(name);
  }

  /**
   * The text a reference to `name` in the document stands for, paid for from
   * the budget. Throws an EntityError when the entity is unknown, external,
   * recursive, holds markup, or costs more than is left.
   */
  expand(name: string, inAttribute: boolean): string {
    const predefined = PREDEFINED_ENTITIES.get(name);
    if (predefined !== undefined) return predefined;
    const cost = this.cost(name, 0, []);
    this.spent += cost;
    if (this.spent > this.budget) {
      throw new EntityError(
        'xml-entity-limit',
        `entity references would expand to more than ${this.budget.toLocaleString('en')} characters (at &${name};)`,
        'the document may be an entity-expansion attack; raise maxEntityExpansion only for a document you trust',
      );
    }
    const key = inAttribute ? `a ${name}` : `t ${name}`;
    let text = this.cache.get(key);
    if (text === undefined) {
      const out: string[] = [];
      this.build(name, inAttribute, out);
      text = out.join('');
      this.cache.set(key, text);
    }
    return text;
  }

  private declaration(name: string, from: string | undefined): EntityDeclaration {
    const d = this.declarations.get(name);
    const inside = from === undefined ? '' : ` (referenced in the replacement text of &${from};)`;
    if (!d) throw new EntityError('xml-undefined-entity', `entity &${name}; is not declared${inside}`);
    if (d.unparsed) throw new EntityError('xml-unparsed-entity', `&${name}; is an unparsed (NDATA) entity and cannot stand in text${inside}`);
    if (d.value === undefined) {
      throw new EntityError(
        'xml-external-entity',
        `&${name}; is an external entity (${JSON.stringify(d.systemId ?? '')}); teikit never fetches external entities${inside}`,
        'replace the reference with the text it stands for',
      );
    }
    return d;
  }

  // The replacement text as literal pieces and references, parsed once.
  private partsOf(name: string, from: string | undefined): Part[] {
    let parts = this.parts.get(name);
    if (parts) return parts;
    const value = this.declaration(name, from).value!;
    parts = [];
    let i = 0;
    let literal = '';
    for (;;) {
      const next = findSpecial(value, i);
      if (next === -1) {
        literal += value.slice(i);
        break;
      }
      literal += value.slice(i, next);
      if (value.charCodeAt(next) === 0x3c /* < */) {
        throw new EntityError('xml-entity-markup', `the replacement text of &${name}; holds markup, which teikit does not expand`, 'write the markup into the document instead of an entity');
      }
      const ref = referenceAt(value, next);
      if (ref.kind === 'bad') throw new EntityError(ref.code, `in the replacement text of &${name};: ${ref.reason}`);
      if (ref.kind === 'char') {
        if (literal) parts.push(literal);
        literal = '';
        parts.push({ char: ref.value });
      } else {
        const predefined = PREDEFINED_ENTITIES.get(ref.name);
        if (predefined !== undefined) {
          literal += predefined;
        } else {
          if (literal) parts.push(literal);
          literal = '';
          parts.push({ ref: ref.name });
        }
      }
      i = ref.end;
    }
    if (literal) parts.push(literal);
    this.parts.set(name, parts);
    return parts;
  }

  // Characters plus nested references in the full expansion, never building it.
  private cost(name: string, depth: number, open: string[]): number {
    const known = this.costs.get(name);
    if (known !== undefined) return known;
    if (open.includes(name)) throw new EntityError('xml-entity-recursion', `entity &${name}; refers to itself (${[...open, name].map((n) => `&${n};`).join(' → ')})`);
    if (depth >= MAX_ENTITY_NESTING) {
      throw new EntityError('xml-entity-limit', `entity references nest more than ${MAX_ENTITY_NESTING} deep (at &${name};)`);
    }
    open.push(name);
    let total = 0;
    for (const p of this.partsOf(name, open[open.length - 2])) {
      total += typeof p === 'string' ? p.length : 'char' in p ? p.char.length : 1 + this.cost(p.ref, depth + 1, open);
      // Past the budget the exact figure no longer matters, and stopping keeps the sum finite.
      if (total > this.budget) {
        total = this.budget + 1;
        break;
      }
    }
    open.pop();
    this.costs.set(name, total);
    return total;
  }

  // Recursive, but only as deep as cost() allowed (MAX_ENTITY_NESTING).
  private build(name: string, inAttribute: boolean, out: string[]): void {
    for (const p of this.parts.get(name)!) {
      // Attribute-value normalisation (§3.3.3) applies to literal white space in replacement text too.
      if (typeof p === 'string') out.push(inAttribute ? p.replace(/[\t\n\r]/g, ' ') : p);
      else if ('char' in p) out.push(p.char);
      else this.build(p.ref, inAttribute, out);
    }
  }
}

function findSpecial(s: string, from: number): number {
  const lt = s.indexOf('<', from);
  const amp = s.indexOf('&', from);
  if (lt === -1) return amp;
  if (amp === -1) return lt;
  return Math.min(lt, amp);
}
