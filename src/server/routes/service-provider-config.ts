/**
 * GET /ServiceProviderConfig (RFC 7643 §5, RFC 7644 §4; catalog D-12). Every flag states what this server
 * really does: PATCH, filter (with maxResults), sort and ETags yes; bulk and changePassword no.
 */
import { URN } from '../../scim/urns.js';
import type { Route, RouteHandler } from './types.js';
import { jsonResponse } from './types.js';

const handler: RouteHandler = (ctx) =>
  jsonResponse(200, {
    schemas: [URN.ServiceProviderConfig],
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: ctx.config.maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a bearer token in the Authorization header (RFC 6750).',
        specUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${ctx.baseUrl}/ServiceProviderConfig` },
  });

export const serviceProviderConfigRoutes: Route[] = [
  { segments: ['ServiceProviderConfig'], methods: { GET: handler } },
];
