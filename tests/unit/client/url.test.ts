import { describe, expect, it } from 'vitest';
import { displayPath, joinUrl } from '../../../src/client/url.js';

describe('joinUrl (catalog D-01: the tenant URL with or without a trailing slash, with a path prefix)', () => {
  it.each([
    ['https://app.example.com/scim/v2', '/Users', 'https://app.example.com/scim/v2/Users'],
    ['https://app.example.com/scim/v2/', '/Users', 'https://app.example.com/scim/v2/Users'],
    ['https://app.example.com/scim/v2//', 'Users', 'https://app.example.com/scim/v2/Users'],
    ['https://app.example.com', '/Users', 'https://app.example.com/Users'],
    ['https://app.example.com/', '/Groups/abc', 'https://app.example.com/Groups/abc'],
    ['http://127.0.0.1:8080/tenant/a/scim?aadOptscim062020', '/Users', 'http://127.0.0.1:8080/tenant/a/scim/Users'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });

  it('encodes queries the way Entra does: spaces as +, quotes as %22, @ as %40', () => {
    expect(joinUrl('https://x.example/scim', '/Users', { filter: 'userName eq "a@b.com"' })).toBe(
      'https://x.example/scim/Users?filter=userName+eq+%22a%40b.com%22',
    );
  });

  it('keeps parameter order (Entra sends excludedAttributes first for groups)', () => {
    expect(
      joinUrl('https://x.example/scim', '/Groups', { excludedAttributes: 'members', filter: 'displayName eq "G"' }),
    ).toBe('https://x.example/scim/Groups?excludedAttributes=members&filter=displayName+eq+%22G%22');
  });

  it('sends a raw query verbatim', () => {
    expect(joinUrl('https://x.example/scim', '/Users', 'filter=userName%20eq%20%22a%22')).toBe(
      'https://x.example/scim/Users?filter=userName%20eq%20%22a%22',
    );
  });

  it('shows paths relative to the base in messages', () => {
    expect(displayPath('https://x.example/scim/v2/', 'https://x.example/scim/v2/Users?filter=a')).toBe(
      '/Users?filter=a',
    );
  });
});
