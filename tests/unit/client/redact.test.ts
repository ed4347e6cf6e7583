// Redaction happens once, where results leave the process (issue 14 item 7, issue 16): every form a server may
// echo the token in (raw, percent-encoded, JSON-escaped, HTML character references, mixed per character) is
// replaced; a short token is only removed from the Authorization header, so that it cannot mangle the output.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRedactor, MIN_SECRET_LENGTH, REDACTED, redactDeep } from '../../../src/client/redact.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** One character of the token written the way a server might echo it. */
function encodeChar(char: string, form: number, upper: boolean): string {
  const cased = (text: string) => (upper ? text.toUpperCase() : text.toLowerCase());
  const code = char.codePointAt(0)!;
  switch (form % 6) {
    case 1:
      return [...new TextEncoder().encode(char)].map((b) => `%${cased(hex(b, 2))}`).join('');
    case 2:
      return [...Array(char.length).keys()].map((i) => `\\u${cased(hex(char.charCodeAt(i), 4))}`).join('');
    case 3:
      return `&#${code};`;
    case 4:
      return `&#x${cased(hex(code, 1))};`;
    case 5:
      return char === '/' ? '\\/' : char === '"' ? '\\"' : char === '\\' ? '\\\\' : char;
    default:
      return char;
  }
}

const tokenChar = fc.constantFrom(...'abcXYZ019-_.~+/=":\\é€😀'.match(/./gu)!);
const token = fc.array(tokenChar, { minLength: MIN_SECRET_LENGTH, maxLength: 40 }).map((chars) => chars.join(''));

describe('makeRedactor: text', () => {
  it('replaces the token in every mix of raw, percent, JSON and HTML forms', () => {
    fc.assert(
      fc.property(
        token,
        fc.array(fc.tuple(fc.nat(5), fc.boolean()), { minLength: 40, maxLength: 40 }),
        (secret, forms) => {
          const echoed = [...secret].map((char, i) => encodeChar(char, forms[i]![0], forms[i]![1])).join('');
          expect(makeRedactor(secret).text(`before ${echoed} after ${secret}`)).toBe(
            `before ${REDACTED} after ${REDACTED}`,
          );
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('a JSON body that echoes the token escaped does not reveal it once parsed', () => {
    const secret = 'SeNtInEl/tok+en"x';
    const body = JSON.stringify({ detail: secret }).replace('S', '\\u0053').replace('/', '\\/');
    const redacted = makeRedactor(secret).text(body);
    expect(JSON.stringify(JSON.parse(redacted))).not.toContain(secret);
    expect(JSON.parse(redacted)).toEqual({ detail: REDACTED });
  });

  it(`leaves text alone for a token shorter than ${MIN_SECRET_LENGTH} characters, and for none`, () => {
    const text = '/ResourceTypes {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]} T';
    expect(makeRedactor('T').text(text)).toBe(text);
    expect(makeRedactor('scim').text(text)).toBe(text);
    expect(makeRedactor(undefined).text(text)).toBe(text);
  });
});

describe('makeRedactor: headers', () => {
  it('removes the credential of an Authorization header that carries the token, however short', () => {
    for (const secret of ['T', 'scim', 'a-long-secret-token']) {
      const { headers } = makeRedactor(secret);
      expect(headers({ Authorization: `Bearer ${secret}` })).toEqual({ Authorization: `Bearer ${REDACTED}` });
      expect(headers({ authorization: `bearer ${secret}` })).toEqual({ authorization: `bearer ${REDACTED}` });
      expect(headers({ Authorization: secret })).toEqual({ Authorization: REDACTED });
    }
  });

  it("keeps the auth tests' own credentials readable, and other headers as they were when the token is short", () => {
    const { headers } = makeRedactor('T');
    expect(headers({ Authorization: 'Bearer wrong-T-1', 'X-Id': 'T' })).toEqual({
      Authorization: 'Bearer wrong-T-1',
      'X-Id': 'T',
    });
    expect(
      makeRedactor('a-long-secret-token').headers({ 'WWW-Authenticate': 'Bearer token="a-long-secret-token"' }),
    ).toEqual({
      'WWW-Authenticate': `Bearer token="${REDACTED}"`,
    });
  });
});

describe('redactDeep', () => {
  it('redacts every string of a result, keys included, and every headers object, without changing anything else', () => {
    const secret = 'a-long-secret-token';
    const result = {
      verdict: 'ready',
      summary: { passed: 3, failed: 0 },
      tests: [
        {
          status: 'passed',
          exchanges: [
            {
              request: {
                url: `https://x/?t=${encodeURIComponent(secret)}`,
                headers: { Authorization: `Bearer ${secret}` },
              },
              response: { headers: { [secret]: 'x' }, body: `{"a":"${secret}"}` },
            },
          ],
        },
      ],
    };
    const redacted = redactDeep(result, makeRedactor(secret));
    expect(JSON.stringify(redacted)).not.toContain(secret);
    expect(redacted.verdict).toBe('ready');
    expect(redacted.summary).toEqual(result.summary);
    expect(redacted.tests[0]!.exchanges[0]!.request.headers.Authorization).toBe(`Bearer ${REDACTED}`);
    expect(JSON.stringify(result)).toContain(secret); // the input is not modified
    // A short token that is not in an Authorization header changes nothing.
    expect(redactDeep(result, makeRedactor('T'))).toEqual(result);
  });
});
