/**
 * The one Ajv instance of the tool. It loads every `schemas/**\/*.schema.json` of the package once, on first use,
 * and validates response bodies against them by `$id` (the SCIM URN, e.g. urn:ietf:params:scim:schemas:core:2.0:User).
 * The compiled package does not compile them at run time: `npm run build` writes Ajv's standalone code for every
 * schema (scripts/build-validators.mjs, with the options below) to dist/src/schemas/validators.cjs, and this module
 * uses it when it runs from dist/. From the sources (the project's own tests) it compiles them itself.
 * Errors are turned into short messages a vendor can act on: `/Resources/0/active: must be boolean or null, got
 * string "False"`.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-8
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type AjvModule from 'ajv';
import type { ErrorObject, Options, SchemaObject, ValidateFunction } from 'ajv';
import type AddFormatsModule from 'ajv-formats';

/** One problem found in a body: a JSON Pointer into the body ('' is the body itself) and a vendor-facing message. */
export interface SchemaIssue {
  path: string;
  message: string;
}

// Ajv itself is loaded only to compile at run time (from the sources); the precompiled validators need only its
// small runtime helpers. Both packages are CommonJS and set `module.exports.default`.
const requireCjs = createRequire(import.meta.url);
type AjvInstance = InstanceType<typeof AjvModule.default>;

const PACKAGE_NAME = 'scim-conformance';

/** The package root: the nearest folder above this module whose package.json is named scim-conformance. Works from
 * src/schemas/ (vitest, tsx) and from dist/src/schemas/ (compiled). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${from}.`);
    dir = parent;
  }
}

function schemaFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...schemaFiles(path));
    else if (entry.name.endsWith('.schema.json')) found.push(path);
  }
  return found.sort();
}

/** The Ajv options of every validator, compiled here or ahead of time (scripts/build-validators.mjs). */
export const AJV_OPTIONS: Options = {
  allErrors: true, // report every problem of a response at once
  verbose: true, // keep the offending data and schema on each error, for messages and hints
  strict: true,
  strictRequired: false, // `required` inside if/then without a sibling `properties` is intentional
  allowUnionTypes: true, // ["string", "null"]: RFC 7643 §2.5 treats null as unassigned
  allowMatchingProperties: true, // the enterprise URN member is also covered by the "^urn:" extension pattern
};

/** Every schema of the package (`schemas/**\/*.schema.json`), parsed, in a stable order. */
export function packageSchemas(): SchemaObject[] {
  return schemaFiles(join(packageRoot(), 'schemas')).map((file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as SchemaObject;
    if (typeof schema.$id !== 'string') throw new Error(`${file} has no string "$id".`);
    return schema;
  });
}

/** An Ajv instance (with ajv-formats) holding every schema of the package; `extra` is merged into AJV_OPTIONS. */
export function createAjv(extra: Options = {}): AjvInstance {
  const Ajv = (requireCjs('ajv') as typeof AjvModule).default;
  const addFormats = (requireCjs('ajv-formats') as typeof AddFormatsModule).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  for (const schema of packageSchemas()) ajv.addSchema(schema);
  return ajv;
}

type Registry = {
  ids: string[];
  validator: (id: string) => ValidateFunction | undefined;
  source: 'precompiled' | 'compiled';
};
let registry: Registry | undefined;

function load(): Registry {
  if (registry) return registry;
  // Only the compiled package (dist/, also when bundled into dist/src/harness/bundle.js) uses them: from the
  // sources, a schema edited since the last build would otherwise be judged by its old validator.
  const root = packageRoot();
  const fromDist = fileURLToPath(import.meta.url).startsWith(join(root, 'dist') + sep);
  const precompiled = join(root, 'dist', 'src', 'schemas', 'validators.cjs');
  if (fromDist && existsSync(precompiled)) {
    const validators = requireCjs(precompiled) as Record<string, ValidateFunction>;
    registry = {
      ids: Object.keys(validators).filter((id) => id !== 'default'),
      validator: (id) => validators[id],
      source: 'precompiled',
    };
  } else {
    const ajv = createAjv();
    const ids = packageSchemas().map((schema) => schema.$id as string);
    registry = { ids, validator: (id) => ajv.getSchema(id), source: 'compiled' };
  }
  return registry;
}

/** Where the validators come from: Ajv standalone code written by `npm run build`, or compiled at run time. */
export function validatorSource(): Registry['source'] {
  return load().source;
}

/** The `$id` of every loaded schema (SCIM URNs for the SCIM schemas). */
export function schemaIds(): string[] {
  return [...load().ids];
}

/** Validate `data` against the schema with this `$id`. Returns [] when valid. Throws on an unknown id. */
export function validateSchema(id: string, data: unknown): SchemaIssue[] {
  const validate = load().validator(id);
  if (!validate) throw new Error(`Unknown schema id "${id}". Known ids: ${schemaIds().join(', ')}`);
  if (validate(data)) return [];
  return toIssues(validate.errors ?? []);
}

/**
 * Validate a ListResponse envelope, then each of its Resources as a full representation against `resourceId`
 * (e.g. the User URN), with paths prefixed `/Resources/<i>`. Use it for answers to plain filter queries, where
 * every resource must be complete; `validateSchema(ListResponse)` alone tolerates `?attributes=` projections.
 */
export function validateList(resourceId: string, data: unknown): SchemaIssue[] {
  const issues = validateSchema('urn:ietf:params:scim:api:messages:2.0:ListResponse', data);
  const resources = (data as { Resources?: unknown } | null)?.Resources;
  if (Array.isArray(resources)) {
    resources.forEach((resource, i) => {
      for (const issue of validateSchema(resourceId, resource))
        issues.push({ ...issue, path: `/Resources/${i}${issue.path}` });
    });
  }
  return dedupe(issues);
}

/** `path: message`, with '/' for the body itself. */
export function formatIssue(issue: SchemaIssue): string {
  return `${issue.path || '/'}: ${issue.message}`;
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = formatIssue(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toIssues(errors: ErrorObject[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    // "must match then schema" and "must match all schemas in allOf" only repeat the errors that caused them.
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    issues.push(toIssue(error));
  }
  return dedupe(issues);
}

function toIssue(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'required':
      path = `${path}/${escapePointer(String(params.missingProperty))}`;
      message = 'is required but missing';
      break;
    case 'type':
      message = `must be ${String(params.type).split(',').join(' or ')}, got ${describe(error.data)}`;
      break;
    case 'minLength':
      message = params.limit === 1 ? `must be a non-empty string, got ${describe(error.data)}` : `${error.message}`;
      break;
    case 'contains': {
      const inner = error.schema as { const?: unknown } | undefined;
      message =
        inner && 'const' in inner
          ? `must contain ${JSON.stringify(inner.const)}, got ${describe(error.data)}`
          : `${error.message}`;
      break;
    }
    case 'const':
      message = `must be ${JSON.stringify(params.allowedValue)}, got ${describe(error.data)}`;
      break;
    case 'enum':
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${describe(error.data)}`;
      break;
    case 'format':
      message = `must be a valid ${String(params.format)}, got ${describe(error.data)}`;
      break;
    case 'pattern':
      message = `has an invalid format: ${describe(error.data)}`;
      break;
    case 'not':
      message = 'must not be present';
      break;
    case 'minimum':
      message = `must be ${String(params.comparison)} ${String(params.limit)}, got ${describe(error.data)}`;
      break;
    case 'minItems':
      message = `must have at least ${String(params.limit)} item(s), got ${describe(error.data)}`;
      break;
    case 'uniqueItems':
      message = `must not repeat items (items ${String(params.j)} and ${String(params.i)} are identical)`;
      break;
    default:
      message = error.message ?? `fails ${error.keyword}`;
  }
  const hint = (error.parentSchema as { description?: unknown } | undefined)?.description;
  if (typeof hint === 'string') message += ` — ${hint}`;
  return { path, message };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `string "False"`, `number 404`, `null`, `array ["a"]`, `object {"value":"x"}` (long values are shortened). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const json = JSON.stringify(value);
    const kind = Array.isArray(value) ? 'array' : 'object';
    return json.length <= 100 ? `${kind} ${json}` : Array.isArray(value) ? `array of ${value.length} items` : 'object';
  }
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}
