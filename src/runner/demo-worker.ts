/** Worker thread of --demo: runs the reference server until the main thread says "close". */
import { parentPort, workerData } from 'node:worker_threads';
import type { Profile } from '../profiles/profile-schema.js';
import { createScimServer } from '../server/app.js';
import { resourceTypesFor } from '../server/profile-schemas.js';

const { token, profile } = workerData as { token: string; profile: Profile };
try {
  const server = createScimServer({ token, basePath: '/scim/v2', resourceTypes: resourceTypesFor(profile) });
  const { url } = await server.listen(0, '127.0.0.1');
  parentPort!.on('message', (message) => {
    if (message === 'close') void server.close().then(() => process.exit(0));
  });
  parentPort!.postMessage({ url });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
