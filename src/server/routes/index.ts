/**
 * The route table of the reference server. Resource types come from the options, so a custom resource type
 * gets the same endpoints; User and Group differ only in how PATCH is answered.
 */
import { ScimError } from '../../scim/errors.js';
import { errorResponse } from '../http-io.js';
import { groupRoutes } from './groups.js';
import { rootSearchHandler } from './resource-query.js';
import { resourceTypeRoutes as resourceTypeDiscoveryRoutes } from './resource-types.js';
import { resourceTypeRoutes } from './resources.js';
import { schemaRoutes } from './schemas.js';
import { serviceProviderConfigRoutes } from './service-provider-config.js';
import type { Route, RouteHandler, ServerConfig } from './types.js';
import { userRoutes } from './users.js';

/** RFC 7644 §3.11 (/Me) and §3.7 (/Bulk, advertised unsupported): 501 Not Implemented. */
function notImplemented(what: string): RouteHandler {
  return () => errorResponse(new ScimError(501, undefined, `${what} is not implemented by this server.`));
}

export function buildRoutes(config: ServerConfig): Route[] {
  const resources = config.resourceTypes.flatMap((rt) => {
    if (rt.name === 'User') return userRoutes(rt);
    if (rt.name === 'Group') return groupRoutes(rt);
    return resourceTypeRoutes(rt, 'resource');
  });
  return [
    ...resources,
    ...serviceProviderConfigRoutes,
    ...resourceTypeDiscoveryRoutes,
    ...schemaRoutes,
    { segments: ['.search'], methods: { POST: rootSearchHandler() } },
    { segments: ['Me'], methods: {}, any: notImplemented('The /Me endpoint') },
    { segments: ['Bulk'], methods: {}, any: notImplemented('Bulk') },
  ];
}
