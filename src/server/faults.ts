/**
 * Fault injection seam of the reference server.
 *
 * The project's own tests prove that the conformance suites can fail by running them against the reference
 * server with exactly one behaviour broken (STYLE §9 lesson 13, "prove the suite can fail"). This file is the
 * mechanism only; concrete faults live with those tests (tests/faults/), never in the shipped server.
 *
 * Pipeline, in order, for every HTTP request:
 *   1. The body is read (capped) and parsed as JSON when possible.
 *   2. Each fault's `onRequest(req)` runs in array order. It may
 *        - return nothing: the request goes on unchanged;
 *        - return a FaultRequest: that (rewritten) request replaces the current one for the next faults and
 *          for routing — e.g. change `path`, `query`, `headers` or `body`;
 *        - return a FaultResponse (recognised by its numeric `status`): routing is skipped and this response
 *          is used instead (step 3 is skipped, step 4 still runs).
 *   3. Authentication, routing and the handler produce a FaultResponse.
 *   4. Each fault's `onResponse(req, res)` runs in array order and may return a replacement response.
 *   5. If a fault's `delayMs(req)` returns a number of milliseconds, the longest such wait passes first (a slow
 *      endpoint, catalog D-23: the request has been handled, only its answer is late).
 *   6. The response is written. A `body` that is a string is written verbatim (so a fault can send HTML or
 *      broken JSON); any other defined body is serialised as JSON; `undefined` means no body. The SCIM
 *      content type is added unless the response headers already carry a `content-type` (any case), so a
 *      fault can also change the content type.
 *
 * Header names in FaultRequest.headers are lower case, as Node delivers them.
 */

export interface FaultRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path of the request URL without the query string, still percent-encoded, basePath included. */
  path: string;
  /** Query string decoded form-style (`+` is a space), as URLSearchParams does. */
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /**
   * Parsed JSON body; `undefined` when the request had no body. When the body is not valid JSON this holds
   * the raw text, and the server answers 400 invalidSyntax unless a fault replaced the body.
   */
  body: unknown;
}

export interface FaultResponse {
  status: number;
  /** Response headers; names are compared case-insensitively when written. */
  headers: Record<string, string>;
  /** JSON value to serialise, a string to write verbatim, or undefined for no body. */
  body: unknown | string;
}

export interface ServerFault {
  /** Shown in test output; one fault changes exactly one behaviour. */
  name: string;
  onRequest?(req: FaultRequest): FaultRequest | FaultResponse | void;
  onResponse?(req: FaultRequest, res: FaultResponse): FaultResponse | void;
  /** Milliseconds to hold the answer back (step 5); nothing or 0 answers at once. */
  delayMs?(req: FaultRequest): number | void;
}

/** A FaultResponse is told apart from a FaultRequest by its numeric `status`. */
export function isFaultResponse(value: FaultRequest | FaultResponse): value is FaultResponse {
  return typeof (value as FaultResponse).status === 'number';
}

/** Step 2 of the pipeline: returns the (possibly rewritten) request, or a response that short-circuits. */
export function runRequestFaults(
  faults: readonly ServerFault[],
  req: FaultRequest,
): { req: FaultRequest; response?: FaultResponse } {
  let current = req;
  for (const fault of faults) {
    const out = fault.onRequest?.(current);
    if (!out) continue;
    if (isFaultResponse(out)) return { req: current, response: out };
    current = out;
  }
  return { req: current };
}

/** Step 4 of the pipeline. */
export function runResponseFaults(
  faults: readonly ServerFault[],
  req: FaultRequest,
  res: FaultResponse,
): FaultResponse {
  let current = res;
  for (const fault of faults) {
    const out = fault.onResponse?.(req, current);
    if (out) current = out;
  }
  return current;
}

/** Step 5 of the pipeline: how long the answer is held back (the longest delay any fault asks for). */
export function responseDelay(faults: readonly ServerFault[], req: FaultRequest): number {
  return Math.max(0, ...faults.map((fault) => fault.delayMs?.(req) ?? 0));
}
