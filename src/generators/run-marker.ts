/**
 * The prefix of every value that names a resource a generator creates: `scimc-<runId>-<label>-`. The run marker
 * (`scimc-<runId>`, see src/entra/names.ts) lets `scim-conformance cleanup` find leftovers; the label keeps two
 * properties of one run from generating the same name while they run concurrently.
 */
import { runMarker } from '../entra/names.js';

export interface MarkedConstraints {
  /** The run id of the current run (TargetConfig.runId); required, so that everything created can be found again. */
  runId: string;
  /** Short label that tells concurrent properties apart (letters and digits). @defaultValue "p" */
  label?: string;
}

export function markedPrefix(constraints: MarkedConstraints): string {
  const label = constraints.label ?? 'p';
  if (!/^[a-z0-9]+$/i.test(constraints.runId))
    throw new Error(`Failed to build a run marker: runId "${constraints.runId}" must be letters and digits.`);
  if (!/^[a-z0-9]+$/i.test(label))
    throw new Error(`Failed to build a run marker: label "${label}" must be letters and digits.`);
  return `${runMarker(constraints.runId)}-${label}-`;
}
