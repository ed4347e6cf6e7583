/**
 * RFC 7643 §7 schema definitions as data. The reference server serves these at /Schemas and uses them to
 * resolve attribute names (case-insensitively), apply caseExact rules in filters, and type-check PATCH values.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-7
 */
export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description?: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
}

export interface SchemaDefinition {
  id: string;
  name: string;
  description?: string;
  attributes: AttributeDefinition[];
}

/** A resource type with its core schema and extension schemas, e.g. User = core User + enterprise. */
export interface ResourceTypeDefinition {
  name: 'User' | 'Group' | string;
  endpoint: string;
  description?: string;
  schema: SchemaDefinition;
  extensions: Array<{ schema: SchemaDefinition; required: boolean }>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
