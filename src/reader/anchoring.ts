import type { ReadingOffsets, XmlPosition } from './types.js';
import type { NoteRecord, Tracked } from './walk-text.js';

/**
 * Where a recorded element stands in the readings. Text in a note outside the
 * flow has offsets only in the note's own text; in the model it stands where
 * the note is anchored (and says which note it is in), so every offset in the
 * model points into `readings.diplomatic` and `readings.corrected`.
 */
export class Anchoring {
  constructor(
    private readonly notes: readonly NoteRecord[],
    private readonly place: (offset: number) => XmlPosition,
  ) {}

  offsets(t: Tracked): ReadingOffsets {
    const note = t.flow.note;
    if (note !== undefined) return this.offsets(this.notes[note]!);
    return { diplomatic: [t.dip.start, t.dip.end], corrected: [t.corr.start, t.corr.end] };
  }

  /** The index of the note outside the flow that `t` stands in, if any. */
  note(t: Tracked): { note: number } | Record<string, never> {
    return t.flow.note === undefined ? {} : { note: t.flow.note };
  }

  position(t: Tracked): XmlPosition {
    return this.place(t.el.offset);
  }

  /** The diplomatic text of `t`, from the text of its own flow. */
  sourceText(t: Tracked): string {
    return t.flow.dipText.slice(t.dip.start, t.dip.end);
  }

  editedText(t: Tracked): string {
    return t.flow.corrText.slice(t.corr.start, t.corr.end);
  }
}
