/**
 * results.json: the RunResult itself, for tools. Its shape is versioned by `schemaVersion` and described by
 * schemas/results.schema.json; nothing is added or renamed here, so the schema and the model stay one thing.
 */
import type { RunResult } from '../src/model/result.js';

export const jsonReporter = {
  kind: 'file',
  fileName: 'results.json',
  render(result: RunResult): string {
    return `${JSON.stringify(result, null, 2)}\n`;
  },
} as const;
