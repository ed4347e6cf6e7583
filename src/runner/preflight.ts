/**
 * Before any suite runs: one request shaped like Entra's Test Connection probe (catalog U-01). A target that
 * cannot be reached, fails TLS, or rejects the token ends the run with one line and exit code 3; anything
 * else (HTML, garbage, 500) is left for the suites to judge, so that the reports say what is wrong.
 */
import type { ScimClient } from '../client/scim-client.js';
import { TransportError } from '../client/transport.js';
import { TargetError } from '../cli/errors.js';

export async function preflight(client: ScimClient): Promise<void> {
  let status: number;
  try {
    const response = await client.get('/Users', { query: { filter: `userName eq "${crypto.randomUUID()}"` } });
    status = response.status;
  } catch (error) {
    if (error instanceof TransportError) throw new TargetError(`cannot reach the target: ${error.message}`);
    throw error;
  }
  if (status === 401 || status === 403)
    throw new TargetError(`the target rejected the token: GET /Users answered ${status}. Check the token (give it without "Bearer ") and the URL`);
}
