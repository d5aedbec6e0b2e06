/**
 * XML Schema regular expressions (the `pattern` facet) compiled to JavaScript
 * RegExps with the `u` flag.
 *
 * Why not salve's own translation: it works on UTF-16 code units, so a
 * character outside the Basic Multilingual Plane (an emoji, a CJK Extension B
 * ideograph, Gothic) is two surrogates, and surrogates are `\p{C}`. TEI's most
 * common pattern, `[^\p{C}\p{Z}]+` (on `@type`, `@rend`, `@subtype`, …),
 * therefore rejects `type="𠀀"`, which jing and XML Schema accept.
 *
 * The translation follows XML Schema 1.0 Appendix F: no anchors (a pattern
 * matches the whole value; `^` and `$` are ordinary characters), character
 * class subtraction (`[a-z-[aeiou]]`), the multi-character escapes
 * `\s \S \d \D \w \W \i \I \c \C`, and Unicode categories `\p{Lu}`. Unicode
 * blocks (`\p{IsGreek}`) are not translated: a pattern using one throws
 * UnsupportedPattern, and the caller keeps salve's check for it.
 *
 * Each character-class expression becomes a JavaScript expression that matches
 * exactly one code point, so subtraction composes as `(?:(?!B)A)`.
 *
 * Where jing is wrong, this follows XML Schema: jing 20181222 writes a negated
 * class such as `[^\p{C}\p{Z}]` as a Java `[^…&&…]`, whose meaning changed in
 * Java 9, so on today's Java it lets every `\p{C}` character through (a
 * zero-width space in `@type`, say). teikit reports those; the validation
 * corpus keeps a document that shows the difference (jing-differs/).
 */

export class UnsupportedPattern extends Error {}
export class InvalidPattern extends Error {}

const cache = new Map<string, RegExp>();

/** The RegExp matching exactly the strings the XML Schema pattern matches. Throws InvalidPattern or UnsupportedPattern. */
export function compileXsdPattern(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${new Translator(pattern).translate()})$`, 'u');
    cache.set(pattern, re);
  }
  return re;
}

/** One code point matcher: `klass` is usable inside `[...]`; `expr` is a standalone expression. */
interface Atom {
  klass?: string;
  expr: string;
}

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo',
  'M', 'Mn', 'Mc', 'Me',
  'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'Z', 'Zs', 'Zl', 'Zp',
  'S', 'Sm', 'Sc', 'Sk', 'So',
  'C', 'Cc', 'Cf', 'Co', 'Cn',
]);

// XML 1.0 (fifth edition) NameStartChar and NameChar, without ':' handled separately for \i and \c.
const NAME_START =
  'A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const klass = (k: string): Atom => ({ klass: k, expr: `[${k}]` });
const negated = (k: string): Atom => ({ expr: `[^${k}]` });

const MULTI_CHAR_ESCAPES: Record<string, Atom> = {
  s: klass(' \\t\\n\\r'),
  S: negated(' \\t\\n\\r'),
  d: klass('\\p{Nd}'),
  D: klass('\\P{Nd}'),
  i: klass(`${NAME_START}:`),
  I: negated(`${NAME_START}:`),
  c: klass(`${NAME_CHAR}:`),
  C: negated(`${NAME_CHAR}:`),
  // XML Schema: \w is every character but punctuation, separators and "other"
  w: negated('\\p{P}\\p{Z}\\p{C}'),
  W: klass('\\p{P}\\p{Z}\\p{C}'),
};

const SINGLE_CHAR_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const SINGLE_ESCAPABLE = '\\|.?*+(){}-[]^';

function literal(ch: string): string {
  return /^[A-Za-z0-9]$/.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

class Translator {
  private readonly chars: string[];
  private pos = 0;

  constructor(pattern: string) {
    this.chars = [...pattern];
  }

  translate(): string {
    const out = this.regExp();
    if (this.pos < this.chars.length) this.invalid(`unexpected "${this.peek()}"`);
    return out;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const c = this.chars[this.pos++];
    if (c === undefined) this.invalid('unexpected end of pattern');
    return c;
  }

  private invalid(why: string): never {
    throw new InvalidPattern(`invalid XML Schema pattern: ${why}`);
  }

  private regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  private branch(): string {
    let out = '';
    while (this.pos < this.chars.length && this.peek() !== '|' && this.peek() !== ')') out += this.piece();
    return out;
  }

  private piece(): string {
    const atom = this.atom();
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.pos++;
      return `${atom}${c}`;
    }
    if (c === '{') {
      this.pos++;
      let q = '';
      while (this.peek() !== '}') q += this.next();
      this.pos++;
      if (!/^\d+(,\d*)?$/.test(q)) this.invalid(`bad quantifier {${q}}`);
      return `${atom}{${q}}`;
    }
    return atom;
  }

  private atom(): string {
    const c = this.next();
    switch (c) {
      case '(': {
        const inner = this.regExp();
        if (this.next() !== ')') this.invalid('unclosed group');
        return `(?:${inner})`;
      }
      case '[':
        return this.charClassExpr().expr;
      case '.':
        return '[^\\n\\r]';
      case '\\':
        return this.escape().expr;
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ')':
      case ']':
        return this.invalid(`"${c}" must be escaped`);
      default:
        return literal(c);
    }
  }

  // After the backslash.
  private escape(): Atom {
    const c = this.next();
    const single = SINGLE_CHAR_ESCAPES[c] ?? (SINGLE_ESCAPABLE.includes(c) ? c : undefined);
    if (single !== undefined) return klass(literal(single));
    const multi = MULTI_CHAR_ESCAPES[c];
    if (multi) return multi;
    if (c === 'p' || c === 'P') {
      if (this.next() !== '{') this.invalid('expected { after \\p');
      let name = '';
      while (this.peek() !== '}') name += this.next();
      this.pos++;
      if (name.startsWith('Is')) throw new UnsupportedPattern(`Unicode block \\p{${name}} is not supported`);
      if (!CATEGORIES.has(name)) this.invalid(`unknown category ${name}`);
      return klass(`\\${c}{${name}}`);
    }
    return this.invalid(`unknown escape \\${c}`);
  }

  // After "[": a group, an optional subtraction, and the closing "]".
  private charClassExpr(): Atom {
    const negative = this.peek() === '^';
    if (negative) this.pos++;
    const items: Atom[] = [];
    let subtraction: Atom | undefined;
    for (;;) {
      const c = this.next();
      if (c === ']') {
        if (items.length === 0) this.invalid('empty character class');
        break;
      }
      if (c === '-' && this.peek() === '[' && items.length > 0) {
        this.pos++;
        subtraction = this.charClassExpr();
        if (this.next() !== ']') this.invalid('a subtraction must end the character class');
        break;
      }
      if (c === '[') this.invalid('"[" must be escaped in a character class');
      if (c === '\\') {
        const esc = this.escape();
        items.push(esc.klass !== undefined && this.peek() === '-' && this.peek(1) !== '[' && this.peek(1) !== ']' ? this.range(esc) : esc);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== '[' && this.peek(1) !== ']') {
        items.push(this.range(klass(literal(c)), c));
        continue;
      }
      items.push(klass(literal(c)));
    }
    const group = negative ? negate(items) : unite(items);
    return subtraction ? { expr: `(?:(?!${subtraction.expr})${group.expr})` } : group;
  }

  // At "-" after the start of a range `a-z`.
  private range(start: Atom, startChar?: string): Atom {
    const from = startChar ?? singleChar(start);
    if (from === undefined) this.invalid('a range must start with a single character');
    this.pos++;
    let to = this.next();
    if (to === '\\') {
      const esc = this.escape();
      const single = singleChar(esc);
      if (single === undefined) this.invalid('a range must end with a single character');
      to = single;
    } else if (to === '[' || to === ']') this.invalid('bad range');
    if (to.codePointAt(0)! < from.codePointAt(0)!) this.invalid(`range ${from}-${to} is out of order`);
    return klass(`${literal(from)}-${literal(to)}`);
  }
}

// The character a single-character escape stands for, from its translation.
function singleChar(a: Atom): string | undefined {
  const m = /^\\u\{([0-9a-f]+)\}$|^([A-Za-z0-9])$/.exec(a.klass ?? '');
  if (!m) return undefined;
  return m[2] ?? String.fromCodePoint(parseInt(m[1]!, 16));
}

function unite(items: Atom[]): Atom {
  if (items.every((i) => i.klass !== undefined)) return klass(items.map((i) => i.klass).join(''));
  return { expr: `(?:${items.map((i) => i.expr).join('|')})` };
}

function negate(items: Atom[]): Atom {
  if (items.every((i) => i.klass !== undefined)) return { expr: `[^${items.map((i) => i.klass).join('')}]` };
  return { expr: `(?:(?!${unite(items).expr})[^])` };
}
