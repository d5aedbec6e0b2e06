import type { Severity } from '../../diagnostics.js';
import { TEI_NS, XML_NS, type XmlAttribute, type XmlDocument, type XmlElement } from '../document-tree.js';

/**
 * An editorial rule: a check beyond what a RelaxNG schema can say, run on the
 * parsed document after the schema check. Each rule is one module in this
 * folder, named as the rule, and documented in docs/RULES.md with an ok and a
 * not-ok example that tests/validate-rules.test.ts runs.
 */
export interface Rule {
  readonly name: string;
  /** The severity of its findings unless the caller says otherwise. */
  readonly severity: Severity;
  /** One line: what the rule checks. */
  readonly description: string;
  /** The attributes (without a namespace) the rule reads through context.attributes(). */
  readonly attributes?: readonly string[];
  check(context: RuleContext): void;
}

/** What a rule sees: the document, its xml:ids, and a way to report. */
export class RuleContext {
  constructor(
    readonly doc: XmlDocument,
    private readonly index: DocumentIndex,
    private readonly sink: (at: XmlElement | XmlAttribute, message: string) => void,
  ) {}

  /** Reports a finding at an attribute's name, or at an element's `<`. */
  report(at: XmlElement | XmlAttribute, message: string): void {
    this.sink(at, message);
  }

  /** Every element, in document order. */
  elements(): readonly XmlElement[] {
    return this.index.elements;
  }

  /** The TEI elements of one name, in document order. */
  tei(local: string): readonly XmlElement[] {
    return this.index.tei(local);
  }

  /** The attributes of one name (without a namespace) on TEI elements, with their elements, in document order. */
  attributes(local: string): ReadonlyArray<readonly [XmlElement, XmlAttribute]> {
    return this.index.attributes(local);
  }

  /** The first element bearing each xml:id. */
  get ids(): Map<string, XmlElement> {
    return this.index.ids;
  }
}

/** What several rules need, computed once per document when first asked for. */
export class DocumentIndex {
  private idIndex: Map<string, XmlElement> | undefined;
  private all: XmlElement[] | undefined;
  private byName: Map<string, XmlElement[]> | undefined;
  private attributesByName: Map<string, Array<readonly [XmlElement, XmlAttribute]>> | undefined;

  /** `wanted`: the attribute names rules will ask for; only those are indexed. */
  constructor(
    private readonly doc: XmlDocument,
    private readonly wanted: ReadonlySet<string>,
  ) {}

  get elements(): readonly XmlElement[] {
    if (!this.all) {
      const all: XmlElement[] = [];
      const stack: XmlElement[] = [this.doc.root];
      while (stack.length > 0) {
        const el = stack.pop()!;
        all.push(el);
        for (let i = el.children.length - 1; i >= 0; i--) {
          const child = el.children[i]!;
          if (child.kind === 'element') stack.push(child);
        }
      }
      this.all = all;
    }
    return this.all;
  }

  tei(local: string): readonly XmlElement[] {
    this.indexTei();
    return this.byName!.get(local) ?? [];
  }

  attributes(local: string): ReadonlyArray<readonly [XmlElement, XmlAttribute]> {
    if (!this.wanted.has(local)) throw new Error(`a rule asked for @${local} without declaring it in its attributes`);
    this.indexTei();
    return this.attributesByName!.get(local) ?? [];
  }

  // One pass gives every rule the elements and attributes it looks at, by name.
  private indexTei(): void {
    if (this.byName) return;
    const byName = (this.byName = new Map<string, XmlElement[]>());
    const attributes = (this.attributesByName = new Map<string, Array<readonly [XmlElement, XmlAttribute]>>());
    for (const el of this.elements) {
      if (el.uri !== TEI_NS) continue;
      let list = byName.get(el.local);
      if (!list) byName.set(el.local, (list = []));
      list.push(el);
      for (const a of el.attributes) {
        if (a.uri !== '' || !this.wanted.has(a.local)) continue;
        let same = attributes.get(a.local);
        if (!same) attributes.set(a.local, (same = []));
        same.push([el, a]);
      }
    }
  }

  get ids(): Map<string, XmlElement> {
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (const el of this.elements) {
        const id = xmlId(el);
        if (id !== undefined && !this.idIndex.has(id)) this.idIndex.set(id, el);
      }
    }
    return this.idIndex;
  }
}

export function xmlIdAttribute(el: XmlElement): XmlAttribute | undefined {
  return el.attributes.find((a) => a.local === 'id' && a.uri === XML_NS);
}

/** An xml:id as XML reads it: spaces around it are not part of it. */
export function xmlId(el: XmlElement): string | undefined {
  return xmlIdAttribute(el)?.value.trim();
}

/** `"value"`, for messages. */
export const q = (s: string): string => JSON.stringify(s);
