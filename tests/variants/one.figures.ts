// Local only: one variant, failing tests with messages.
import { it } from 'vitest';
import { VARIANTS } from './variants.js';
import { MODIFIERS } from '../faults/modifiers.js';
import { runAgainst } from './run-variant.js';

it('one', async () => {
  const name = process.env.H2_ONE!;
  const v = VARIANTS[name];
  const r = v ? await runAgainst((s) => v.faults(s), v.server ?? {}) : await runAgainst(() => [MODIFIERS[name]!.fault]);
  for (const t of [...r.blocking, ...r.warnings]) console.log(`${r.blocking.includes(t) ? 'BLOCK' : 'warn '} ${t.name}\n   ${t.failure?.message?.slice(0, 600)}`);
  for (const t of r.tests.filter((t) => t.status === 'skipped')) console.log(`skip  ${t.name.slice(0, 90)} :: ${t.skipReason?.slice(0, 160)}`);
}, 600_000);
