/**
 * Response and request bodies as a reader wants them: JSON indented, everything else as received, and long
 * bodies cut with a note that says so (a report that embeds a 50 MB error page helps nobody).
 */

export interface FormattedBody {
  text: string;
  /** True when the body parsed as JSON and was re-indented. */
  json: boolean;
  /** Set when the text was cut here (not by the client); says what was left out. */
  note?: string;
}

/** Default cap per body in JUnit and console output; the HTML report uses a larger one. */
export const TEXT_BODY_CAP = 4096;

/** Indent a JSON body; leave anything else alone. Parsing is tried on every body: content types lie. */
export function prettyBody(body: string): { text: string; json: boolean } {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
    } catch {
      // Not JSON after all (or truncated JSON): show it as received.
    }
  }
  return { text: body, json: false };
}

/** Pretty-print, then cut at `cap` characters (never inside a surrogate pair) with a note. */
export function formatBody(body: string, cap: number): FormattedBody {
  const pretty = prettyBody(body);
  if (pretty.text.length <= cap) return pretty;
  let end = cap;
  const code = pretty.text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return {
    text: pretty.text.slice(0, end),
    json: pretty.json,
    note: `truncated in this report: showing ${end} of ${pretty.text.length} characters`,
  };
}
