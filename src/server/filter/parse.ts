/**
 * Recursive-descent parser for the RFC 7644 §3.4.2.2 filter grammar:
 *
 *   FILTER    = attrExp / logExp / valuePath / *1"not" "(" FILTER ")"
 *   valuePath = attrPath "[" valFilter "]"
 *   attrExp   = (attrPath SP "pr") / (attrPath SP compareOp SP compValue)
 *   logExp    = FILTER SP ("and" / "or") SP FILTER
 *
 * Precedence (§3.4.2.2 table 3): grouping and `not` bind tightest, then `and`, then `or`. Operators and
 * keywords are case-insensitive. Whitespace is tolerated wherever the grammar has SP, and around brackets.
 * Errors are `400 invalidFilter` with the position and the offending token (§3.12).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import type { AttributePathNode, CompareOperator, CompareValue, FilterNode } from './ast.js';
import { COMPARE_OPERATORS } from './ast.js';
import { invalidFilter, tokenize, type Token } from './tokenize.js';

const ATTR_PATH = /^(?:[A-Za-z][A-Za-z0-9:._$\-]*|\$ref)$/;

/** Parses a filter; throws `ScimError(400, 'invalidFilter')` with a precise detail on bad input. */
export function parseFilter(text: string): FilterNode {
  return new Parser(text, false).parseAll();
}

/** Parses the inside of a value path bracket (`valFilter`): no nested value paths, paths are sub-attributes. */
export function parseValueFilter(text: string): FilterNode {
  return new Parser(text, true).parseAll();
}

class Parser {
  private readonly tokens: Token[];
  /** What the parser sees past the last token (tokenize ends the list with it too). */
  private readonly end: Token;
  private index = 0;

  constructor(
    text: string,
    private inValuePath: boolean,
  ) {
    if (typeof text !== 'string' || text.trim() === '')
      throw invalidFilter('Failed to parse filter: the filter is empty.');
    this.tokens = tokenize(text);
    this.end = { kind: 'end', position: text.length, spaceBefore: false };
  }

  parseAll(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      throw invalidFilter(
        `Failed to parse filter: unexpected ${describe(next)} at position ${next.position}; expected "and", "or" or the end of the filter.`,
      );
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.end;
  }

  private next(): Token {
    return this.tokens[this.index++] ?? this.end;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    if (this.isKeyword(token, 'not') && this.tokens[this.index + 1]?.kind === '(') {
      this.next();
      return { kind: 'not', filter: this.parseGroup() };
    }
    const after = this.tokens[this.index + 1];
    if (this.isKeyword(token, 'not') && after?.kind === 'word' && !isOperator(after.text)) {
      throw invalidFilter(
        `Failed to parse filter: "not" at position ${token.position} must be followed by a parenthesised filter, e.g. not (${after.text} …).`,
      );
    }
    if (token.kind === '(') return this.parseGroup();
    return this.parseAttributeExpression();
  }

  private parseGroup(): FilterNode {
    const open = this.next();
    const inner = this.parseOr();
    const close = this.next();
    if (close.kind !== ')') {
      throw invalidFilter(
        `Failed to parse filter: missing ")" for the "(" at position ${open.position}; found ${describe(close)} at position ${close.position}.`,
      );
    }
    return inner;
  }

  private parseAttributePath(): AttributePathNode {
    const token = this.next();
    if (token.kind !== 'word' || !ATTR_PATH.test(token.text)) {
      throw invalidFilter(
        `Failed to parse filter: expected an attribute path at position ${token.position}, found ${describe(token)}.`,
      );
    }
    return { path: token.text, position: token.position };
  }

  private parseAttributeExpression(): FilterNode {
    const attribute = this.parseAttributePath();
    if (this.peek().kind === '[') return this.parseValuePath(attribute);
    return this.parseComparison(attribute);
  }

  /** `attr op value` or `attr pr`, once the attribute path has been read. */
  private parseComparison(attribute: AttributePathNode): FilterNode {
    const opToken = this.next();
    if (opToken.kind !== 'word') {
      throw invalidFilter(
        `Failed to parse filter: expected an operator after "${attribute.path}" at position ${opToken.position}, found ${describe(opToken)}.`,
      );
    }
    const op = opToken.text.toLowerCase();
    if (op === 'pr') return { kind: 'present', attribute };
    if (!(COMPARE_OPERATORS as readonly string[]).includes(op)) {
      throw invalidFilter(
        `Failed to parse filter: unknown operator "${opToken.text}" after "${attribute.path}" at position ${opToken.position}; expected one of eq, ne, co, sw, ew, gt, ge, lt, le, pr.`,
      );
    }
    return { kind: 'compare', attribute, operator: op as CompareOperator, value: this.parseValue(attribute, op) };
  }

  private parseValue(attribute: AttributePathNode, op: string): CompareValue {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
      throw invalidFilter(
        `Failed to parse filter: the value "${token.text}" after "${attribute.path} ${op}" at position ${token.position} is not a quoted string, number, true, false or null.`,
      );
    }
    throw invalidFilter(
      `Failed to parse filter: expected a value after "${attribute.path} ${op}" at position ${token.position}, found ${describe(token)}.`,
    );
  }

  private parseValuePath(attribute: AttributePathNode): FilterNode {
    const open = this.next();
    if (this.inValuePath) {
      throw invalidFilter(
        `Failed to parse filter: nested value path "${attribute.path}[" at position ${open.position} is not allowed inside another value path.`,
      );
    }
    this.inValuePath = true;
    const filter = this.parseOr();
    this.inValuePath = false;
    const close = this.next();
    if (close.kind !== ']') {
      throw invalidFilter(
        `Failed to parse filter: missing "]" for the "[" at position ${open.position}; found ${describe(close)} at position ${close.position}.`,
      );
    }
    const after = this.peek();
    if (after.kind === 'word' && after.text.startsWith('.') && !after.spaceBefore) {
      // `emails[type eq "work"].value eq "x"` (catalog F-08): desugar to `emails[type eq "work" and value eq "x"]`.
      this.next();
      const sub: AttributePathNode = { path: after.text.slice(1), position: after.position + 1 };
      if (!ATTR_PATH.test(sub.path) || sub.path.includes('.') || sub.path.includes(':')) {
        throw invalidFilter(
          `Failed to parse filter: invalid sub-attribute "${after.text}" at position ${after.position}.`,
        );
      }
      return { kind: 'valuePath', attribute, filter: { kind: 'and', left: filter, right: this.parseComparison(sub) } };
    }
    return { kind: 'valuePath', attribute, filter };
  }
}

function isOperator(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'pr' || (COMPARE_OPERATORS as readonly string[]).includes(lower);
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'word':
      return `"${token.text}"`;
    case 'string':
      return `the string ${JSON.stringify(token.value)}`;
    case 'number':
      return `the number ${token.text}`;
    default:
      return `"${token.kind}"`;
  }
}
