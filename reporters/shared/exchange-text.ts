/**
 * One recorded exchange as plain text, in the `>` request / `<` response style of `curl -v`, which most
 * people who debug HTTP already read fluently. Used in JUnit failure bodies and anywhere text is wanted.
 */
import type { Exchange } from '../../src/model/exchange.js';
import { toCurl } from '../../src/model/curl.js';
import { formatBody, TEXT_BODY_CAP } from './body.js';

export interface ExchangeTextOptions {
  /** Characters kept per body. */
  bodyCap?: number;
  /** Marks this exchange as the one that showed the failure. */
  culprit?: boolean;
  /** Total exchanges in the test, for the "n of N" heading. */
  of?: number;
}

function headerLines(prefix: string, headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `${prefix} ${name}: ${value}`);
}

function bodyLines(prefix: string, body: string, cap: number): string[] {
  const formatted = formatBody(body, cap);
  const lines = formatted.text.split('\n').map((line) => `${prefix} ${line}`);
  if (formatted.note) lines.push(`${prefix} [… ${formatted.note}]`);
  return lines;
}

export function exchangeText(exchange: Exchange, options: ExchangeTextOptions = {}): string {
  const cap = options.bodyCap ?? TEXT_BODY_CAP;
  const { request, response, error } = exchange;
  const heading = [
    `Exchange ${exchange.seq}${options.of ? ` of ${options.of}` : ''}`,
    exchange.attempt > 1 ? `attempt ${exchange.attempt}` : '',
    `${Math.round(exchange.durationMs)} ms`,
    options.culprit ? 'this exchange showed the failure' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${heading}:`,
    `> ${request.method.toUpperCase()} ${request.url}`,
    ...headerLines('>', request.headers),
  ];
  if (request.body !== undefined && request.body !== '') lines.push('>', ...bodyLines('>', request.body, cap));
  if (response) {
    lines.push(`< ${response.status} ${response.statusText}`.trimEnd(), ...headerLines('<', response.headers));
    if (response.body !== '') lines.push('<', ...bodyLines('<', response.body, cap));
    if (response.truncated) {
      lines.push(`< [… the client stopped reading after ${response.bytes} bytes: the body was longer than its cap]`);
    }
  }
  if (error) lines.push(`! no complete response: ${error.code}: ${error.message}`);
  lines.push('Reproduce:', toCurl(exchange));
  return lines.join('\n');
}
