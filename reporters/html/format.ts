/**
 * Small HTML-building helpers for the report. Every string that is not markup we wrote goes through
 * `text()`; markup is only ever produced by these helpers, so an unescaped value stands out in review.
 */
import { escapeHtml } from '../shared/escape.js';

/** Escaped text content or attribute value. */
export function text(value: string | number): string {
  return escapeHtml(String(value));
}

/** `name="value"` pairs, escaped; `false`/`undefined` leave the attribute out, `true` writes it bare. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${text(value)}"`;
  }
  return out;
}

/** Only http(s) links become anchors: a spec URL or target URL of another scheme is shown as text. */
export function link(href: string, label: string): string {
  if (!/^https?:\/\//i.test(href)) return text(label);
  return `<a${attrs({ href, rel: 'noopener noreferrer', target: '_blank' })}>${text(label)}</a>`;
}

/** "2025-11-23 18:05:12 UTC": unambiguous for readers in any time zone, and stable for a given result. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
