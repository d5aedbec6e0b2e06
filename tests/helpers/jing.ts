import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * jing, the reference RelaxNG validator, as the outside referee of teikit's TEI.
 * CI installs it (.ci/run) and sets TEIKIT_REQUIRE_JING, so there a missing jing
 * fails the run; on a developer machine without it, the jing tests are skipped
 * with that reason.
 */
export const TEI_ALL = fileURLToPath(new URL('../../../shared/tei/tei_all.rng', import.meta.url));

export const jingAvailable: boolean = (() => {
  const found = spawnSync('sh', ['-c', 'command -v jing'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.TEIKIT_REQUIRE_JING) throw new Error('jing is required (TEIKIT_REQUIRE_JING is set) but not installed: apt-get install -y jing');
  return found;
})();

export const JING_SKIP_REASON = 'jing is not installed (apt-get install -y jing); CI installs it and runs these tests';

/** Validates files in one JVM run; returns jing's error lines per file (empty when valid). */
export function jingFiles(files: readonly string[], schema = TEI_ALL): Map<string, string[]> {
  const out = new Map<string, string[]>(files.map((f) => [resolve(f), []]));
  if (files.length === 0) return out;
  let stdout = '';
  try {
    stdout = execFileSync('jing', [schema, ...files.map((f) => resolve(f))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch (err) {
    stdout = String((err as { stdout?: string }).stdout ?? '');
  }
  for (const line of stdout.split('\n')) {
    const m = /^(.+?):\d+:\d+: /.exec(line);
    if (m && out.has(m[1]!)) out.get(m[1]!)!.push(line);
  }
  return out;
}

/** Validates XML strings: writes them to a temporary folder and runs jing once over all. */
export function jingStrings(docs: readonly string[], schema = TEI_ALL): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-jing-'));
  const files = docs.map((xml, i) => {
    const f = join(dir, `doc-${i}.xml`);
    writeFileSync(f, xml);
    return f;
  });
  const result = jingFiles(files, schema);
  return files.map((f) => result.get(resolve(f)) ?? []);
}
