/** Reading attribute definitions out of a server's /Schemas: tolerant of junk, case-insensitive names (RFC 7643 §2.1). */
export interface SchemaAttr {
  name: string;
  type?: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  returned?: string;
  canonicalValues?: unknown[];
  subAttributes?: SchemaAttr[];
}

export const attrs = (value: unknown): SchemaAttr[] =>
  Array.isArray(value)
    ? (value as SchemaAttr[]).filter((a) => a && typeof a === 'object' && typeof a.name === 'string')
    : [];
export const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
export const byName = (list: SchemaAttr[], name: string) => list.find((a) => same(a.name, name));
