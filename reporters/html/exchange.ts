/**
 * One recorded exchange in the HTML report: request and response as raw HTTP messages (request line,
 * headers, blank line, indented body), then the curl line with a copy button. Bodies are hostile input and
 * are only ever inserted as escaped text inside <pre>.
 */
import type { Exchange } from '../../src/model/exchange.js';
import { toCurl } from '../../src/model/curl.js';
import { formatBody } from '../shared/body.js';
import { formatDuration } from '../shared/duration.js';
import { attrs, text } from './format.js';

/** Per-body cap in the HTML report: large enough for any SCIM resource, small enough to keep the page fast. */
export const HTML_BODY_CAP = 64 * 1024;

function headerBlock(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `<span class="hn">${text(name)}:</span> ${text(value)}`)
    .join('\n');
}

function bodyBlock(body: string | undefined): { html: string; note: string } {
  if (body === undefined || body === '') return { html: '', note: '' };
  const formatted = formatBody(body, HTML_BODY_CAP);
  const note = formatted.note ? `<p class="note">Body ${text(formatted.note)}.</p>` : '';
  return { html: `\n\n${text(formatted.text)}`, note };
}

function statusClass(status: number): string {
  if (status >= 500) return 's5';
  if (status >= 400) return 's4';
  if (status >= 300) return 's3';
  return 's2';
}

function requestHtml(exchange: Exchange): string {
  const { request } = exchange;
  const head = `<b class="rl">${text(request.method.toUpperCase())} ${text(request.url)}</b>`;
  const headers = headerBlock(request.headers);
  const body = bodyBlock(request.body);
  return `<div class="msg req"><div class="msg-label">Request</div><pre class="http">${head}${headers ? `\n${headers}` : ''}${body.html}</pre>${body.note}</div>`;
}

function responseHtml(exchange: Exchange): string {
  const { response, error } = exchange;
  if (!response) {
    const why = error ? `${error.code}: ${error.message}` : 'no response was recorded';
    return `<div class="msg res"><div class="msg-label">Response</div><p class="noresp">No complete response: ${text(why)}</p></div>`;
  }
  const head = `<b class="rl ${statusClass(response.status)}">${text(response.status)} ${text(response.statusText)}</b>`;
  const headers = headerBlock(response.headers);
  const body = bodyBlock(response.body);
  const clientCut = response.truncated
    ? `<p class="note">The client stopped reading after ${text(response.bytes)} bytes: the body was longer than its cap.</p>`
    : '';
  const errorNote = error ? `<p class="noresp">${text(`${error.code}: ${error.message}`)}</p>` : '';
  return `<div class="msg res"><div class="msg-label">Response</div><pre class="http">${head}${headers ? `\n${headers}` : ''}${body.html}</pre>${body.note}${clientCut}${errorNote}</div>`;
}

export function curlHtml(exchange: Exchange): string {
  return (
    `<div class="curl"><div class="curl-bar"><span>Reproduce with curl (set <code>SCIM_TOKEN</code> first)</span>` +
    `<button type="button" class="copy">Copy</button></div><pre class="curl-line"><code>${text(toCurl(exchange))}</code></pre></div>`
  );
}

export function exchangeHtml(exchange: Exchange, of: number, culprit: boolean): string {
  const facts = [
    `Exchange ${exchange.seq} of ${of}`,
    formatDuration(exchange.durationMs),
    exchange.attempt > 1 ? `attempt ${exchange.attempt} (retried after 429)` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const flag = culprit ? ' <span class="culprit-flag">showed the failure</span>' : '';
  return (
    `<section${attrs({ class: culprit ? 'exchange culprit' : 'exchange' })}><h4>${text(facts)}${flag}</h4>` +
    `<div class="pair">${requestHtml(exchange)}${responseHtml(exchange)}</div>${curlHtml(exchange)}</section>`
  );
}
