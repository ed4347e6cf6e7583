import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../../reporters/json.js';
import { RESULT_SCHEMA_VERSION } from '../../../src/model/result.js';
import { sampleRun } from './helpers.js';

// ajv-formats is CommonJS: under NodeNext the default import is module.exports, whose .default is the plugin.
const addFormats = addFormatsModule.default;

const schema = JSON.parse(
  readFileSync(new URL('../../../schemas/results.schema.json', import.meta.url), 'utf8'),
) as object;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('json reporter', () => {
  it('writes results.json as the RunResult, pretty with 2 spaces', () => {
    const run = sampleRun();
    const text = jsonReporter.render(run);
    expect(jsonReporter.fileName).toBe('results.json');
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 2,\n {2}"verdict": "not-ready",\n/);
    expect(JSON.parse(text)).toEqual(run);
  });

  it('the sample validates against schemas/results.schema.json', () => {
    const validate = validator();
    const ok = validate(JSON.parse(jsonReporter.render(sampleRun())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema pins schemaVersion to the model constant', () => {
    expect((schema as { properties: { schemaVersion: { const: number } } }).properties.schemaVersion.const).toBe(
      RESULT_SCHEMA_VERSION,
    );
    const validate = validator();
    expect(validate({ ...sampleRun(), schemaVersion: 1 })).toBe(false);
  });

  it('the schema rejects what the model forbids', () => {
    const validate = validator();
    const run = sampleRun();
    const failedWithoutFailure = structuredClone(run);
    const failed = failedWithoutFailure.tests[1];
    assert(failed, 'the sample run has a second test');
    delete failed.failure;
    expect(validate(failedWithoutFailure)).toBe(false);
    const warningWithoutFailure = structuredClone(run);
    const warning = warningWithoutFailure.tests.find((t) => t.status === 'warning')!;
    delete warning.failure;
    expect(validate(warningWithoutFailure)).toBe(false);
    expect(validate({ ...structuredClone(run), verdict: 'green' })).toBe(false);
    const noWarnings = structuredClone(run) as { summary: Partial<typeof run.summary> };
    delete noWarnings.summary.warnings;
    expect(validate(noWarnings)).toBe(false);
    const badLevel = structuredClone(run);
    (badLevel.tests[0] as { level: string }).level = 'mandatory';
    expect(validate(badLevel)).toBe(false);
    const badDate = structuredClone(run);
    badDate.startedAt = 'yesterday';
    expect(validate(badDate)).toBe(false);
  });
});
