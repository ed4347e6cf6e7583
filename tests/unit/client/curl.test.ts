import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../../src/model/curl.js';
import type { Exchange } from '../../../src/model/exchange.js';

function exchange(request: Exchange['request']): Exchange {
  return { seq: 1, request, startedAt: '2025-11-23T18:05:00.000Z', durationMs: 10, attempt: 1 };
}

const patch = exchange({
  method: 'PATCH',
  url: 'https://scim.example.test/scim/v2/Users?filter=userName+eq+%22o%27brien%40contoso.test%22',
  headers: {
    Authorization: 'Bearer [redacted]',
    'Content-Type': 'application/scim+json',
    'Content-Length': '99',
    Host: 'x',
  },
  body: `{"displayName":"O'Brien 山田 🚀","note":"it's $HOME and \`id\` and \\"q\\""}`,
});

/** Runs the curl line through bash with `curl` replaced by a function that prints its arguments. */
function argvThroughBash(line: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${line}\n`;
  const out = execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('reads the token from $SCIM_TOKEN in double quotes and never prints the recorded value', () => {
    const line = toCurl(patch);
    expect(line).toContain('-H "Authorization: Bearer $SCIM_TOKEN"');
    expect(line).not.toContain('[redacted]');
  });

  it('keeps the URL verbatim, + and %22 included', () => {
    expect(toCurl(patch)).toContain(
      `'https://scim.example.test/scim/v2/Users?filter=userName+eq+%22o%27brien%40contoso.test%22'`,
    );
  });

  it('writes method, content type and body, and drops headers curl computes itself', () => {
    const line = toCurl(patch);
    expect(line).toMatch(/^curl -i --globoff -X 'PATCH' /);
    expect(line).toContain(`-H 'Content-Type: application/scim+json'`);
    expect(line).toContain('--data-raw ');
    expect(line).not.toMatch(/Content-Length|Host:/);
  });

  it('survives single quotes, unicode, $ and backticks: bash passes every argument byte for byte', () => {
    const line = toCurl(patch);
    execFileSync('bash', ['-n', '-c', line]); // syntax check, as the brief asks
    const argv = argvThroughBash(line, { SCIM_TOKEN: 'tok-123' });
    expect(argv).toEqual([
      '-i',
      '--globoff',
      '-X',
      'PATCH',
      patch.request.url,
      '-H',
      'Authorization: Bearer tok-123',
      '-H',
      'Content-Type: application/scim+json',
      '--data-raw',
      patch.request.body,
    ]);
  });

  it('adds a SCIM content type when a body was recorded without one', () => {
    const line = toCurl(exchange({ method: 'post', url: 'https://h/Users', headers: {}, body: '{}' }));
    expect(line).toContain(`-X 'POST'`);
    expect(line).toContain(`-H 'Content-Type: application/scim+json' --data-raw '{}'`);
  });

  it('sends no Authorization header when the recorded request had none (auth tests)', () => {
    const line = toCurl(
      exchange({ method: 'GET', url: 'https://h/Users', headers: { Accept: 'application/scim+json' } }),
    );
    expect(line).not.toContain('Authorization');
    expect(line).not.toContain('--data-raw');
    expect(argvThroughBash(line)).toEqual([
      '-i',
      '--globoff',
      '-X',
      'GET',
      'https://h/Users',
      '-H',
      'Accept: application/scim+json',
    ]);
  });

  it('never copies other credential headers', () => {
    const line = toCurl(
      exchange({ method: 'GET', url: 'https://h/', headers: { Cookie: 'session=abc', 'X-Api-Key': 'k' } }),
    );
    expect(line).not.toMatch(/session=abc|X-Api-Key/);
  });

  it('quotes a word with only a single quote', () => {
    expect(shellQuote("'")).toBe(`''\\'''`);
    expect(argvThroughBash(`curl ${shellQuote("a'b''c")}`)).toEqual(["a'b''c"]);
  });
});
