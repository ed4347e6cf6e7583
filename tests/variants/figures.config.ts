// Prints the failure counts per variant and per fault (exit code, failed, blocking, warning ids) into a TSV file:
//   npm run build && npx vitest run --config tests/variants/figures.config.ts   (H2_OUT=path, H2_WHICH=variants,faults)
// Not part of `npx vitest run` (vitest.config.ts includes *.test.ts only): 50 whole-suite runs cost minutes of CPU.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['tests/variants/measure.figures.ts'], testTimeout: 3_600_000 } });
