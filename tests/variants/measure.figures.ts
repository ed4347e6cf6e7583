// Failure counts per variant and per fault, one TSV row each (run with tests/variants/figures.config.ts): kind, name,
// exit code, failed tests (any level), blocking tests, blocking ids, warning ids, skipped tests.
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { VARIANTS } from './variants.js';
import { MODIFIERS } from '../faults/modifiers.js';
import { limiter, runAgainst } from './run-variant.js';

const limit = limiter(2);
const rows: string[] = [];
const which = (process.env.H2_WHICH ?? 'variants,faults').split(',');
it('measure', async () => {
  const jobs: Array<Promise<void>> = [];
  if (which.includes('variants'))
    for (const [name, v] of Object.entries(VARIANTS))
      jobs.push(
        limit(async () => {
          const r = await runAgainst((s) => v.faults(s), v.server ?? {});
          const failed = r.tests.filter((t) => t.status === 'failed' || (t.status as string) === 'warning');
          rows.push(
            `variant\t${name}\t${r.run.code}\t${failed.length}\t${r.blocking.length}\t${[...new Set(r.blocking.map((t) => t.behaviour))].sort().join(' ')}\t${[...new Set(r.warnings.map((t) => t.behaviour))].sort().join(' ')}\t${r.tests.filter((t) => t.status === 'skipped').length}`,
          );
        }),
      );
  if (which.includes('faults'))
    for (const [name, m] of Object.entries(MODIFIERS))
      jobs.push(
        limit(async () => {
          const r = await runAgainst(() => [m.fault]);
          const failed = r.tests.filter((t) => t.status === 'failed' || (t.status as string) === 'warning');
          rows.push(
            `fault\t${name}\t${r.run.code}\t${failed.length}\t${r.blocking.length}\t${[...new Set(r.blocking.map((t) => t.behaviour))].sort().join(' ')}\t${[...new Set(r.warnings.map((t) => t.behaviour))].sort().join(' ')}\t${r.tests.filter((t) => t.status === 'skipped').length}`,
          );
        }),
      );
  await Promise.all(jobs);
  writeFileSync(process.env.H2_OUT ?? 'variant-figures.tsv', rows.sort().join('\n') + '\n');
}, 3_600_000);
