import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './report.js';

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
    // The user named `path`, not the temporary file: an error names what they gave.
    throw withPath(err, path);
  }
}

/**
 * readFileSync that names the file in its errors: Node's EISDIR (a folder given
 * as a file) carries no path, and the CLI prints `path: code: message`.
 */
export function readInput(path: string): Buffer;
export function readInput(path: string, encoding: 'utf8'): string;
export function readInput(path: string, encoding?: 'utf8'): Buffer | string {
  try {
    return path === '-' ? readFileSync(0, encoding) : readFileSync(path, encoding);
  } catch (err) {
    throw withPath(err, path === '-' ? 'standard input' : path);
  }
}

function withPath(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') e.path = path;
  return err;
}

/**
 * Refuses `-o` naming the input itself: writing there would replace the source
 * with its own rendering before anyone noticed.
 */
export function assertNotInput(output: string, input: string): void {
  if (input === '-') return;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(output) === real(input)) throw new UsageError(`-o ${output} is the input file: it would be overwritten; choose another output`);
}

/** The only `.txt` file of a folder, for an edition.json that does not name its source. */
export function soleTextFile(dir: string): string | undefined {
  const txt = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  return txt.length === 1 ? txt[0] : undefined;
}
