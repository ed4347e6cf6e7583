/**
 * Before any suite runs: one request shaped like Entra's Test Connection probe (catalog U-01). A target that
 * cannot be reached (refused, reset, no complete answer within --timeout), fails TLS, redirects elsewhere, or
 * rejects the token ends the run with one line and exit code 3; any other answer (HTML, garbage, 500, 429) is
 * left for the suites to judge, so that the reports say what is wrong (README "Broken servers").
 *
 * The probe carries no Accept header, as Entra's does (catalog D-22). When it is refused as not acceptable (406, or
 * 415) and the same probe with Accept: application/scim+json is not, the run goes on (D-22 fails, exit 1) and
 * preflight returns a one-line notice for the top of the output: most tests will fail for this one reason.
 */
import type { ScimClient } from '../client/scim-client.js';
import { TransportError } from '../client/transport.js';
import { TargetError } from '../model/errors.js';

export async function preflight(client: ScimClient): Promise<string | undefined> {
  let status: number;
  let location: string | undefined;
  const query = { filter: `userName eq "${crypto.randomUUID()}"` };
  try {
    const response = await client.get('/Users', { query });
    status = response.status;
    location = response.headers.location;
    if (status === 406 || status === 415) {
      const asked = await client.get('/Users', { query, headers: { Accept: 'application/scim+json' } });
      if (asked.status < 300)
        return `the target answered Entra's Test Connection probe (GET /Users?filter=…, sent without an Accept header as Entra sends it) with ${status}, and ${asked.status} when asked for application/scim+json: Entra cannot connect to it (D-22), and most tests below fail for this reason`;
    }
  } catch (error) {
    if (error instanceof TransportError) throw new TargetError(`cannot reach the target: ${error.message}`);
    throw error;
  }
  // A redirect means the URL is not the endpoint (http → https, a login page, a moved API). Neither Entra nor this
  // tool follows it: the token must not travel to wherever it points.
  if (status >= 300 && status < 400)
    throw new TargetError(
      `the target redirects: GET /Users answered ${status}${location ? ` to ${safeLocation(location)}` : ''}. Entra does not follow redirects and this tool does not send the token elsewhere; give the final endpoint URL as --url`,
    );
  if (status === 401 || status === 403)
    throw new TargetError(
      `the target rejected the token: GET /Users answered ${status}. Check the token (give it without "Bearer ") and the URL`,
    );
}

/** The redirect target without its query string (it may carry secrets). */
function safeLocation(location: string): string {
  try {
    const u = new URL(location);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return location.split('?')[0]!.slice(0, 200);
  }
}
