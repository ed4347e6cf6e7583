/**
 * --demo: the bundled reference server on a free loopback port, with a fresh random token, in its own worker
 * thread: the CLI's main thread serves vitest (module transforms, results) and must not also answer every request.
 */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Profile } from '../profiles/profile-schema.js';

export interface DemoTarget {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startReferenceServer(profile: Profile): Promise<DemoTarget> {
  const token = randomBytes(24).toString('base64url');
  const worker = new Worker(new URL('./demo-worker.js', import.meta.url), { workerData: { token, profile } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url?: string; error?: string }) =>
      message.url ? resolve(message.url) : reject(new Error(`the reference server did not start: ${message.error}`)),
    );
    worker.once('error', reject);
  });
  return {
    url,
    token,
    close: async () => {
      worker.postMessage('close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 2000);
        worker.once('exit', () => (clearTimeout(timer), resolve()));
      });
    },
  };
}
