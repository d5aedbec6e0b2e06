import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it into place,
 * so a reader (or a crash) never sees half a TEI file.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The only `.txt` file of a folder, for an edition.json that does not name its source. */
export function soleTextFile(dir: string): string | undefined {
  const txt = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  return txt.length === 1 ? txt[0] : undefined;
}
