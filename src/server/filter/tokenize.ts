/**
 * Tokenizer for RFC 7644 §3.4.2.2 filters. Words (attribute paths, operators, keywords) are one token kind;
 * the parser decides by position whether a word is a path or an operator, so an attribute named like a
 * keyword cannot confuse it. Strings follow JSON string rules (RFC 7644 compValue refers to RFC 7159),
 * including `\"`, `\\` and `\uXXXX` escapes.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../../scim/errors.js';

export type Token =
  | { kind: 'word'; text: string; position: number; spaceBefore: boolean }
  | { kind: 'string'; value: string; position: number; spaceBefore: boolean }
  | { kind: 'number'; value: number; text: string; position: number; spaceBefore: boolean }
  | { kind: '(' | ')' | '[' | ']'; position: number; spaceBefore: boolean }
  | { kind: 'end'; position: number; spaceBefore: boolean };

/** ATTRNAME chars, `$` (for `$ref`), `:` and `.` (URN prefixes, sub-attributes) and `-`. */
const WORD_CHAR = /[A-Za-z0-9_$:.\-]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

export function invalidFilter(detail: string): ScimError {
  return new ScimError(400, 'invalidFilter', detail);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      spaceBefore = true;
      i++;
      continue;
    }
    const position = i;
    if (c === '(' || c === ')' || c === '[' || c === ']') {
      tokens.push({ kind: c, position, spaceBefore });
      i++;
    } else if (c === '"') {
      const end = findStringEnd(text, i);
      tokens.push({ kind: 'string', value: decodeString(text.slice(i, end + 1), position), position, spaceBefore });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = NUMBER.exec(text.slice(i));
      if (!match) throw invalidFilter(`Failed to parse filter: malformed number at position ${position}.`);
      const after = text[i + match[0].length];
      if (after !== undefined && WORD_CHAR.test(after)) {
        throw invalidFilter(
          `Failed to parse filter: unexpected character "${after}" in number at position ${i + match[0].length}.`,
        );
      }
      tokens.push({ kind: 'number', value: Number(match[0]), text: match[0], position, spaceBefore });
      i += match[0].length;
    } else if (WORD_CHAR.test(c)) {
      let j = i;
      while (j < text.length && WORD_CHAR.test(text.charAt(j))) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j), position, spaceBefore });
      i = j;
    } else {
      throw invalidFilter(`Failed to parse filter: unexpected character "${c}" at position ${position}.`);
    }
    spaceBefore = false;
  }
  tokens.push({ kind: 'end', position: text.length, spaceBefore });
  return tokens;
}

/** Index of the closing quote of the string starting at `start`. */
function findStringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  throw invalidFilter(`Failed to parse filter: unterminated string starting at position ${start}.`);
}

function decodeString(literal: string, position: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw invalidFilter(
      `Failed to parse filter: invalid string ${literal} at position ${position}; use JSON escapes such as \\" and \\\\.`,
    );
  }
}
