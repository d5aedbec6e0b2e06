import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a folder, as sorted relative paths: what a user would see with `find`. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}
