/**
 * Request bodies exactly as Entra's provisioning service sends them (catalog U-06, G-05, and the PATCH
 * samples of §4/§5). Suites build every request from these so that the shapes live in one place.
 */
import { URN } from '../scim/urns.js';
import { sameFilterValue } from './read.js';
import { parseTargetPath } from './target-path.js';

type Json = Record<string, unknown>;

export type Dialect = 'default' | 'flag';

/** POST /Users as Entra sends it: enterprise URN listed, read-only meta and an empty roles array included (U-06). */
export function entraUserBody(
  userName: string,
  externalId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return withExtra(
    {
      schemas: [URN.User, URN.EnterpriseUser],
      externalId,
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
      roles: [],
    },
    extra,
  );
}

/** POST /Groups as Entra sends it: created empty, with Microsoft's undefined ADSCIM URN next to the core one (G-05). */
export function entraGroupBody(
  displayName: string,
  externalId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return withExtra(
    {
      schemas: [URN.Group, URN.EntraAdscimGroup],
      externalId,
      displayName,
      meta: { resourceType: 'Group' },
    },
    extra,
  );
}

/**
 * `base` with `extra`'s members on top. Attribute names are case-insensitive (RFC 7643 §2.1): a member of `extra`
 * replaces the base member of the same name in any case, under `extra`'s spelling (a mapping target `externalID`
 * replaces Entra's default `externalId`; Entra sends one key, never both).
 */
function withExtra(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [name, value] of Object.entries(extra)) {
    for (const key of Object.keys(out)) if (key !== name && key.toLowerCase() === name.toLowerCase()) delete out[key];
    out[name] = value;
  }
  return out;
}

/** The op name in the dialect: Entra's default job capitalises ("Replace"), the flag sends lower case (P-01). */
export function op(name: 'add' | 'replace' | 'remove', dialect: Dialect): string {
  return dialect === 'default' ? name[0]!.toUpperCase() + name.slice(1) : name;
}

export function patchBody(operations: Array<Record<string, unknown>>): Record<string, unknown> {
  return { schemas: [URN.PatchOp], Operations: operations };
}

/** `filter=attr eq "value"` with RFC 7644 string escaping of `"` and `\` (F-05). */
export function eqFilter(attribute: string, value: string): string {
  return `${attribute} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Adds `value` at a mapping target into a POST body, the way Entra shapes a create: `name.givenName` nests under
 * `name`, `emails[type eq "work"].value` becomes an element `{type: "work", value}`, URN paths nest under the URN.
 */
export function setInCreateBody(body: Json, path: string, value: unknown): Json {
  const p = parseTargetPath(path);
  let holder: Json = body;
  if (p.urn) {
    holder = (body[p.urn] as Json | undefined) ?? {};
    body[p.urn] = holder;
  }
  if (p.filter) {
    const list = Array.isArray(holder[p.attribute]) ? (holder[p.attribute] as Json[]) : [];
    holder[p.attribute] = list;
    let element = list.find((e) => sameFilterValue(e[p.filter!.attribute], p.filter!.value));
    if (!element) {
      element = { [p.filter.attribute]: p.filter.value };
      list.push(element);
    }
    element[p.sub ?? 'value'] = value;
  } else if (p.sub) {
    holder[p.attribute] = { ...(holder[p.attribute] ?? {}), [p.sub]: value };
  } else holder[p.attribute] = value;
  return body;
}
