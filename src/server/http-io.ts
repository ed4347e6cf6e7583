/**
 * Reading request bodies and writing responses over node:http. Everything the server writes goes through
 * writeResponse, which is what guarantees the SCIM content type on every response, errors included (D-08).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ScimError } from '../scim/errors.js';
import { SCIM_CONTENT_TYPE } from '../scim/urns.js';
import type { FaultResponse } from './faults.js';

/** RFC 7644 §8.1 recommends UTF-8; the charset is stated so that clients never guess (D-08). */
export const RESPONSE_CONTENT_TYPE = `${SCIM_CONTENT_TYPE}; charset=utf-8`;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/** Reads the whole body as UTF-8, rejecting with BodyTooLargeError once more than `limit` bytes arrived. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Do not buffer what we will refuse anyway; let the rest of the upload drain.
    req.resume();
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

/** A SCIM error response (RFC 7644 §3.12) with optional extra headers. */
export function errorResponse(error: ScimError, headers: Record<string, string> = {}): FaultResponse {
  return { status: error.status, headers, body: error.toBody() };
}

/** Converts anything thrown by a handler into a SCIM error response; unexpected errors become 500. */
export function responseForThrown(thrown: unknown): FaultResponse {
  if (thrown instanceof ScimError) return errorResponse(thrown);
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return errorResponse(new ScimError(500, undefined, `Internal server error: ${detail}`));
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** Writes a FaultResponse: string bodies verbatim, other bodies as JSON, undefined as no body. */
export function writeResponse(res: ServerResponse, response: FaultResponse, method: string): void {
  const headers: Record<string, string> = { ...response.headers };
  if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = RESPONSE_CONTENT_TYPE;
  let payload: string | undefined;
  if (typeof response.body === 'string') payload = response.body;
  else if (response.body !== undefined) payload = JSON.stringify(response.body);
  // 204 and 304 carry no body by definition (RFC 9110 §15.3.5, §15.4.5).
  if (response.status === 204 || response.status === 304) payload = undefined;
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload, 'utf8'));
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}
