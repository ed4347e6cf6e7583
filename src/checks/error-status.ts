import type { Check } from './check.js';
import { status } from './status.js';

/**
 * An error answer with one of the given statuses, judged by its status only. The body of an error (Error URN,
 * `status` as a string, `scimType`) is judged once, by D-09 (scimErrorBody), so that a server whose error bodies
 * differ from RFC 7644 §3.12 gets one warning, not a red row in every test that provokes an error (catalog §0.1).
 * Entra reads the status code; it copies a body's detail into its log when there is one.
 */
export function errorStatus(...codes: number[]): Check {
  return status(...codes);
}
