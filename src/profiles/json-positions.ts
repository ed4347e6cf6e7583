/**
 * JSON with positions, for profile errors: the parsed value and, for every value in the document, the line and
 * column where it starts (keyed by its path, e.g. "users.mappings.3.type"), so that a schema error can say "line 14"
 * instead of only "users.mappings[3].type". Syntax errors are reported with their line and column too.
 * Strict RFC 8259 JSON: no comments, no trailing commas, no duplicate member names (RFC 8259 §4 leaves their
 * meaning open; a profile that names a member twice is a mistake worth a line number).
 * Parsing is jsonc-parser's `parseTree` (the parser of VS Code's JSON support); this file only turns its offsets
 * into lines and columns and its error codes into words.
 */
import { parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface Position {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface PositionedJson {
  value: unknown;
  /** Start of every value, and of every object member's key under "<path>#key", by dotted path ("" = root). */
  positions: Map<string, Position>;
}

/** The dotted key of a path as zod reports it: ["users", "mappings", 3, "type"] → "users.mappings.3.type". */
export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export function parseJsonWithPositions(input: string): PositionedJson {
  // A byte order mark is not JSON but editors write it; a space keeps every offset (and column) where it was.
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  const at = offsetToPosition(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const offset = Math.min(first?.offset ?? 0, text.length);
    throw new JsonSyntaxError(
      describeError(text, first ?? { error: ParseErrorCode.ValueExpected, offset, length: 0 }),
      at(offset),
    );
  }
  const positions = new Map<string, Position>();
  const value = walk(root, [], positions, at);
  return { value, positions };
}

/** Records the position of the node and of everything in it, refuses duplicate member names, returns its value. */
function walk(node: Node, path: string[], positions: Map<string, Position>, at: (offset: number) => Position): unknown {
  positions.set(path.join('.'), at(node.offset));
  if (node.type === 'array')
    return (node.children ?? []).map((child, i) => walk(child, [...path, String(i)], positions, at));
  if (node.type !== 'object') return node.value as unknown;
  const out: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue; // only in documents with errors, refused above
    const key = String(keyNode.value);
    if (Object.prototype.hasOwnProperty.call(out, key))
      throw new JsonSyntaxError(`duplicate member name "${key}"`, at(keyNode.offset));
    positions.set(`${[...path, key].join('.')}#key`, at(keyNode.offset));
    // An own property even for "__proto__", as JSON.parse makes it (an assignment would set the prototype instead).
    Object.defineProperty(out, key, {
      value: walk(valueNode, [...path, key], positions, at),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function offsetToPosition(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

/** The first syntax error jsonc-parser found, in words, naming what stands at its offset. */
function describeError(text: string, error: ParseError): string {
  const { offset } = error;
  const found = offset >= text.length ? 'the end of the file' : JSON.stringify(text[offset]);
  switch (error.error) {
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'comments are not allowed in JSON';
    case ParseErrorCode.PropertyNameExpected:
      return `expected a member name in double quotes, found ${found}${text[offset] === '}' ? ' (trailing comma?)' : ''}`;
    case ParseErrorCode.ValueExpected:
      return `expected a value (string, number, object, array, true, false or null), found ${found}${text[offset] === ']' ? ' (trailing comma?)' : ''}`;
    case ParseErrorCode.ColonExpected:
      return `expected ":" after the member name, found ${found}`;
    case ParseErrorCode.CommaExpected:
      return `expected "," between two members or elements, found ${found}`;
    case ParseErrorCode.CloseBraceExpected:
      return `expected "," or "}", found ${found}`;
    case ParseErrorCode.CloseBracketExpected:
      return `expected "," or "]", found ${found}`;
    case ParseErrorCode.EndOfFileExpected:
      return `unexpected ${found} after the end of the JSON document`;
    case ParseErrorCode.UnexpectedEndOfString: {
      const next = text[offset + error.length];
      return next === '\n' || next === '\r'
        ? 'unterminated string (a line break inside a string must be written \\n)'
        : 'unterminated string';
    }
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
      return 'invalid escape sequence in string';
    case ParseErrorCode.InvalidCharacter:
      return 'invalid character in string (control characters must be escaped)';
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return `invalid number at ${found}`;
    default:
      return `unexpected ${found}`;
  }
}

/**
 * The position to show for a path: the value itself, else its member name, else the nearest ancestor that exists
 * (a missing member is reported at the object that should hold it).
 */
export function positionOf(positions: Map<string, Position>, path: ReadonlyArray<PropertyKey>): Position | undefined {
  for (let n = path.length; n >= 0; n--) {
    const key = pathKey(path.slice(0, n));
    const found = positions.get(key) ?? positions.get(`${key}#key`);
    if (found) return found;
  }
  return undefined;
}
