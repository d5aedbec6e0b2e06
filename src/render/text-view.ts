import type { EntityEntry, EntityMention, ReadResult, ReadingOffsets } from '../reader/index.js';
import type { Alignment, Alternation, Run } from './align.js';
import { dateValues, formLabels, interventionDetails, respNames } from './describe.js';
import { attr, text } from './html.js';
import { nestRanges, type MarkupPoint, type MarkupRange } from './nest-ranges.js';

/**
 * The edition's text as HTML: both readings in one text (see align.ts), with
 * interventions, names, dates and notes marked. Nothing here is read at view
 * time by a script: the reading switch only changes a class on <body>, and
 * CSS hides the other reading's runs.
 *
 * Whatever the markup adds and is not text of a reading — tooltips, note
 * numbers — is either hidden until asked for (tooltips) or CSS generated
 * content (note numbers), so that the visible text of the page is the
 * reading, as `innerText` sees it.
 */

export interface TextView {
  html: string;
  /** The id of each mention marked in the text. */
  mentionIds: Map<EntityMention, string>;
  /** Where in the text each apparatus entry is shown (an element id), if it is. */
  apparatusTargets: Map<number, string>;
  /** The id of the reference mark of each note, by index into `notes`. */
  noteRefIds: Map<number, string>;
  /** The id of each register entry. */
  entryIds: Map<EntityEntry, string>;
  /** How many paragraphs the text has. */
  paragraphs: number;
}

/** Names go inside interventions over the same text, and outside dates. */
const NAME_TIER = 3;

export function renderText(model: ReadResult, alignment: Alignment): TextView {
  const ranges: MarkupRange[] = [];
  const points: MarkupPoint[] = [];
  const { metadata } = model;
  const span = (o: ReadingOffsets): [number, number] | undefined => {
    const [dA, dB] = o.diplomatic;
    const [cA, cB] = o.corrected;
    const parts: [number, number][] = [];
    if (dB > dA) parts.push([alignment.start('dip', dA), alignment.end('dip', dB)]);
    if (cB > cA) parts.push([alignment.start('corr', cA), alignment.end('corr', cB)]);
    if (parts.length === 0) return undefined;
    return [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))];
  };
  const simple = (start: number, end: number, tier: number, open: string, close: string, tip = ''): MarkupRange => ({
    start,
    end,
    tier,
    // A range split by crossing markup is one mark: only its first piece has the id, takes focus and is described.
    open: (first) => (first ? open : open.replace(/ (?:id|aria-describedby)="[^"]*"| tabindex="0"/g, '')),
    close: (last) => (last ? tip + close : close),
  });
  const tooltip = (id: string, rows: string[]): string =>
    `<span class="tip" role="tooltip" id="${id}">${rows.map((r) => `<span class="tip-row">${r}</span>`).join('')}</span>`;

  // Paragraphs: the stretches between unit separators.
  let paragraphs = 0;
  const paragraph = (start: number, end: number, first: Run | undefined): void => {
    if (end <= start) return;
    paragraphs++;
    ranges.push(simple(start, end, 0, `<p class="${first ? unitClass(model, first) : 'unit'}">`, '</p>'));
  };
  let from = 0;
  let firstRun = alignment.runs[0];
  alignment.runs.forEach((run, i) => {
    if (run.kind !== 'sep') return;
    paragraph(from, run.start, firstRun);
    from = run.start + run.text.length;
    firstRun = alignment.runs[i + 1];
  });
  paragraph(from, alignment.length, firstRun);

  // Each reading's own runs, hidden by CSS when the other reading is shown.
  for (const run of alignment.runs) {
    if (run.kind === 'dip' || run.kind === 'corr') ranges.push(simple(run.start, run.start + run.text.length, 8, `<span class="${run.kind}">`, '</span>'));
  }

  const apparatusTargets = new Map<number, string>();
  let unlisted = 0;
  for (const alt of alignment.alternations) {
    if (alt.apparatus === -1) {
      const id = `dv-${++unlisted}`;
      ranges.push(
        simple(alt.start, alt.end, 1, `<span class="iv iv-difference${gaps(alt)}" id="${id}" tabindex="0" aria-describedby="tip-${id}">`, '</span>', tooltip(`tip-${id}`, ['The two readings differ here (an addition or deletion).'])),
      );
      continue;
    }
    const entry = model.apparatus[alt.apparatus]!;
    const id = `iv-${alt.apparatus + 1}`;
    apparatusTargets.set(alt.apparatus, id);
    const [sourceLabel, editedLabel] = formLabels(entry.kind);
    const rows = [
      `<b>${sourceLabel}:</b> ${formText(entry.source)}`,
      `<b>${editedLabel}:</b> ${formText(entry.edited)}`,
      ...(entry.alternatives ?? []).map((a) => `<b>Also:</b> ${formText(a.text)}${a.wit ? ` (${text(a.wit.join(' '))})` : ''}`),
      text(interventionDetails(entry, metadata).join(' · ')),
    ];
    ranges.push(
      simple(alt.start, alt.end, 1, `<span class="iv iv-${entry.kind}${gaps(alt)}" id="${id}" tabindex="0" aria-describedby="tip-${id}">`, '</span>', tooltip(`tip-${id}`, rows)),
    );
  }
  // Interventions shown where they stand without an alternation: omissions, and variants both readings read alike.
  model.apparatus.forEach((entry, i) => {
    if (entry.note !== undefined || alignment.holder.has(i)) return;
    const at = span(entry.offsets);
    if (at === undefined) return;
    const id = `iv-${i + 1}`;
    apparatusTargets.set(i, id);
    const rows = [
      entry.kind === 'omission'
        ? entry.element === 'gap'
          ? '<b>Gap:</b> text not transcribed'
          : '<b>Omission</b> marked in the source'
        : `<b>${formLabels(entry.kind)[1]}:</b> ${formText(entry.edited)}`,
      ...(entry.alternatives ?? []).map((a) => `<b>Also:</b> ${formText(a.text)}${a.wit ? ` (${text(a.wit.join(' '))})` : ''}`),
    ];
    // The first row already says what an omission is; the details add who and why, when the TEI says.
    const details = interventionDetails(entry, metadata).slice(entry.kind === 'omission' ? 1 : 0);
    if (details.length > 0) rows.push(text(details.join(' · ')));
    ranges.push(simple(at[0], at[1], 5, `<span class="iv iv-${entry.kind}" id="${id}" tabindex="0" aria-describedby="tip-${id}">`, '</span>', tooltip(`tip-${id}`, rows)));
  });
  // Interventions nested in another are shown by the one holding them.
  for (const [i, holder] of alignment.holder) if (i !== holder && apparatusTargets.has(holder)) apparatusTargets.set(i, apparatusTargets.get(holder)!);

  // Dates, with their normalised values.
  model.dates.forEach((date, k) => {
    const at = date.note === undefined ? span(date.offsets) : undefined;
    if (at === undefined) return;
    const values = dateValues(date);
    if (values.length === 0) return;
    const id = `date-${k + 1}`;
    ranges.push(
      simple(at[0], at[1], 4, `<span class="date" id="${id}" tabindex="0" aria-describedby="tip-${id}">`, '</span>', tooltip(`tip-${id}`, values.map((v) => text(v)))),
    );
  });

  // Names, linked to their register entries. A link may hold no focusable mark (HTML forbids it, and a
  // keyboard user could not reach both): a name holding an intervention or a date is a span, with a link beside it.
  const focusable = ranges.filter((r) => r.tier === 1 || r.tier === 4 || r.tier === 5).sort((a, b) => a.start - b.start);
  const holdsFocusable = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = focusable.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (focusable[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < focusable.length && focusable[i]!.start < end; i++) {
      const f = focusable[i]!;
      const outside = f.start === start && (f.end > end || (f.end === end && f.tier < NAME_TIER));
      if (!outside) return true;
    }
    return false;
  };
  const nameRange = (at: [number, number], classes: string, id: string, href: string, title: string): MarkupRange => {
    if (!holdsFocusable(at[0], at[1])) return simple(at[0], at[1], NAME_TIER, `<a class="${classes}" id="${id}" href="${href}" title="${attr(title)}">`, '</a>');
    return simple(at[0], at[1], NAME_TIER, `<span class="${classes}" id="${id}" title="${attr(title)}">`, '</span>', `<a class="reg-link" href="${href}" aria-label="${attr(title)}"></a>`);
  };
  const mentionIds = new Map<EntityMention, string>();
  const entryIds = new Map<EntityEntry, string>();
  let mentionCount = 0;
  const groups: [EntityEntry[], string][] = [
    [model.entities.people, 'person'],
    [model.entities.organisations, 'org'],
    [model.entities.places, 'place'],
  ];
  for (const [entries, kind] of groups) {
    entries.forEach((entry, k) => {
      const entryId = `reg-${kind}-${k + 1}`;
      entryIds.set(entry, entryId);
      for (const mention of entry.mentions) {
        const id = `m-${++mentionCount}`;
        const at = mention.note === undefined ? span(mention.offsets) : undefined;
        if (at === undefined) continue;
        mentionIds.set(mention, id);
        ranges.push(nameRange(at, `name ${kind}`, id, `#${entryId}`, `${kindWord(kind)}: ${entry.name ?? entry.id}`));
      }
    });
  }
  for (const mention of model.entities.unresolved) {
    const id = `m-${++mentionCount}`;
    const at = mention.note === undefined ? span(mention.offsets) : undefined;
    if (at === undefined) continue;
    mentionIds.set(mention, id);
    const local = localName(mention.element);
    const kind = local === 'persName' ? 'person' : local === 'orgName' ? 'org' : local === 'placeName' || local === 'geogName' ? 'place' : 'unknown';
    ranges.push(nameRange(at, `name ${kind} unresolved`, id, '#reg-unresolved', 'A name not in the register'));
  }

  // Notes: numbered; a note printed in the text is marked where it stands, any other by a reference mark.
  const noteRefIds = new Map<number, string>();
  model.notes.forEach((note, k) => {
    if (note.note !== undefined) return; // a note inside a note outside the flow is listed with it
    const n = k + 1;
    const refId = `noteref-${n}`;
    const who = respNames(note.resp, metadata);
    const label = `Note ${n}${who ? ` by ${who}` : ''}`;
    const mark = `<a class="note-ref" id="${refId}" href="#note-${n}" data-n="${n}" aria-label="${attr(label)}"></a>`;
    if (note.inline) {
      const at = span(note.offsets);
      if (at === undefined) return;
      noteRefIds.set(k, refId);
      ranges.push(simple(at[0], at[1], 2, `<span class="note-inline">`, '</span>', mark));
    } else {
      const [dA] = note.offsets.diplomatic;
      const [cA] = note.offsets.corrected;
      noteRefIds.set(k, refId);
      const at = Math.max(alignment.end('dip', dA), alignment.end('corr', cA));
      points.push({ at, html: mark });
    }
  });

  return { html: nestRanges(alignment.runs, alignment.length, ranges, points), mentionIds, apparatusTargets, noteRefIds, entryIds, paragraphs };
}

/** Classes for an alternation without text in one reading, which CSS gives a caret there so that it can be seen and focused. */
function gaps(alt: Alternation): string {
  return `${alt.inDip ? '' : ' no-dip'}${alt.inCorr ? '' : ' no-corr'}`;
}

/** A form of an intervention as the tooltip shows it: empty is said in words. */
function formText(s: string): string {
  return s === '' ? '<i>(nothing)</i>' : `“${text(s)}”`;
}

function kindWord(kind: string): string {
  return kind === 'person' ? 'Person' : kind === 'org' ? 'Organisation' : 'Place';
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** A paragraph's class, from the TEI element its first run stands in: a heading, a verse line, front matter. */
function unitClass(model: ReadResult, run: Run): string {
  const reading = run.kind === 'corr' ? 'corrected' : 'diplomatic';
  const offset = run.kind === 'corr' ? run.corr : run.dip;
  const segs = model.readings.segments[reading];
  let lo = 0;
  let hi = segs.length - 1;
  let element: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, el] = segs[mid]!;
    if (offset < a) hi = mid - 1;
    else if (offset >= b) lo = mid + 1;
    else {
      element = el;
      break;
    }
  }
  const classes = new Set(['unit']);
  for (let i = element; i !== null; ) {
    const el = model.readings.elements[i];
    if (!el) break;
    const name = localName(el.name);
    if (name === 'head') classes.add('u-head');
    else if (name === 'l') classes.add('u-verse');
    else if (name === 'front') classes.add('u-front');
    else if (name === 'byline' || name === 'docAuthor' || name === 'dateline' || name === 'opener' || name === 'closer' || name === 'salute' || name === 'signed') classes.add('u-frame');
    i = el.parent;
  }
  return [...classes].join(' ');
}
