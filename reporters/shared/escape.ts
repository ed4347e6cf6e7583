/**
 * Escaping for the two markup formats the reporters write. Everything that reaches a report from the target
 * (response bodies, headers, error messages) is hostile input: an endpoint may answer `<script>`, `]]>`, NUL
 * bytes or lone surrogates, and none of that may break the document or run in a reader's browser.
 */

/**
 * Characters XML 1.0 forbids anywhere in a document (§2.2 Char): C0 controls other than TAB/LF/CR, lone
 * surrogates, U+FFFE and U+FFFF. The `u` flag makes a lone surrogate one code point, so it matches here.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replace what XML 1.0 forbids with U+FFFD, so a reader still sees that something was there. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

/**
 * Escape text content for XML. `>` is escaped too so that a body containing `]]>` can never look like the
 * end of a CDATA section; CR is kept as a reference because parsers would otherwise fold CRLF into LF.
 */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escape an attribute value (always written in double quotes). Whitespace is kept as character references. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content or a quoted attribute. Control characters (other than TAB/LF/CR) are
 * shown as U+FFFD: HTML parsers treat most of them as parse errors and some renderers drop them silently.
 */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Make one line of a possibly multi-line, possibly huge message: attributes such as JUnit's `message` are
 * shown on one line by every CI, and a 1 MB message attribute makes some of them choke.
 */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
