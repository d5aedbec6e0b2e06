import type { ReadDiagnostic } from './types.js';
import { ReadingBuilder, splitSimpleText, type Span } from './reading-builder.js';
import { pickInApp, pickInChoice, sourceSideKind, editedSideKind } from './tei/choose.js';
import { ASIDE_REASONS, NAME_ELEMENTS, TEI_ELEMENT_NAMES, roleOf } from './tei/elements.js';
import type { InterventionKind } from './types.js';
import { elementChildren, forEachDescendant, type XElement, type XText } from './xml/tree.js';

/**
 * The walk over the text that produces both readings at once. Each element
 * decides which readings its content goes to (a bit mask: diplomatic,
 * corrected, both or neither) and what it adds itself (a line break, a
 * placeholder, brackets); text goes to the readings its element allows.
 *
 * The walk is iterative, with an explicit stack, so no nesting depth can
 * overflow the call stack. It records, as it goes, the spans of the
 * interventions, names, dates and notes in both readings; the modules that
 * build the model's sections (apparatus.ts, entities.ts, …) turn the records
 * into entries afterwards.
 *
 * The reading policy, as a TEI editor would state it:
 * - diplomatic: what the source shows: `sic`, `orig`, `abbr` and `am`; `del`
 *   and `surplus` as well as `add` (a deletion is on the page); omission marks;
 *   glosses printed in brackets (`note rend="brackets"`) with their brackets;
 * - corrected: `corr`, `reg`, `expan` and `ex`, `supplied`; `add` but not
 *   `del` (unless inside `restore`), nor text between `delSpan` and its anchor;
 * - both: everything else; a `gap` as the placeholder; an `app` as its lemma
 *   (or the chosen witness's reading); a note outside the flow in neither.
 */

export const DIPLOMATIC = 1;
export const CORRECTED = 2;
const BOTH = 3;

/** The text of one flow: the document's, or the text of one note outside it. */
export interface Flow {
  dip: ReadingBuilder;
  corr: ReadingBuilder;
  /** Index of the note (in `notes`) whose text this flow is; undefined for the main text. */
  note: number | undefined;
  dipText: string;
  corrText: string;
}

/** An element whose extent the walk recorded in both readings of its flow. */
export interface Tracked {
  el: XElement;
  flow: Flow;
  dip: Span;
  corr: Span;
}

export interface InterventionRecord extends Tracked {
  kind: InterventionKind;
  /** The element whose `@resp`, `@cert`, `@type` the entry reports: the corr of a choice, the reading of an app. */
  editorial: XElement | undefined;
  alternatives: XElement[];
}

export interface NoteRecord extends Tracked {
  inline: boolean;
  /** For a note outside the flow: the flow of its own text. */
  own: Flow | undefined;
}

export interface WalkOptions {
  isTei: (el: XElement) => boolean;
  lineBreaks: 'keep' | 'join';
  gapPlaceholder: string;
  witness: string | undefined;
  /** Record nothing and report nothing: for reading a piece of text (an alternative, a header field). */
  quiet: boolean;
}

// What a frame does when its element ends (bits of Frame.then).
const END_UNIT = 1;
const END_LINE = 2;
const CLOSE_BRACKET = 4;
const FINISH_FLOW = 8;

interface Frame {
  el: XElement;
  i: number;
  vis: number;
  preserve: boolean;
  /** Only elements are content here (choice, app, subst): white space between them is not text. */
  elementOnly: boolean;
  restore: boolean;
  inName: boolean;
  flow: Flow;
  /** END_UNIT | END_LINE | …: flags rather than a closure, as hundreds of thousands of frames come and go. */
  then: number;
  /** The spans to close when the element ends. */
  tracked: Tracked | undefined;
  /** For the children of a choice or app: which readings each one goes to (absent: as its parent). */
  picks: Map<XElement, number> | undefined;
}

interface Tally {
  count: number;
  offset: number;
  reason: string;
}

const WHITESPACE_ONLY = /^[ \t\n\r]*$/;

export class TextWalker {
  readonly interventions: InterventionRecord[] = [];
  readonly mentions: Tracked[] = [];
  readonly dates: Tracked[] = [];
  readonly notes: NoteRecord[] = [];
  readonly main: Flow;
  /** The elements segments refer to, by index. */
  readonly elements: XElement[] = [];
  private readonly stack: Frame[] = [];
  // Frames are reused by depth: the walk is strictly last in, first out, and a document has as
  // many elements as it has characters to spare, so not allocating one per element pays.
  private readonly pool: Frame[] = [];
  private readonly tallies = new Map<string, Tally>();
  /** Anchors that open delSpans wait for, with where each delSpan stands. */
  private readonly mutedUntil = new Map<string, number>();
  /** In a quiet read: how many pieces of text it left out of both readings. */
  omitted = 0;

  constructor(private readonly o: WalkOptions) {
    this.main = this.flow(o.quiet ? undefined : (el) => this.indexOf(el), undefined);
  }

  /** Reads the content of `el` into the main flow (the element's own rule is not applied to it). */
  read(el: XElement): this {
    const sp = el.attributes.get('xml:space');
    this.run({ el, i: 0, vis: BOTH, preserve: sp === 'preserve', elementOnly: false, restore: false, inName: false, flow: this.main, then: 0, tracked: undefined, picks: undefined });
    this.main.dipText = this.main.dip.finish();
    this.main.corrText = this.main.corr.finish();
    return this;
  }

  /** Diagnostics the walk collected: one per kind of thing noticed, with the count and the first place. */
  diagnostics(place: (offset: number) => { line: number; column: number }): ReadDiagnostic[] {
    const out: ReadDiagnostic[] = [];
    for (const [key, t] of this.tallies) {
      const code = key.slice(0, key.indexOf(' '));
      const times = t.count === 1 ? 'once' : `${t.count.toLocaleString('en')} times`;
      out.push({ severity: code === 'text-in-element-only' ? 'warning' : 'info', code, message: `${t.reason} (${times}, first here)`, file: 'source', place: place(t.offset) });
    }
    for (const [id, offset] of this.mutedUntil) {
      out.push({
        severity: 'warning',
        code: 'span-not-closed',
        message: `delSpan points to #${id}, which the text never reaches: the corrected reading omits everything after it`,
        file: 'source',
        place: place(offset),
      });
    }
    return out;
  }

  private indexOf(el: XElement): number {
    if (el.tableIndex < 0) {
      el.tableIndex = this.elements.length;
      this.elements.push(el);
    }
    return el.tableIndex;
  }

  private flow(index: ((el: XElement) => number) | undefined, note: number | undefined): Flow {
    return { dip: new ReadingBuilder(index), corr: new ReadingBuilder(index), note, dipText: '', corrText: '' };
  }

  private run(root: Frame): void {
    const stack = this.stack;
    stack.push(root);
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      const children = f.el.children;
      if (f.i >= children.length) {
        stack.pop();
        if (f.then !== 0 || f.tracked) this.leave(f);
        continue;
      }
      const node = children[f.i++]!;
      if (node.type === 'text') this.text(node, f);
      else {
        const child = this.enter(node, f);
        if (child) stack.push(child);
      }
    }
  }

  private leave(f: Frame): void {
    const flow = f.flow;
    if (f.then & CLOSE_BRACKET) this.chars(f.vis, flow, ']', f.el);
    if (f.then & END_LINE) {
      if (this.o.lineBreaks === 'keep') this.lineBreakIn(f.vis, flow, f.el);
      else this.spaceIn(f.vis, flow, f.el);
    }
    if (f.then & END_UNIT) {
      flow.dip.endUnit();
      flow.corr.endUnit();
    }
    if (f.then & FINISH_FLOW) {
      flow.dipText = flow.dip.finish();
      flow.corrText = flow.corr.finish();
    }
    const t = f.tracked;
    if (t) {
      t.flow.dip.close(t.dip);
      t.flow.corr.close(t.corr);
    }
  }

  private text(node: XText, f: Frame): void {
    if (f.elementOnly) {
      if (WHITESPACE_ONLY.test(node.value)) return;
      this.tally('text-in-element-only', f.el, node.offset, `text directly inside <${f.el.name}>, where TEI expects only elements; it is read in both readings`);
    }
    const v = this.visible(f.vis);
    const simple = f.preserve ? undefined : splitSimpleText(node.value);
    if (simple) {
      if (v & DIPLOMATIC) f.flow.dip.simpleText(simple.lead, simple.core, simple.trail, f.el);
      if (v & CORRECTED) f.flow.corr.simpleText(simple.lead, simple.core, simple.trail, f.el);
    } else {
      if (v & DIPLOMATIC) f.flow.dip.text(node.value, f.el, f.preserve);
      if (v & CORRECTED) f.flow.corr.text(node.value, f.el, f.preserve);
    }
  }

  // Text between a delSpan and its anchor is deleted: only the diplomatic reading has it.
  private visible(vis: number): number {
    return this.mutedUntil.size === 0 ? vis : vis & DIPLOMATIC;
  }

  // The same step in each reading `vis` allows; spelled out rather than given a callback, to allocate nothing.
  private chars(vis: number, flow: Flow, s: string, el: XElement): void {
    const v = this.visible(vis);
    if (v & DIPLOMATIC) flow.dip.chars(s, el);
    if (v & CORRECTED) flow.corr.chars(s, el);
  }

  private spaceIn(vis: number, flow: Flow, el: XElement): void {
    const v = this.visible(vis);
    if (v & DIPLOMATIC) flow.dip.whitespace(' ', el, false);
    if (v & CORRECTED) flow.corr.whitespace(' ', el, false);
  }

  private lineBreakIn(vis: number, flow: Flow, el: XElement): void {
    const v = this.visible(vis);
    if (v & DIPLOMATIC) flow.dip.lineBreak(el);
    if (v & CORRECTED) flow.corr.lineBreak(el);
  }

  private glueIn(vis: number, flow: Flow): void {
    const v = this.visible(vis);
    if (v & DIPLOMATIC) flow.dip.glue();
    if (v & CORRECTED) flow.corr.glue();
  }

  private enter(el: XElement, p: Frame): Frame | undefined {
    const forced = p.picks?.get(el);
    const vis = forced === undefined ? p.vis : p.vis & forced;
    if (vis === 0 && forced !== 0 && forced !== undefined) {
      // Chosen for the one reading its surroundings do not show: the sic of a choice inside a corr.
      this.leftOut(`not-in-readings ${el.local}`, el, el.offset, `<${el.name}> is chosen for a reading that the element around it leaves out (a choice inside a corr or a del), so it is in neither reading`);
      return undefined;
    }
    if (vis === 0 && forced !== undefined) {
      // An alternative a choice or app did not choose: its text is in `alternatives`, read as running
      // text, which leaves out a note outside the flow standing in it; that much is said. A quiet read
      // (of an alternative) leaving out an alternative nested in it says so to its caller.
      if (this.o.quiet && el.children.length > 0) this.omitted++;
      forEachDescendant(el, (d) => {
        if (d.local === 'note' && this.o.isTei(d) && !isInlineNote(d)) this.leftOut('not-in-readings note', d, d.offset, 'a note inside a reading that is not read (a rdg, or a corr not chosen) is in neither the readings nor notes');
      });
      return undefined;
    }
    if (!this.o.isTei(el)) {
      this.tally('unknown-element', el, el.offset, `<${el.name}> is not a TEI element (namespace ${JSON.stringify(el.ns)}); its text is read as running text`);
      return this.frame(el, p, vis);
    }
    const local = el.local;
    switch (local) {
      case 'lb':
        this.lineBreak(el, p, vis);
        return this.unread(el);
      case 'space':
        this.spaceIn(vis, p.flow, el);
        return this.unread(el);
      case 'gap':
        this.gap(el, p, vis);
        return undefined;
      case 'delSpan': {
        const to = el.attributes.get('spanTo');
        if (to?.startsWith('#')) this.mutedUntil.set(to.slice(1), el.offset);
        return this.unread(el);
      }
      case 'anchor': {
        const id = el.attributes.get('xml:id');
        if (id !== undefined) this.mutedUntil.delete(id);
        return this.unread(el);
      }
      case 'choice':
        return this.choice(el, p, vis);
      case 'app':
        return this.app(el, p, vis);
      case 'rdgGrp':
      case 'subst': {
        const f = this.frame(el, p, vis);
        f.elementOnly = true;
        // Readings inside a group are chosen by the app above it.
        if (local === 'rdgGrp') f.picks = p.picks;
        return f;
      }
      case 'note':
        return this.note(el, p, vis);
      case 'sic':
      case 'orig':
      case 'abbr':
        if (this.inChoice(el)) return this.frame(el, p, vis);
        return this.intervention(this.frame(el, p, vis), sourceSideKind(local)!, el);
      case 'corr':
      case 'reg':
        if (this.inChoice(el)) return this.frame(el, p, vis);
        return this.intervention(this.content(el, p, vis & CORRECTED), editedSideKind(local)!, el);
      case 'expan': {
        if (this.inChoice(el)) return this.frame(el, p, vis);
        // An expansion marking its editorial letters with `ex` shows the source's letters too.
        let marked = false;
        forEachDescendant(el, (d) => (marked = d.local === 'ex'));
        return this.intervention(this.content(el, p, marked ? vis : vis & CORRECTED), 'abbr-expan', el);
      }
      case 'ex': {
        const f = this.content(el, p, vis & CORRECTED);
        return p.el.local === 'expan' || this.inChoice(p.el) ? f : this.intervention(f, 'abbr-expan', el);
      }
      case 'am':
        return this.content(el, p, vis & DIPLOMATIC);
      case 'supplied':
        return this.intervention(this.content(el, p, vis & CORRECTED), 'supplied', el);
      case 'del':
      case 'surplus':
        return this.content(el, p, p.restore ? vis : vis & DIPLOMATIC);
      case 'restore': {
        const f = this.frame(el, p, vis);
        f.restore = true;
        return f;
      }
      case 'ellipsis':
        return this.intervention(this.frame(el, p, vis), 'omission', el);
      case 'date':
        return this.track(this.frame(el, p, vis), this.dates);
      case 'l':
        return p.el.local === 'lg' ? this.line(el, p, vis) : this.unit(el, p, vis);
    }
    if (NAME_ELEMENTS.has(local)) {
      const f = this.frame(el, p, vis);
      const mention = el.attributes.has('ref') || !p.inName;
      f.inName = true;
      return mention ? this.track(f, this.mentions) : f;
    }
    switch (roleOf(local)) {
      case 'outside':
        return undefined;
      case 'aside':
        this.leftOut(`not-in-readings ${local}`, el, el.offset, `<${local}> is not part of the readings: ${ASIDE_REASONS.get(local) ?? 'it is not running text'}`);
        return undefined;
      case 'structure':
      case 'block':
        return this.unit(el, p, vis);
      case 'flex':
        return roleOf(p.el.local) === 'structure' ? this.unit(el, p, vis) : this.frame(el, p, vis);
      case 'milestone':
        if (el.attributes.get('break') === 'no') this.glueIn(vis, p.flow);
        return this.unread(el);
      case 'inline':
        if (!TEI_ELEMENT_NAMES.has(local)) this.tally(`unknown-element ${local}`, el, el.offset, `<${el.name}> is not an element of TEI P5; its text is read as running text`);
        return this.frame(el, p, vis);
    }
  }

  // An element whose content the reader does not read (an lb, a pb, a space): text in it, which TEI
  // does not expect there (a desc at most), is said to be left out.
  private unread(el: XElement): undefined {
    if (el.children.length > 0 && hasNonSpaceText(el)) {
      this.leftOut(`not-in-readings ${el.local}`, el, el.offset, `<${el.name}> marks a place in the text; the text inside it is not read`);
    }
    return undefined;
  }

  // The frame for `el`, one level below the top of the stack.
  private frame(el: XElement, p: Frame, vis: number): Frame {
    const sp = el.attributes.get('xml:space');
    const preserve = sp === 'preserve' ? true : sp === 'default' ? false : p.preserve;
    const depth = this.stack.length;
    let f = this.pool[depth];
    if (!f) {
      f = { el, i: 0, vis, preserve, elementOnly: false, restore: p.restore, inName: p.inName, flow: p.flow, then: 0, tracked: undefined, picks: undefined };
      this.pool[depth] = f;
      return f;
    }
    f.el = el;
    f.i = 0;
    f.vis = vis;
    f.preserve = preserve;
    f.elementOnly = false;
    f.restore = p.restore;
    f.inName = p.inName;
    f.flow = p.flow;
    f.then = 0;
    f.tracked = undefined;
    f.picks = undefined;
    return f;
  }

  // A frame for content shown in `vis`; content shown in neither reading is left out, and said so.
  private content(el: XElement, p: Frame, vis: number): Frame | undefined {
    if (vis !== 0) return this.frame(el, p, vis);
    if (el.children.length > 0) this.leftOut(`not-in-readings ${el.local}`, el, el.offset, `<${el.name}> stands where its text belongs to neither reading (for example a corr inside a del)`);
    return undefined;
  }

  private inChoice(el: XElement): boolean {
    const parent = el.parent;
    return parent !== undefined && parent.local === 'choice' && this.o.isTei(parent);
  }

  // A unit: what was read before it ends, and what is read after it starts anew.
  private unit(el: XElement, p: Frame, vis: number): Frame {
    p.flow.dip.endUnit();
    p.flow.corr.endUnit();
    const f = this.frame(el, p, vis);
    f.then = END_UNIT;
    return f;
  }

  // A verse line inside lg: a line of the stanza's unit.
  private line(el: XElement, p: Frame, vis: number): Frame {
    const f = this.frame(el, p, vis);
    f.then = END_LINE;
    return f;
  }

  private lineBreak(el: XElement, p: Frame, vis: number): void {
    const noBreak = el.attributes.get('break') === 'no';
    if (this.o.lineBreaks === 'keep') this.lineBreakIn(vis, p.flow, el);
    else if (noBreak) this.glueIn(vis, p.flow);
    else this.spaceIn(vis, p.flow, el);
  }

  private gap(el: XElement, p: Frame, vis: number): void {
    const f = this.intervention(this.frame(el, p, vis), 'omission', el);
    for (const c of elementChildren(el)) {
      this.leftOut(`not-in-readings ${c.local}`, c, c.offset, `<${c.name}> inside <gap> describes the gap; the readings show the placeholder ${JSON.stringify(this.o.gapPlaceholder)}`);
    }
    this.chars(vis, p.flow, this.o.gapPlaceholder, el);
    this.leave(f);
  }

  private choice(el: XElement, p: Frame, vis: number): Frame {
    const children = elementChildren(el);
    const pick = pickInChoice(children);
    const f = this.frame(el, p, vis);
    f.elementOnly = true;
    f.picks = new Map(children.map((c) => [c, (c === pick.source ? DIPLOMATIC : 0) | (c === pick.edited ? CORRECTED : 0)]));
    return this.intervention(f, pick.kind, pick.edited ?? el, pick.alternatives);
  }

  private app(el: XElement, p: Frame, vis: number): Frame {
    const pick = pickInApp(el, this.o.isTei, this.o.witness);
    if (pick.witnessMissing) {
      this.tally('witness-not-in-app', el, el.offset, `witness ${this.o.witness} has no reading in this <app>; the lemma is read instead`);
    }
    if (pick.noLemma) this.tally('app-without-lemma', el, el.offset, '<app> without <lem>: its first reading is read');
    const f = this.frame(el, p, vis);
    f.elementOnly = true;
    f.picks = new Map(pick.alternatives.map((a) => [a, 0]));
    return this.intervention(f, 'variant', pick.chosen, pick.alternatives);
  }

  private note(el: XElement, p: Frame, vis: number): Frame | undefined {
    const brackets = hasBrackets(el);
    if (isInlineNote(el)) {
      const f = this.frame(el, p, vis);
      if (brackets) f.then = CLOSE_BRACKET;
      if (!this.o.quiet) {
        const t: NoteRecord = { el, flow: f.flow, dip: f.flow.dip.open(), corr: f.flow.corr.open(), inline: true, own: undefined };
        this.notes.push(t);
        f.tracked = t;
      }
      // Written after the span opens, so the span holds the brackets.
      if (brackets) this.chars(vis, p.flow, '[', el);
      return f;
    }
    if (this.o.quiet) {
      this.omitted++;
      return undefined;
    }
    // Outside the flow: a point in the readings, and a flow of its own for its text.
    const own = this.flow(undefined, this.notes.length);
    const record: NoteRecord = { el, flow: p.flow, dip: p.flow.dip.open(), corr: p.flow.corr.open(), inline: false, own };
    p.flow.dip.close(record.dip);
    p.flow.corr.close(record.corr);
    this.notes.push(record);
    const f = this.frame(el, p, BOTH);
    f.flow = own;
    f.then = FINISH_FLOW;
    return f;
  }

  private intervention(f: Frame, kind: InterventionKind, editorial: XElement | undefined, alternatives?: XElement[]): Frame;
  private intervention(f: Frame | undefined, kind: InterventionKind, editorial: XElement | undefined, alternatives?: XElement[]): Frame | undefined;
  private intervention(f: Frame | undefined, kind: InterventionKind, editorial: XElement | undefined, alternatives: XElement[] = []): Frame | undefined {
    if (!f) return undefined;
    if (this.o.quiet) return f;
    const flow = f.flow;
    const t: InterventionRecord = { el: f.el, flow, dip: flow.dip.open(), corr: flow.corr.open(), kind, editorial, alternatives };
    this.interventions.push(t);
    f.tracked = t;
    return f;
  }

  private track(f: Frame, list: Tracked[]): Frame {
    if (this.o.quiet) return f;
    const flow = f.flow;
    const t: Tracked = { el: f.el, flow, dip: flow.dip.open(), corr: flow.corr.open() };
    list.push(t);
    f.tracked = t;
    return f;
  }

  // Text left out of both readings: reported, or in a quiet read counted, so the caller can report it.
  private leftOut(key: string, el: XElement, offset: number, reason: string): void {
    if (this.o.quiet) this.omitted++;
    else this.tally(key, el, offset, reason);
  }

  private tally(key: string, el: XElement, offset: number, reason: string): void {
    if (this.o.quiet) return;
    const k = key.includes(' ') ? key : `${key} ${el.name}`;
    const t = this.tallies.get(k);
    if (t) t.count++;
    else this.tallies.set(k, { count: 1, offset, reason });
  }
}

/** A note the source prints in its brackets, as teikit writes a gloss: `rend="brackets"`. */
export function hasBrackets(note: XElement): boolean {
  const rend = note.attributes.get('rend');
  return rend !== undefined && /(?:^|\s)brackets(?:\s|$)/.test(rend);
}

/** A note that is part of the running text: printed inline, or in brackets. */
function isInlineNote(note: XElement): boolean {
  return hasBrackets(note) || note.attributes.get('place') === 'inline';
}

function hasNonSpaceText(el: XElement): boolean {
  let found = false;
  const test = (x: XElement): boolean => x.children.some((c) => c.type === 'text' && !WHITESPACE_ONLY.test(c.value));
  if (test(el)) return true;
  forEachDescendant(el, (d) => (found = test(d)));
  return found;
}
