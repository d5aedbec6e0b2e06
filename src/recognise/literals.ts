/**
 * Every occurrence of each of many literal strings in one text: the anchors of
 * a thousand emendations must not cost a thousand scans of a 10 MB text.
 */
export function findAllOccurrences(text: string, literals: readonly string[]): number[][] {
  const result: number[][] = literals.map(() => []);
  for (let i = 0; i < literals.length; i++) {
    const lit = literals[i]!;
    if (lit.length === 0) continue;
    const out = result[i]!;
    for (let at = text.indexOf(lit); at !== -1; at = text.indexOf(lit, at + 1)) out.push(at);
  }
  return result;
}
