/**
 * Escaping for HTML built as strings. Everything that comes from a TEI
 * document is untrusted: text goes through `text`, attribute values through
 * `attr`, and a URL is only ever written if `safeUrl` accepts it.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content: `<` and `&` would start markup, `>` is escaped for symmetry with attributes. */
export function text(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** A double-quoted attribute value. */
export function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

/**
 * The URL if it is an absolute http(s) URL, else undefined. Anything else —
 * `javascript:`, `data:`, `vbscript:`, a relative path that would resolve
 * against the page — is shown as text and never made a link, since the page
 * opens from disk and a link is a promise that clicking is harmless.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#]+/i.test(trimmed)) return undefined;
  // Control characters and spaces inside a URL are how scheme checks get fooled; refuse them.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return undefined;
  return trimmed;
}
