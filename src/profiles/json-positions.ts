/**
 * A small JSON parser that keeps positions: it returns the parsed value and, for every value in the document, the
 * line and column where it starts (keyed by its path, e.g. "users.mappings.3.type"), so that a schema error can say
 * "line 14" instead of only "users.mappings[3].type". Syntax errors are reported with their line and column too.
 * Strict RFC 8259 JSON: no comments, no trailing commas.
 */

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

export function parseJsonWithPositions(text: string): PositionedJson {
  const positions = new Map<string, Position>();
  let i = 0;
  // Line starts, for offset → line/column.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  const at = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const describe = (offset: number) => (offset >= text.length ? 'the end of the file' : JSON.stringify(text[offset]));
  const error = (message: string, offset = i): never => {
    throw new JsonSyntaxError(message, at(Math.min(offset, text.length)));
  };
  const skipWhitespace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) error('comments are not allowed in JSON');
  };
  const expect = (char: string, what: string) => {
    skipWhitespace();
    if (text[i] !== char) error(`expected ${what}, found ${describe(i)}`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') error('unterminated string (a line break inside a string must be written \\n)', start);
      i++;
    }
    if (i >= text.length) error('unterminated string', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return error('invalid escape sequence in string', start);
    }
  };

  const parseValue = (path: string[]): unknown => {
    skipWhitespace();
    positions.set(path.join('.'), at(i));
    const c = text[i];
    if (c === '{') return parseObject(path);
    if (c === '[') return parseArray(path);
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return error(`expected a value (string, number, object, array, true, false or null), found ${describe(i)}`);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const parseObject = (path: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    i++;
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] !== '"') error(`expected a member name in double quotes, found ${describe(i)}${text[i] === '}' ? ' (trailing comma?)' : ''}`);
      const keyAt = at(i);
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(out, key)) error(`duplicate member name "${key}"`, i - key.length - 2);
      positions.set(`${[...path, key].join('.')}#key`, keyAt);
      expect(':', `":" after "${key}"`);
      out[key] = parseValue([...path, key]);
      skipWhitespace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      error(`expected "," or "}" after the value of "${key}", found ${describe(i)}`);
    }
  };

  const parseArray = (path: string[]): unknown[] => {
    const out: unknown[] = [];
    i++;
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') error('trailing comma before "]"');
      out.push(parseValue([...path, String(out.length)]));
      skipWhitespace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      error(`expected "," or "]" after array element ${out.length - 1}, found ${describe(i)}`);
    }
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte order mark
  const value = parseValue([]);
  skipWhitespace();
  if (i < text.length) error(`unexpected ${describe(i)} after the end of the JSON document`);
  return { value, positions };
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
