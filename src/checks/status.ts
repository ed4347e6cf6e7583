import type { Check } from './check.js';
import { show } from './check.js';

/** The status is one of the given codes. */
export function status(...codes: number[]): Check {
  const expected = codes.length === 1 ? String(codes[0]) : codes.join(' or ');
  return (response) => {
    if (codes.includes(response.status)) return undefined;
    const snippet = response.text ? `: ${show(response.text.slice(0, 160))}` : ' (empty body)';
    return {
      message: `expected status ${expected}, got ${response.status}${snippet}`,
      expected,
      actual: String(response.status),
    };
  };
}
