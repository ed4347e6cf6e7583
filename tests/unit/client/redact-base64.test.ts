// Issue 16 item 2: the token is redacted however a server encodes it, base64 included (alone, inside
// `Basic base64(user:token)`, URL-safe, JSON-escaped with `\/`), and what a reader decodes shows it nowhere.
import { describe, expect, it } from 'vitest';
import { base64Forms, makeRedactor, REDACTED } from '../../../src/client/redact.js';

const TOKEN = 'SeNtInEl-tok/en+with=chars-9Qz?>>';
const redact = makeRedactor(TOKEN).text;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('base64 forms of the token', () => {
  it.each([
    ['alone', b64(TOKEN)],
    ['in Basic user:token', `Basic ${b64(`user:${TOKEN}`)}`],
    ['with one byte before', b64(`x${TOKEN}y`)],
    ['with two bytes before', b64(`xy${TOKEN}`)],
    ['URL-safe', Buffer.from(`ab${TOKEN}`).toString('base64url')],
  ])('%s is redacted', (_label, echoed) => {
    const text = `{"detail":"you sent ${echoed}"}`;
    const out = redact(text);
    expect(out).toContain(REDACTED);
    for (const form of base64Forms(TOKEN)) expect(out).not.toContain(form);
  });

  it('a base64 token echoed JSON-escaped (\\/ and \\u escapes) is gone from the decoded text too', () => {
    const base64Token = b64(`\u00ff\u00fe${TOKEN}`);
    expect(base64Token).toContain('/');
    const redactBase64 = makeRedactor(base64Token).text;
    const echoed = JSON.stringify({ detail: base64Token })
      .replace(/\//g, '\\/')
      .replace(/[A-Z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    const out = redactBase64(echoed);
    expect(JSON.parse(out).detail).toBe(REDACTED);
  });

  it('changes no text without the token, and no short token is looked for in base64', () => {
    expect(redact('{"userName":"scimc-1234abcd-user"}')).toBe('{"userName":"scimc-1234abcd-user"}');
    expect(base64Forms('short')).toEqual([]);
  });
});
