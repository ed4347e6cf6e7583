/**
 * A check is a pure judge of one response: it returns what went wrong, or undefined. Checks never send requests.
 */
import type { ScimResponse } from '../client/scim-client.js';
import { readObject } from '../model/json.js';

export interface CheckFailure {
  /** What is wrong, in words a vendor understands ("expected 200, got 404"). */
  message: string;
  expected?: string;
  actual?: string;
  hint?: string;
}

export type Check = (response: ScimResponse) => CheckFailure | undefined;

/** A short, safe rendering of a value for messages. */
export function show(value: unknown, max = 120): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The body as a JSON object, or a failure saying why it is not one. */
export function bodyObject(
  response: ScimResponse,
): { body: Record<string, unknown>; failure?: undefined } | { body?: undefined; failure: CheckFailure } {
  if (response.json === undefined) {
    const ct = response.headers['content-type'] ?? 'no content type';
    return {
      failure: {
        message: `the response is not JSON: ${response.jsonError} (${ct}, ${response.text.length} bytes: ${show(response.text.slice(0, 80))})`,
        expected: 'a SCIM JSON body',
        actual: `${ct}: ${response.text.slice(0, 200)}`,
        hint: 'Entra parses every answer as SCIM JSON; HTML or empty bodies are logged as SystemForCrossDomainIdentityManagementServiceIncompatible.',
      },
    };
  }
  const body = readObject(response.json);
  if (!body)
    return {
      failure: {
        message: `the body is JSON but not an object: ${show(response.json)}`,
        expected: 'a JSON object',
        actual: show(response.json),
      },
    };
  return { body };
}
