/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2 figure: `PATH = attrPath / valuePath [subAttr]`):
 * `attr`, `attr.sub`, `urn:…:attr[.sub]`, `attr[filter]`, `attr[filter].sub`, and a bare extension URN
 * (the whole extension object). The bracket is parsed by the filter parser; its attribute names are
 * sub-attributes of the bracketed attribute. Bare names resolve to extensions when unique (catalog X-08
 * `manager[value eq "…"]`), and the legacy `urn:….User.department` form is accepted.
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { findAttribute, resolveAttributePath, splitSchemaPrefix } from '../../scim/attribute-path.js';
import { ScimError } from '../../scim/errors.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from '../../scim/schema-types.js';
import type { FilterNode } from '../filter/ast.js';
import { parseValueFilter } from '../filter/parse.js';
import { validateValueFilter } from '../filter/validate.js';

export interface ExtensionTarget {
  kind: 'extension';
  path: string;
  schema: SchemaDefinition;
}

export interface AttributeTarget {
  kind: 'attribute';
  path: string;
  schemaUrn: string;
  isExtension: boolean;
  attribute: AttributeDefinition;
  canonicalName: string;
  /** `name.givenName` → givenName; `emails[…].value` → value. */
  subAttribute?: AttributeDefinition;
  /** The value-selection filter of `emails[type eq "work"]`. */
  filter?: FilterNode;
}

export type PatchTarget = ExtensionTarget | AttributeTarget;

const SUB_ATTRIBUTE = /^\.([A-Za-z$][A-Za-z0-9_$\-]*)$/;

function invalidPath(path: string, reason: string): ScimError {
  return new ScimError(400, 'invalidPath', `Failed to resolve PATCH path "${path}": ${reason}.`);
}

/** Index of the `]` closing the `[` at `open`, skipping quoted strings inside the filter. */
function closingBracket(path: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return -1;
}

export function parsePatchPath(path: string, rt: ResourceTypeDefinition): PatchTarget {
  const open = path.indexOf('[');
  if (open === -1) {
    const prefixed = splitSchemaPrefix(path, rt);
    if (prefixed && prefixed.rest === '') {
      if (prefixed.schema === rt.schema)
        throw invalidPath(path, 'the core schema URN alone is not an attribute; omit "path" to target the resource');
      return { kind: 'extension', path, schema: prefixed.schema };
    }
    const resolved = resolveAttributePath(path, rt);
    if (!resolved) throw invalidPath(path, `no such attribute in the ${rt.name} schemas`);
    return { kind: 'attribute', path, ...resolved };
  }
  const close = closingBracket(path, open);
  if (close === -1) throw invalidPath(path, 'missing "]" after the value filter');
  const resolved = resolveAttributePath(path.slice(0, open), rt);
  if (!resolved) throw invalidPath(path, `no such attribute "${path.slice(0, open)}" in the ${rt.name} schemas`);
  if (resolved.subAttribute || resolved.attribute.type !== 'complex') {
    throw invalidPath(path, 'a value filter "[…]" needs a complex attribute');
  }
  const filter = parseValueFilter(path.slice(open + 1, close));
  validateValueFilter(filter, resolved.attribute);
  const rest = path.slice(close + 1);
  const target: AttributeTarget = { kind: 'attribute', path, ...resolved, filter };
  if (rest === '') return target;
  const subName = SUB_ATTRIBUTE.exec(rest)?.[1];
  const subAttribute = subName === undefined ? undefined : findAttribute(resolved.attribute.subAttributes, subName);
  if (!subAttribute)
    throw invalidPath(path, `"${rest}" after the value filter is not a sub-attribute of "${resolved.attribute.name}"`);
  return { ...target, subAttribute };
}
