import { error, type Diagnostic } from '../diagnostics.js';
import type { Cert, EditionConfig } from '../config/types.js';
import { resolveAnchors, type AnchorContext, type AnchorRequest } from '../recognise/anchors.js';
import type { ChoiceSpan, SuppliedSpan } from './spans.js';

/**
 * The editor's interventions from the config — corrections, supplied words,
 * regularisations — as spans at the one place each is anchored to. Two that
 * overlap are refused: the edition could not say which reading stands.
 */
export function collectEmendations(
  config: EditionConfig,
  ctx: AnchorContext,
): { spans: (ChoiceSpan | SuppliedSpan)[]; diagnostics: Diagnostic[] } {
  const defaults = config.defaults ?? {};
  const resp = (r: string | undefined): string | undefined => r ?? defaults.resp ?? config.metadata?.editors?.[0]?.id;
  const cert = (c: Cert | undefined): Cert | undefined => c ?? defaults.cert;

  type Make = (range: [number, number]) => ChoiceSpan | SuppliedSpan;
  const requests: AnchorRequest[] = [];
  const makers: Make[] = [];
  const optional = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });

  config.emendations?.forEach((e, i) => {
    const path = `/emendations/${i}`;
    requests.push({ anchor: e, target: e.sic, path, label: `emendation ${JSON.stringify(e.sic)} → ${JSON.stringify(e.corr)}` });
    makers.push(([start, end]) => ({
      kind: 'choice',
      pair: 'sic-corr',
      start,
      end,
      edited: e.corr,
      path,
      ...optional('resp', resp(e.resp)),
      ...optional('cert', cert(e.cert)),
      ...optional('type', e.type),
    }));
  });
  config.supplied?.forEach((e, i) => {
    const path = `/supplied/${i}`;
    requests.push({ anchor: e, target: '', path, label: `supplied ${JSON.stringify(e.text)}` });
    makers.push(([start]) => ({
      kind: 'supplied',
      start,
      end: start,
      text: e.text,
      reason: e.reason ?? 'omitted',
      path,
      ...optional('resp', resp(e.resp)),
      ...optional('cert', cert(e.cert)),
    }));
  });
  config.regularisations?.forEach((e, i) => {
    const path = `/regularisations/${i}`;
    requests.push({ anchor: e, target: e.orig, path, label: `regularisation ${JSON.stringify(e.orig)} → ${JSON.stringify(e.reg)}`, ...(e.every && { every: true }) });
    makers.push(([start, end]) => ({
      kind: 'choice',
      pair: 'orig-reg',
      start,
      end,
      edited: e.reg,
      path,
      ...optional('resp', resp(e.resp)),
      ...optional('cert', cert(e.cert)),
    }));
  });

  const { ranges, diagnostics } = resolveAnchors(requests, ctx);
  const spans = ranges.flatMap((rs, i) => rs.map((r) => makers[i]!(r)));
  for (const d of findOverlaps(spans, ctx.describe)) diagnostics.push(d);
  return { spans, diagnostics };
}

function findOverlaps(spans: (ChoiceSpan | SuppliedSpan)[], describe: (offset: number) => string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let last: ChoiceSpan | SuppliedSpan | undefined;
  for (const s of sorted) {
    // Two insertions at one point, or an insertion inside a corrected word, are as ambiguous as two corrections over one word.
    if (last && (s.start < last.end || (s.start === last.start && (s.end === s.start || last.end === last.start)))) {
      found.push(
        error('overlapping-emendations', `the entries at ${last.path} and ${s.path} overlap at ${describe(s.start)}; each place can have one intervention`, {
          file: 'config',
          path: s.path,
          hint: 'merge them into one emendation',
        }),
      );
    }
    if (!last || s.end >= last.end) last = s;
  }
  return found;
}
