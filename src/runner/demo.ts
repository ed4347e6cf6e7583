/**
 * --demo: the bundled reference server in this process, on a free loopback port, with a fresh random token.
 */
import { randomBytes } from 'node:crypto';
import { createScimServer } from '../server/app.js';
import type { Profile } from '../profiles/profile-schema.js';
import { resourceTypesFor } from '../server/profile-schemas.js';

export interface DemoTarget {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startReferenceServer(profile: Profile): Promise<DemoTarget> {
  const token = randomBytes(24).toString('base64url');
  const server = createScimServer({ token, basePath: '/scim/v2', resourceTypes: resourceTypesFor(profile) });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, token, close: () => server.close() };
}
