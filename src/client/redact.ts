/**
 * Removes the bearer token from what leaves the process: console output, stderr, every report, curl lines. The
 * client records exchanges as they were (checks judge raw data, issue 14 item 7); redaction runs once, on the
 * finished RunResult and on the CLI's output streams, so it can never change a status or a verdict.
 *
 * Forms: a server may echo the token raw, percent-encoded (any character, either hex case), JSON-escaped
 * (`\u0073`, `\/`, `\"`), or as an HTML character reference (`&#115;`, `&#x73;`), and mix them character by
 * character. Reports JSON-decode bodies (pretty-printing) and browsers HTML-decode text, so each of these forms
 * would show the token in clear: the pattern matches every mix of them.
 *
 * Short tokens: a token shorter than MIN_SECRET_LENGTH is not a secret worth mangling output for (`T` or `scim`
 * would rewrite every body and URL: `/Resource[redacted]ypes`), so only the credential of an Authorization header
 * that carries it is replaced. That header's credential is replaced for a token of any length. See
 * decisions/redaction.md.
 */
export const REDACTED = '[redacted]';

/** Tokens at least this long are redacted wherever they appear; shorter ones only in Authorization headers. */
export const MIN_SECRET_LENGTH = 8;

export interface Redactor {
  /** Text with every form of the token replaced by REDACTED (identity for short or empty tokens). */
  text(text: string): string;
  /** Headers with every value redacted, and the credential of an Authorization header that is the token removed. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
}

const regexEscape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** A hex number whose letters may be in either case: 7a → 7[aA]. */
function anyCaseHex(hex: string): string {
  return hex.replace(/[a-f]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/** Every way one character of the token may be written in the text a server sends back. */
function characterForms(char: string): string {
  const code = char.codePointAt(0)!;
  // Longer forms first: the alternation takes the first form that matches, so `\\` must not be taken as a raw `\`.
  const forms: string[] = [];
  if (char === '/') forms.push('\\\\/');
  if (char === '"' || char === '\\') forms.push(`\\\\${regexEscape(char)}`);
  const units = char.length === 1 ? [code] : [char.charCodeAt(0), char.charCodeAt(1)];
  forms.push(units.map((u) => `\\\\u${anyCaseHex(u.toString(16).padStart(4, '0'))}`).join(''));
  forms.push(
    [...new TextEncoder().encode(char)].map((b) => `%${anyCaseHex(b.toString(16).padStart(2, '0'))}`).join(''),
  );
  forms.push(`&#0*${code};`, `&#[xX]0*${anyCaseHex(code.toString(16))};`);
  if (char === ' ') forms.push('\\+');
  forms.push(regexEscape(char));
  return `(?:${forms.join('|')})`;
}

/** A pattern that matches the token in any mix of the forms above. */
export function tokenPattern(token: string): RegExp {
  return new RegExp([...token].map(characterForms).join(''), 'g');
}

/**
 * The base64 forms of the token (a server may echo `Basic base64(user:token)`, or the token inside a base64 blob):
 * for each of the three byte alignments, the characters that depend on the token alone, in the standard and the
 * URL-safe alphabet. Each is then matched in any mix of the forms above (so `\/` of a base64 `/` is covered too).
 */
export function base64Forms(token: string): string[] {
  const bytes = Buffer.from(token, 'utf8');
  const forms = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const bits = (offset + bytes.length) * 8;
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(bits / 6));
    if (core.length < MIN_SECRET_LENGTH) continue;
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

// A token's pattern is built once (a few ms) and shared by the run's redactors; V8 compiles a pattern on its first
// use (tens of ms for a typical token, more on its second use, when it compiles it to machine code) and shares the
// compiled form between RegExps of the same source. The run has that done while its main thread waits for the
// suites to load (src/runner/conformance-run.ts), so that no redaction pays it on the way to the first test.
const secretSources = new Map<string, string>();

/** The token, or any of its base64 forms, each in any mix of raw, percent, JSON and HTML forms. */
export function secretPattern(token: string): RegExp {
  let source = secretSources.get(token);
  if (source === undefined) {
    const forms = [token, ...base64Forms(token)].sort((a, b) => b.length - a.length);
    source = forms.map((form) => tokenPattern(form).source).join('|');
    secretSources.set(token, source);
  }
  return new RegExp(source, 'g');
}

export function makeRedactor(token: string | undefined): Redactor {
  const secret = token && token.length >= MIN_SECRET_LENGTH ? token : undefined;
  // Built on first use: a redactor that never redacts (a run's stderr, often) never builds it.
  let pattern: RegExp | undefined;
  const text = (value: string) => {
    if (!secret) return value;
    pattern ??= secretPattern(secret);
    return value.replace(pattern, REDACTED);
  };
  return {
    text,
    headers(headers) {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const credential = /^(\S+)(\s+)(.*)$/.exec(value);
        out[text(name)] =
          token && name.toLowerCase() === 'authorization' && (value === token || credential?.[3] === token)
            ? credential
              ? `${credential[1]}${credential[2]}${REDACTED}`
              : REDACTED
            : text(value);
      }
      return out;
    },
  };
}

/**
 * A deep copy of a JSON-shaped value with every string redacted; objects named `headers` go through
 * `redactor.headers` (so the Authorization header of a recorded exchange never shows a short token either).
 */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  return walk(value, redactor, false) as T;
}

function walk(value: unknown, redactor: Redactor, isHeaders: boolean): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, redactor, false));
  if (value === null || typeof value !== 'object') return value;
  if (isHeaders && Object.values(value).every((v) => typeof v === 'string'))
    return redactor.headers(value as Record<string, string>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redactor.text(key)] = walk(item, redactor, key === 'headers');
  return out;
}
