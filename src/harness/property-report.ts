/**
 * Text of a property failure: the minimal counterexample and its requests and responses, numbered as the report
 * numbers exchanges, each body cut short (the full exchanges are in the report).
 */
import fc from 'fast-check';
import type { Exchange } from '../model/exchange.js';

const BODY_CHARS = 240;

function cut(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > BODY_CHARS ? `${flat.slice(0, BODY_CHARS)}… (${flat.length - BODY_CHARS} more)` : flat;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname + u.search);
  } catch {
    return url;
  }
}

/** "1. POST /scim/v2/Users {…}\n   → 201 {…}" per exchange. */
export function numberedExchanges(exchanges: readonly Exchange[]): string {
  if (exchanges.length === 0) return '(no request was sent)';
  return exchanges
    .map((e) => {
      const request = `${e.seq}. ${e.request.method} ${pathOf(e.request.url)}${e.request.body ? ` ${cut(e.request.body)}` : ''}`;
      const response = e.response
        ? `${e.response.status}${e.response.body ? ` ${cut(e.response.body)}` : ''}`
        : `no response (${e.error?.code ?? 'error'}: ${e.error?.message ?? ''})`;
      return `${request}\n   → ${response}`;
    })
    .join('\n');
}

/** The counterexample as fast-check prints it; a command sequence reads "CreateUser(…),Disable(u1)". */
export function counterexampleText(counterexample: readonly unknown[] | null): string {
  if (!counterexample) return '(none)';
  // Command sequences print themselves ("CreateUser(…),Disable(u1) /*replayPath=…*/"); other values via fc.stringify.
  const one = (value: unknown) =>
    value && typeof value === 'object' && value.toString !== Object.prototype.toString
      ? String(value)
      : fc.stringify(value);
  const text = counterexample.map(one).join(', ');
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
