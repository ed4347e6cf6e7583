/**
 * The request headers Entra's provisioning service sends, which this client sends by default (catalog D-07, D-22;
 * sources in decisions/entra-headers.md):
 * - no `Accept` header: Entra's GETs carry no SCIM `Accept` (MicrosoftDocs/azure-docs#94189: a Rails endpoint took
 *   Test Connection's GET for HTML and answered 406). RFC 7644 §3.8: without one the format is application/scim+json.
 * - `Content-Type: application/scim+json; charset=utf-8` on every request with a body (MicrosoftDocs/azure-docs#12728).
 * - `ADSCIMVersion`: present on Entra's requests (MicrosoftDocs/azure-docs#21660); some servers switch on Entra
 *   workarounds when they see it (Bitwarden checks presence only). Its value is not published, so ours says who sent it.
 * A test that wants another header set (the explicit-Accept variant of D-22) passes its own headers; they win.
 */
import { SCIM_CONTENT_TYPE } from '../scim/urns.js';

export const ENTRA_BODY_CONTENT_TYPE = `${SCIM_CONTENT_TYPE}; charset=utf-8`;

export const ENTRA_HEADERS: Readonly<Record<string, string>> = { ADSCIMVersion: 'scim-conformance' };
