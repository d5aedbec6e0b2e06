// The reader's public API: readTei and the model it returns. Code lives in the modules named below.
export { readTei } from './read-tei.js';
export { elementAt, elementPath } from './element-table.js';
export type {
  Alternative,
  DateEntry,
  DocumentDate,
  EditorEntry,
  Entities,
  EntityEntry,
  ReadEntityKind,
  EntityMention,
  Intervention,
  InterventionKind,
  NameRef,
  NoteEntry,
  ReadDiagnostic,
  ReadMetadata,
  ReadOptions,
  ReadResult,
  ReadSeverity,
  ReadingElement,
  ReadingOffsets,
  ReadingSegment,
  Readings,
  SourceDescription,
  XmlPosition,
} from './types.js';
