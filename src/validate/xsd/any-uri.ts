import { collapseWhitespace } from './temporal.js';

/**
 * XML Schema `anyURI` as jing checks it: TEI's pointers (`@ref`, `@target`,
 * `@resp`, `@facs`, …) are anyURI, so this check runs on most attributes of a
 * TEI document.
 *
 * jing (com.thaiopensource.util.Uri.isValid) first %-escapes what RFC 2396
 * forbids but XML Schema allows (spaces, `"<>\^`{|}`, controls, non-ASCII
 * separators) and then asks java.net.URI to parse the result. salve checks
 * an RFC 3987 pattern instead, and the two disagree both ways: salve rejects
 * `a"b` and IPv6 scope ids, and accepts `http:`, `::`, `a_b:c`, `x:` and
 * malformed IPv6 literals. So this module is a port of what java.net.URI's
 * parser (OpenJDK 17, `URI.Parser` with requireServerAuthority false) accepts,
 * kept close to its structure so the two can be compared line by line. It only
 * decides validity; nothing is built.
 */
export function isValidAnyUri(value: string): boolean {
  try {
    new UriParser(escapeLikeJing(collapseWhitespace(value))).parse();
    return true;
  } catch (err) {
    if (err instanceof UriSyntaxError) return false;
    throw err;
  }
}

class UriSyntaxError extends Error {}

const SEPARATOR = /[\p{Zs}\p{Zl}\p{Zp}]/u;
const isSpaceChar = (c: number): boolean => SEPARATOR.test(String.fromCharCode(c));
const isIsoControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f);

/** jing's UriEncoder.encode: %-escapes (as UTF-8) the characters java.net.URI would refuse but XML Schema allows. */
function escapeLikeJing(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const escape =
      c < 0x20 || c === 0x20 || c === 0x7f || '"<>\\^`{|}'.includes(ch) || (c >= 0x80 && (isIsoControl(c) || isSpaceChar(c)));
    out += escape ? percentEncodeUtf8(ch) : ch;
  }
  return out;
}

function percentEncodeUtf8(ch: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** A set of ASCII characters, and whether %-escapes and visible non-ASCII characters are also allowed (java.net.URI's L_ESCAPED). */
interface CharSet {
  ascii: boolean[];
  escaped: boolean;
}

function chars(spec: string, escaped = false): CharSet {
  const ascii = new Array<boolean>(128).fill(false);
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) ascii[c] = true;
      i += 2;
    } else ascii[spec.charCodeAt(i)] = true;
  }
  return { ascii, escaped };
}

function union(...sets: CharSet[]): CharSet {
  return { ascii: sets[0]!.ascii.map((_, c) => sets.some((s) => s.ascii[c])), escaped: sets.some((s) => s.escaped) };
}

const DIGIT = chars('0-9');
const ALPHA = chars('a-zA-Z');
const ALPHANUM = union(DIGIT, ALPHA);
const HEX = chars('0-9a-fA-F');
const UNRESERVED = union(ALPHANUM, chars("-_.!~*'()"));
const ESCAPED = chars('', true);
const URIC = union(chars(';/?:@&=+$,[]'), UNRESERVED, ESCAPED);
const PATH = union(UNRESERVED, ESCAPED, chars(':@&=+$,;/'));
const USERINFO = union(UNRESERVED, ESCAPED, chars(';:&=+$,'));
const REG_NAME = union(UNRESERVED, ESCAPED, chars('$,;:@&=+'));
const SERVER = union(USERINFO, ALPHANUM, chars('-.:@[]'));
const SERVER_PERCENT = union(SERVER, chars('%'));
const SCHEME = union(ALPHA, DIGIT, chars('+.-'));
const SCOPE_ID = union(ALPHANUM, chars('_.'));
const ALPHANUM_DASH = union(ALPHANUM, chars('-'));
const DIGIT_DOT = union(DIGIT, chars('.'));

function match(c: number, set: CharSet): boolean {
  return c !== 0 && c < 128 && set.ascii[c] === true;
}

/** java.net.URI.Parser, validation only. Positions are UTF-16 indices, as Java's charAt. */
class UriParser {
  private ipv6ByteCount = 0;

  constructor(private readonly input: string) {}

  private fail(): never {
    throw new UriSyntaxError();
  }

  private code(p: number): number {
    return this.input.charCodeAt(p);
  }

  private at(start: number, end: number, s: string): boolean {
    return s.length <= end - start && this.input.startsWith(s, start);
  }

  // scan(start, end, char): one char
  private scanChar(start: number, end: number, c: string): number {
    return start < end && this.input[start] === c ? start + 1 : start;
  }

  // scan(start, end, err, stop): -1 at a char of `err`, else the index of the first char of `stop` (or end)
  private scanUntil(start: number, end: number, err: string, stop: string): number {
    let p = start;
    while (p < end) {
      const c = this.input[p]!;
      if (err.includes(c)) return -1;
      if (stop.includes(c)) break;
      p++;
    }
    return p;
  }

  private scanEscape(p: number, n: number, c: number): number {
    if (c === 0x25 /* % */) {
      if (p + 3 <= n && match(this.code(p + 1), HEX) && match(this.code(p + 2), HEX)) return p + 3;
      this.fail();
    } else if (c > 128 && !isSpaceChar(c) && !isIsoControl(c)) {
      return p + 1;
    }
    return p;
  }

  private scan(start: number, n: number, set: CharSet): number {
    let p = start;
    while (p < n) {
      const c = this.code(p);
      if (match(c, set)) {
        p++;
        continue;
      }
      if (set.escaped) {
        const q = this.scanEscape(p, n, c);
        if (q > p) {
          p = q;
          continue;
        }
      }
      break;
    }
    return p;
  }

  private checkChars(start: number, end: number, set: CharSet): void {
    if (this.scan(start, end, set) < end) this.fail();
  }

  parse(): void {
    const n = this.input.length;
    let p = this.scanUntil(0, n, '/?#', ':');
    if (p >= 0 && this.at(p, n, ':')) {
      if (p === 0) this.fail();
      this.checkChars(0, 1, ALPHA);
      this.checkChars(1, p, SCHEME);
      p++;
      if (this.at(p, n, '/')) {
        p = this.parseHierarchical(p, n);
      } else {
        const q = this.scanUntil(p, n, '', '#');
        if (q <= p) this.fail(); // "http:" has no scheme-specific part
        this.checkChars(p, q, URIC);
        p = q;
      }
    } else {
      p = this.parseHierarchical(0, n);
    }
    if (this.at(p, n, '#')) {
      this.checkChars(p + 1, n, URIC);
      p = n;
    }
    if (p < n) this.fail();
  }

  private parseHierarchical(start: number, n: number): number {
    let p = start;
    if (this.at(p, n, '//')) {
      p += 2;
      const q = this.scanUntil(p, n, '', '/?#');
      if (q > p) p = this.parseAuthority(p, q);
      else if (q >= n) this.fail(); // "http://" with nothing after the empty authority
    }
    let q = this.scanUntil(p, n, '', '?#');
    this.checkChars(p, q, PATH);
    p = q;
    if (this.at(p, n, '?')) {
      p++;
      q = this.scanUntil(p, n, '', '#');
      this.checkChars(p, q, URIC);
      p = q;
    }
    return p;
  }

  // A server-based authority ([userinfo@]host[:port]) if it parses as one, else a registry name.
  private parseAuthority(start: number, n: number): number {
    const p = start;
    const serverChars = this.scanUntil(p, n, '', ']') > p ? this.scan(p, n, SERVER_PERCENT) === n : this.scan(p, n, SERVER) === n;
    const regChars = this.scan(p, n, REG_NAME) === n;
    if (regChars && !serverChars) return n;
    let q = p;
    let failure: unknown;
    if (serverChars) {
      try {
        q = this.parseServer(p, n, regChars);
        if (q < n) {
          if (regChars) q = p;
          else this.fail();
        }
      } catch (err) {
        if (!(err instanceof UriSyntaxError)) throw err;
        failure = err;
        q = p;
      }
    }
    if (q < n && !regChars) {
      if (failure !== undefined) throw failure;
      this.fail();
    }
    return n;
  }

  private parseServer(start: number, n: number, skipParseException: boolean): number {
    let p = start;
    let q = this.scanUntil(p, n, '/?#', '@');
    if (q >= p && this.at(q, n, '@')) {
      this.checkChars(p, q, USERINFO);
      p = q + 1;
    }
    if (this.at(p, n, '[')) {
      p++;
      q = this.scanUntil(p, n, '/?#', ']');
      if (q > p && this.at(q, n, ']')) {
        const r = this.scanUntil(p, q, '', '%');
        if (r > p) {
          this.parseIPv6Reference(p, r);
          if (r + 1 === q) this.fail(); // "[::1%]": a scope id is expected
          this.checkChars(r + 1, q, SCOPE_ID);
        } else {
          this.parseIPv6Reference(p, q);
        }
        p = q + 1;
      } else {
        this.fail();
      }
    } else {
      q = this.parseIPv4Address(p, n);
      if (q <= p) q = this.parseHostname(p, n, skipParseException);
      p = q;
    }
    if (this.at(p, n, ':')) {
      p++;
      q = this.scanUntil(p, n, '', '/');
      if (q > p) {
        this.checkChars(p, q, DIGIT);
        // Integer.parseInt: a port beyond a Java int is malformed
        const digits = this.input.slice(p, q).replace(/^0+(?=.)/, '');
        if (digits.length > 10 || Number(digits) > 2147483647) this.fail();
        p = q;
      }
    } else if (p < n && skipParseException) {
      return p;
    }
    if (p < n) this.fail();
    return p;
  }

  // Decimal digits whose value fits in a byte: returns the end, or `start` if they do not fit.
  private scanByte(start: number, n: number): number {
    const p = start;
    const q = this.scan(p, n, DIGIT);
    if (q <= p) return q;
    let i = p;
    let j: number;
    while ((j = this.scanChar(i, q, '0')) > i) i = j;
    const significant = q - i;
    if (significant < 3) return q;
    if (significant > 3) return p;
    return Number(this.input.slice(p, q)) > 255 ? p : q;
  }

  private scanIPv4Address(start: number, n: number, strict: boolean): number {
    let p = start;
    let q: number;
    const m = this.scan(p, n, DIGIT_DOT);
    if (m <= p || (strict && m !== n)) return -1;
    parse: {
      if ((q = this.scanByte(p, m)) <= p) break parse;
      p = q;
      for (let part = 0; part < 3; part++) {
        if ((q = this.scanChar(p, m, '.')) <= p) break parse;
        p = q;
        if ((q = this.scanByte(p, m)) <= p) break parse;
        p = q;
      }
      if (q < m) break parse;
      return q;
    }
    if (strict) this.fail();
    return -1;
  }

  private takeIPv4Address(start: number, n: number): number {
    const p = this.scanIPv4Address(start, n, true);
    if (p <= start) this.fail();
    return p;
  }

  private parseIPv4Address(start: number, n: number): number {
    const p = this.scanIPv4Address(start, n, false);
    if (p === -1) return p;
    if (p > start && p < n && this.input[p] !== ':') return -1;
    return p;
  }

  private parseHostname(start: number, n: number, skipParseException: boolean): number {
    let p = start;
    let q: number;
    let lastLabel = -1;
    do {
      q = this.scan(p, n, ALPHANUM);
      if (q <= p) break;
      lastLabel = p;
      p = q;
      q = this.scan(p, n, ALPHANUM_DASH);
      if (q > p) {
        if (this.input[q - 1] === '-') this.fail();
        p = q;
      }
      q = this.scanChar(p, n, '.');
      if (q <= p) break;
      p = q;
    } while (p < n);
    if (p < n && !this.at(p, n, ':')) {
      if (skipParseException) return p;
      this.fail();
    }
    if (lastLabel < 0) this.fail();
    // the rightmost label of a qualified name starts with a letter
    if (lastLabel > start && !match(this.code(lastLabel), ALPHA)) this.fail();
    return p;
  }

  private parseIPv6Reference(start: number, n: number): number {
    let p = start;
    let compressedZeros = false;
    const q = this.scanHexSeq(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, '::')) {
        compressedZeros = true;
        p = this.scanHexPost(p + 2, n);
      } else if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n);
        this.ipv6ByteCount += 4;
      }
    } else if (this.at(p, n, '::')) {
      compressedZeros = true;
      p = this.scanHexPost(p + 2, n);
    }
    if (p < n) this.fail();
    if (this.ipv6ByteCount > 16) this.fail();
    if (!compressedZeros && this.ipv6ByteCount < 16) this.fail();
    if (compressedZeros && this.ipv6ByteCount === 16) this.fail();
    return p;
  }

  private scanHexPost(start: number, n: number): number {
    let p = start;
    if (p === n) return p;
    const q = this.scanHexSeq(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n);
        this.ipv6ByteCount += 4;
      }
    } else {
      p = this.takeIPv4Address(p, n);
      this.ipv6ByteCount += 4;
    }
    return p;
  }

  // hex4 *( ":" hex4 ); -1 when it is the start of an IPv4 address
  private scanHexSeq(start: number, n: number): number {
    let p = start;
    let q = this.scan(p, n, HEX);
    if (q <= p) return -1;
    if (this.at(q, n, '.')) return -1;
    if (q > p + 4) this.fail();
    this.ipv6ByteCount += 2;
    p = q;
    while (p < n) {
      if (!this.at(p, n, ':')) break;
      if (this.at(p + 1, n, ':')) break;
      p++;
      q = this.scan(p, n, HEX);
      if (q <= p) this.fail();
      if (this.at(q, n, '.')) {
        p--;
        break;
      }
      if (q > p + 4) this.fail();
      this.ipv6ByteCount += 2;
      p = q;
    }
    return p;
  }
}
