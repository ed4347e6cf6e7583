// The PATCH model's semantics, pinned by the RFC 7644 §3.5.2 examples and the catalog's Entra readings, so that the
// PATCH property compares the target with the RFC and not with whatever the model happens to do.
import { describe, expect, it } from 'vitest';
import { applyPatchModel, ModelError } from '../../src/generators/model/patch-model.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user = () => ({
  userName: 'bjensen',
  active: true,
  title: 'Tour Guide',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ type: 'work', value: 'b@example.com', primary: true }],
});

describe('RFC 7644 §3.5.2 PATCH model', () => {
  it('§3.5.2.3 replace sets a single-valued attribute; op names in any case (P-01)', () => {
    expect(applyPatchModel(user(), [{ op: 'Replace', path: 'title', value: 'Boss' }]).title).toBe('Boss');
  });
  it('§3.5.2.1 add on a single-valued attribute replaces it (P-07)', () => {
    expect(applyPatchModel(user(), [{ op: 'add', path: 'title', value: 'Boss' }]).title).toBe('Boss');
  });
  it('§3.5.2.2 remove deletes the attribute; removing a sub-attribute keeps the others', () => {
    const out = applyPatchModel(user(), [
      { op: 'remove', path: 'title' },
      { op: 'Remove', path: 'name.givenName' },
    ]);
    expect(out.title).toBeUndefined();
    expect(out.name).toEqual({ familyName: 'Jensen' });
  });
  it('operations apply in order: the last one wins (P-12)', () => {
    const out = applyPatchModel(user(), [
      { op: 'remove', path: 'title' },
      { op: 'add', value: { title: 'A' } },
      { op: 'replace', value: { title: 'B' } },
    ]);
    expect(out.title).toBe('B');
  });
  it('a value-filter path sets the sub-attribute of the matching element only', () => {
    const out = applyPatchModel(
      {
        emails: [
          { type: 'work', value: 'a' },
          { type: 'home', value: 'h' },
        ],
      },
      [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'z' }],
    );
    expect(out.emails).toEqual([
      { type: 'work', value: 'z' },
      { type: 'home', value: 'h' },
    ]);
  });
  it('a value-filter path that matches nothing creates the element (P-08), and later operations fill the same one (P-09)', () => {
    const out = applyPatchModel({}, [
      { op: 'add', path: 'addresses[type eq "work"].streetAddress', value: 's' },
      { op: 'add', path: 'addresses[type eq "work"].postalCode', value: 'p' },
    ]);
    expect(out.addresses).toEqual([{ type: 'work', streetAddress: 's', postalCode: 'p' }]);
  });
  it('path-less replace: dotted keys set sub-attributes, URN keys set extension attributes (P-05)', () => {
    const out = applyPatchModel(user(), [
      { op: 'replace', value: { 'name.givenName': 'Babs', [`${ENTERPRISE}:department`]: 'Tours' } },
    ]);
    expect(out.name).toEqual({ givenName: 'Babs', familyName: 'Jensen' });
    expect(out[ENTERPRISE]).toEqual({ department: 'Tours' });
  });
  it('path-less add with an extension URN key and an object value merges it (X-05)', () => {
    const out = applyPatchModel(
      { [ENTERPRISE]: { department: 'A' } },
      [{ op: 'add', value: { [ENTERPRISE]: { employeeNumber: '7' } } }],
      [ENTERPRISE],
    );
    expect(out[ENTERPRISE]).toEqual({ department: 'A', employeeNumber: '7' });
  });
  it('string booleans for active are booleans, any case (P-13, U-14)', () => {
    expect(applyPatchModel(user(), [{ op: 'Replace', path: 'active', value: 'False' }]).active).toBe(false);
    expect(applyPatchModel({ active: false }, [{ op: 'replace', path: 'active', value: 'true' }]).active).toBe(true);
  });
  it('the input is not modified, and operations outside the model are refused', () => {
    const input = user();
    applyPatchModel(input, [{ op: 'replace', path: 'title', value: 'X' }]);
    expect(input.title).toBe('Tour Guide');
    expect(() => applyPatchModel(input, [{ op: 'remove' }])).toThrow(ModelError);
    expect(() => applyPatchModel(input, [{ op: 'move', path: 'title' }])).toThrow(ModelError);
  });
});
