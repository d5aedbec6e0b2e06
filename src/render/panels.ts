import type { EntityEntry, EntityMention, Intervention, ReadResult } from '../reader/index.js';
import { KIND_LABELS, dateValues, formLabels, respNames } from './describe.js';
import { attr, safeUrl, text } from './html.js';
import type { PolicySection } from './policy.js';
import type { TextView } from './text-view.js';

/** The panels around the text: what the edition is, its notes, its apparatus, its register. */

const POLICY_LABELS: Record<string, string> = {
  projectDesc: 'Project',
  correction: 'Correction',
  normalization: 'Normalisation',
  quotation: 'Quotation',
  hyphenation: 'Hyphenation',
  segmentation: 'Segmentation',
  interpretation: 'Interpretation',
  stdVals: 'Standard values',
  punctuation: 'Punctuation',
};

const row = (label: string, value: string): string => `<dt>${text(label)}</dt><dd>${value}</dd>`;

export function headerPanel(model: ReadResult, policy: readonly PolicySection[]): string {
  const m = model.metadata;
  const rows: string[] = [];
  if (m.authors.length > 0) rows.push(row(m.authors.length > 1 ? 'Authors' : 'Author', text(m.authors.map((a) => a.name).join('; '))));
  if (m.date) {
    const values = dateValues(m.date);
    rows.push(row('Date', `${text(m.date.text)}${values.length > 0 ? `<br><span class="muted">${text(values.join('; '))}</span>` : ''}`));
  }
  if (m.source) {
    const s = m.source;
    const parts: string[] = [];
    if (s.author) parts.push(text(s.author));
    if (s.title) parts.push(`<cite>${text(s.title)}</cite>`);
    if (s.editors.length > 0) parts.push(`ed. ${text(s.editors.map((e) => e.name).join(', '))}`);
    for (const f of [s.place, s.publisher, s.date, s.volume ? `vol. ${s.volume}` : undefined, s.pages ? `p. ${s.pages}` : undefined]) if (f) parts.push(text(f));
    const described = parts.length > 0 ? parts.join(', ') : text(s.citation);
    const cited = parts.length > 0 && s.citation && !parts.join(' ').includes(s.citation) ? ` <span class="muted">${text(s.citation)}</span>` : '';
    rows.push(row('Source', `${described}${cited}${s.note ? `<br><span class="muted">${text(s.note)}</span>` : ''}`));
  }
  if (m.editors.length > 0) {
    rows.push(row('Edited by', `<ul class="plain">${m.editors.map((e) => `<li>${text(e.name)}${e.role ? ` <span class="muted">(${text(e.role)})</span>` : ''}</li>`).join('')}</ul>`));
  }
  if (m.language) rows.push(row('Language', text(m.language.name ?? m.language.ident)));
  if (m.licence) {
    const url = m.licence.url === undefined ? undefined : safeUrl(m.licence.url);
    rows.push(row('Licence', url ? `<a href="${attr(url)}">${text(m.licence.text || url)}</a>` : text(m.licence.text)));
  }
  if (m.witnesses.length > 0) {
    rows.push(row('Witnesses', `<ul class="plain">${m.witnesses.map((w) => `<li><b>${text(w.id)}</b> ${text(w.text)}</li>`).join('')}</ul>`));
  }
  const policyHtml =
    policy.length === 0
      ? '<p class="muted">The document states no editorial policy.</p>'
      : `<dl class="policy">${policy.map((s) => row(POLICY_LABELS[s.label] ?? (s.label === '' ? 'Policy' : s.label), s.paragraphs.map((p) => `<p>${text(p)}</p>`).join(''))).join('')}</dl>`;
  return `<header class="panel about" id="about">
<h1>${text(m.title ?? 'Untitled TEI document')}</h1>
<dl class="facts">${rows.join('')}</dl>
<h2>Editorial policy</h2>
${policyHtml}
</header>`;
}

export function notesPanel(model: ReadResult, view: TextView): string {
  if (model.notes.length === 0) return '';
  const items = model.notes.map((note, k) => {
    const n = k + 1;
    const who = respNames(note.resp, model.metadata);
    const facts = [note.n !== undefined ? `n="${note.n}"` : undefined, note.type, note.place, who ? `by ${who}` : undefined].filter((x) => x !== undefined);
    const ref = view.noteRefIds.get(k) ?? (note.note !== undefined ? view.noteRefIds.get(note.note) : undefined);
    const back = ref ? ` <a class="back" href="#${ref}" aria-label="Back to the text of note ${n}">↩</a>` : '';
    const edited = note.edited !== undefined ? `<br><span class="muted">Corrected: ${text(note.edited)}</span>` : '';
    return `<li id="note-${n}" value="${n}"><span class="muted">${text(facts.join(' · '))}</span>${facts.length > 0 ? '<br>' : ''}${text(note.text)}${edited}${back}</li>`;
  });
  return `<section class="panel" id="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ol class="notes">${items.join('')}</ol></section>`;
}

export function apparatusPanel(model: ReadResult, view: TextView): string {
  if (model.apparatus.length === 0) return `<section class="panel" id="apparatus" aria-labelledby="app-h"><h2 id="app-h">Apparatus</h2><p class="muted">No editorial interventions.</p></section>`;
  const items = model.apparatus.map((entry, i) => `<li id="app-${i + 1}">${apparatusEntry(entry, i, model, view)}</li>`);
  return `<section class="panel" id="apparatus" aria-labelledby="app-h"><h2 id="app-h">Apparatus <span class="muted">(${model.apparatus.length} ${model.apparatus.length === 1 ? 'intervention' : 'interventions'})</span></h2><ol class="apparatus">${items.join('')}</ol></section>`;
}

function apparatusEntry(entry: Intervention, i: number, model: ReadResult, view: TextView): string {
  const [sourceLabel, editedLabel] = formLabels(entry.kind);
  // Not <q>: Chromium lays out each <q> by counting the quotes before it, quadratic in an apparatus of thousands.
  const form = (s: string): string => (s === '' ? '<i>(nothing)</i>' : `<span class="form">“${text(s)}”</span>`);
  const forms = entry.kind === 'omission' ? form(entry.source) : `${form(entry.source)} <span aria-hidden="true">→</span><span class="sr"> becomes </span> ${form(entry.edited)}`;
  const facts: string[] = [];
  const who = respNames(entry.resp, model.metadata);
  if (who !== undefined) facts.push(`by ${who}`);
  if (entry.cert !== undefined) facts.push(`certainty ${entry.cert}`);
  if (entry.type !== undefined) facts.push(`type ${entry.type}`);
  if (entry.reason !== undefined) facts.push(`reason ${entry.reason}`);
  if (entry.wit !== undefined && entry.wit.length > 0) facts.push(`witness ${entry.wit.join(' ')}`);
  facts.push(`XML line ${entry.position.line}`);
  const alternatives = (entry.alternatives ?? []).map((a) => `<br><span class="muted">also:</span> ${form(a.text)}${a.wit ? ` <span class="muted">(${text(a.wit.join(' '))})</span>` : ''}${a.resp ? ` <span class="muted">by ${text(respNames(a.resp, model.metadata) ?? a.resp)}</span>` : ''}`);
  const target = view.apparatusTargets.get(i) ?? (entry.note !== undefined ? `note-${entry.note + 1}` : undefined);
  const where = target ? `<a href="#${target}" class="kind">${text(KIND_LABELS[entry.kind])}</a>` : `<span class="kind">${text(KIND_LABELS[entry.kind])}</span>`;
  return `${where} <span class="sr">${text(sourceLabel)} / ${text(editedLabel)}:</span> ${forms}${alternatives.join('')} <span class="muted">${text(facts.join(' · '))}</span>`;
}

export function registerPanel(model: ReadResult, view: TextView): string {
  const group = (title: string, kind: string, entries: readonly EntityEntry[]): string => {
    if (entries.length === 0) return '';
    const items = entries.map((entry) => {
      const id = view.entryIds.get(entry)!;
      const links = entry.idnos.map((idno) => authorityLink(idno.type, idno.value)).join(', ');
      return `<li id="${id}" class="entry ${kind}"><span class="entry-name name ${kind}">${text(entry.name ?? entry.id)}</span>${entry.note ? ` <span class="muted">${text(entry.note)}</span>` : ''}${links ? `<br><span class="muted">Authority:</span> ${links}` : ''}<br>${mentionList(entry.mentions, view)}</li>`;
    });
    return `<h3>${text(title)}</h3><ul class="register">${items.join('')}</ul>`;
  };
  const e = model.entities;
  const unresolved =
    e.unresolved.length > 0
      ? `<h3 id="reg-unresolved">Names not in the register</h3><p>${mentionList(e.unresolved, view, true)}</p>`
      : '';
  const body = group('People', 'person', e.people) + group('Organisations', 'org', e.organisations) + group('Places', 'place', e.places) + unresolved;
  return `<section class="panel" id="register" aria-labelledby="reg-h"><h2 id="reg-h">Register</h2>${body || '<p class="muted">The document has no register of names.</p>'}</section>`;
}

function mentionList(mentions: readonly EntityMention[], view: TextView, withRef = false): string {
  if (mentions.length === 0) return '<span class="muted">Not mentioned in the text.</span>';
  const links = mentions.map((m) => {
    const id = view.mentionIds.get(m);
    const inDip = m.offsets.diplomatic[1] > m.offsets.diplomatic[0];
    const inCorr = m.offsets.corrected[1] > m.offsets.corrected[0];
    const only = inDip && !inCorr ? ' (source only)' : inCorr && !inDip ? ' (corrected only)' : '';
    const ref = withRef && m.ref !== undefined ? ` <span class="muted">${text(m.ref)}</span>` : '';
    const label = `${text(m.text || '(empty)')}${only}`;
    if (id !== undefined) return `<a href="#${id}" class="mention">${label}</a>${ref}`;
    return m.note !== undefined ? `<a href="#note-${m.note + 1}" class="mention">${label} (in note ${m.note + 1})</a>${ref}` : `<span class="mention">${label}</span>${ref}`;
  });
  return `<span class="muted">Mentions (${mentions.length}):</span> ${links.join(', ')}`;
}

/** An identifier in an authority file as a link where its type or form says where it lives; else as text. */
function authorityLink(type: string | undefined, value: string): string {
  const v = value.trim();
  const known = new Map<string, (id: string) => string | undefined>(Object.entries({
    wikidata: (id: string) => (/^Q\d+$/.test(id) ? `https://www.wikidata.org/wiki/${id}` : undefined),
    viaf: (id: string) => (/^\d+$/.test(id) ? `https://viaf.org/viaf/${id}` : undefined),
    gnd: (id: string) => (/^[0-9X-]+$/i.test(id) ? `https://d-nb.info/gnd/${id}` : undefined),
    geonames: (id: string) => (/^\d+$/.test(id) ? `https://www.geonames.org/${id}` : undefined),
    orcid: (id: string) => (/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id) ? `https://orcid.org/${id}` : undefined),
  }));
  const url = safeUrl(v) ?? (type ? known.get(type.toLowerCase())?.(v) : undefined);
  const label = `${type ? `${type} ` : ''}${v}`;
  return url ? `<a href="${attr(url)}" rel="noopener noreferrer">${text(label)}</a>` : text(label);
}
