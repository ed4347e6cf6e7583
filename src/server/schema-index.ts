/**
 * Case-insensitive lookup of a resource type's attributes, built once per resource type.
 *
 * Attribute names and schema URNs are case-insensitive (RFC 7643 §2.1, RFC 7644 §3.10); stored resources use
 * the canonical spelling from the schema definition, so a body that says `Manager` (catalog X-07) or a query
 * that says `UserName` (F-03) resolves to the same attribute.
 */
import type { AttributeDefinition, ResourceTypeDefinition } from '../scim/schema-types.js';
import { COMMON_ATTRIBUTES } from './engine.js';

export interface ExtensionEntry {
  urn: string;
  required: boolean;
  attributes: Map<string, AttributeDefinition>;
}

/** An attribute path split per RFC 7644 §3.10: optional schema URN, attribute, optional sub-attribute. */
export interface SplitPath {
  /** Canonical URN of a known extension, or the URN as written for an unknown one; undefined for core. */
  urn?: string;
  attribute: string;
  sub?: string;
}

function byLowerName(attributes: AttributeDefinition[]): Map<string, AttributeDefinition> {
  return new Map(attributes.map((a) => [a.name.toLowerCase(), a]));
}

export class SchemaIndex {
  readonly core: Map<string, AttributeDefinition>;
  readonly extensions: Map<string, ExtensionEntry>;

  constructor(readonly resourceType: ResourceTypeDefinition) {
    // Common attributes (RFC 7643 §3.1: id, externalId, meta) are not in the core schemas' attribute lists.
    this.core = byLowerName([...COMMON_ATTRIBUTES, ...resourceType.schema.attributes]);
    this.extensions = new Map(
      resourceType.extensions.map((ext) => [
        ext.schema.id.toLowerCase(),
        { urn: ext.schema.id, required: ext.required, attributes: byLowerName(ext.schema.attributes) },
      ]),
    );
  }

  get coreUrn(): string {
    return this.resourceType.schema.id;
  }

  extension(urn: string): ExtensionEntry | undefined {
    return this.extensions.get(urn.toLowerCase());
  }

  /** Definition of a top-level core attribute, or of an attribute inside a known extension. */
  attribute(name: string, urn?: string): AttributeDefinition | undefined {
    if (urn === undefined || urn.toLowerCase() === this.coreUrn.toLowerCase()) return this.core.get(name.toLowerCase());
    return this.extension(urn)?.attributes.get(name.toLowerCase());
  }

  /**
   * Splits `name.givenName`, `urn:…:enterprise:2.0:User:department` or `urn:…:enterprise:2.0:User:manager.value`.
   * Known URNs are matched as the longest prefix first, because URNs contain both `:` and the `.` of `2.0`
   * (catalog §7 path grammar). A path that is exactly a URN gives `attribute: ''` (the whole extension).
   */
  split(path: string): SplitPath {
    const lower = path.toLowerCase();
    const urns = [this.coreUrn, ...[...this.extensions.values()].map((e) => e.urn)].sort((a, b) => b.length - a.length);
    for (const urn of urns) {
      const u = urn.toLowerCase();
      if (lower === u) return { urn, attribute: '' };
      if (lower.startsWith(`${u}:`)) return { urn, ...splitDotted(path.slice(u.length + 1)) };
    }
    if (lower.startsWith('urn:')) {
      // Unknown extension: the attribute is what follows the last colon.
      const cut = path.lastIndexOf(':');
      return { urn: path.slice(0, cut), ...splitDotted(path.slice(cut + 1)) };
    }
    return splitDotted(path);
  }

  /** True when `urn` is the core schema of this resource type. */
  isCore(urn: string | undefined): boolean {
    return urn === undefined || urn.toLowerCase() === this.coreUrn.toLowerCase();
  }
}

function splitDotted(rest: string): { attribute: string; sub?: string } {
  const dot = rest.indexOf('.');
  return dot < 0 ? { attribute: rest } : { attribute: rest.slice(0, dot), sub: rest.slice(dot + 1) };
}

/** Finds the actual key of `object` that equals `name` case-insensitively. */
export function findKey(object: object, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}
