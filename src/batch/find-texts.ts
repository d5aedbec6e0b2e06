import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TeikitError, error } from '../diagnostics.js';

export interface Text {
  /** Path of the text, as the user named the input folder: `corpus/1917/letter.txt`. */
  source: string;
  /** Where its TEI goes: `out/1917/letter.xml`. */
  target: string;
}

/**
 * Refuses folders a batch cannot work with: a missing input, an output inside
 * the input (its TEI would sit among the texts, and a rerun would walk it).
 */
export function checkFolders(input: string, out: string): void {
  if (!existsSync(input)) throw new TeikitError([error('no-such-folder', `the input folder ${input} does not exist`)]);
  if (!statSync(input).isDirectory()) throw new TeikitError([error('not-a-folder', `the input ${input} is a file, not a folder`, { hint: 'teikit encode takes one text' })]);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new TeikitError([error('not-a-folder', `--out ${out} is a file, not a folder`)]);
  const rel = relative(resolve(input), resolve(out));
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (!outside) {
    throw new TeikitError([
      error('out-inside-input', `the output folder ${out} is ${rel === '' ? 'the input folder' : `inside the input folder ${input}`}`, {
        hint: 'write the TEI to a folder beside the texts, e.g. --out tei',
      }),
    ]);
  }
}

/**
 * Every `.txt` file under `input`, subfolders included, in a fixed order (by
 * path, code unit order), each with the path of its TEI under `out`. Folders
 * and files whose names begin with a dot are left out, as are links to folders
 * (a link back up would never end).
 */
export function findTexts(input: string, out: string): Text[] {
  const texts: Text[] = [];
  const walk = (rel: string): void => {
    const entries = readdirSync(join(input, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = rel === '' ? entry.name : join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.txt$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(join(input, path))))) {
        texts.push({ source: join(input, path), target: join(out, path.replace(/\.txt$/i, '.xml')) });
      }
    }
  };
  walk('');
  return texts;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Up to date: its TEI is newer than the text and the config. */
export function isUpToDate(text: Text, configMtimeMs: number): boolean {
  try {
    const target = statSync(text.target).mtimeMs;
    return target > statSync(text.source).mtimeMs && target > configMtimeMs;
  } catch {
    return false;
  }
}

/**
 * Texts whose TEI would land on the same file (`x.txt` and `x.Txt` both make
 * `x.xml`; on a case-insensitive disk `A.txt` and `a.txt` do too): one would
 * overwrite the other, and which one won would depend on thread timing. Each
 * such text gets the names of the others; none of them is encoded.
 */
export function collidingTargets(texts: readonly Text[]): Map<number, string[]> {
  const byTarget = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const key = t.target.toLowerCase();
    byTarget.set(key, [...(byTarget.get(key) ?? []), i]);
  });
  const clashes = new Map<number, string[]>();
  for (const group of byTarget.values()) {
    if (group.length < 2) continue;
    for (const i of group) clashes.set(i, group.filter((j) => j !== i).map((j) => texts[j]!.source));
  }
  return clashes;
}
