// Discovery endpoints (catalog D-10, D-12, X-15): not read by Entra's runtime for custom apps, but checked by
// Microsoft's gallery onboarding and by every other SCIM client.
import { behaviour, verify, status, matchesSchema, listResponse, resourcesOf, expectThat, URN, show } from '#harness';

behaviour('D-12', 'GET /ServiceProviderConfig advertises PATCH and filter support', { tags: ['read-only'] }, async ({ client }) => {
  const response = await client.get('/ServiceProviderConfig');
  verify(response, status(200), matchesSchema(URN.ServiceProviderConfig, 'ServiceProviderConfig'));
  const config = response.json as { patch?: { supported?: unknown }; filter?: { supported?: unknown } };
  expectThat(config.patch?.supported === true, `patch.supported is ${show(config.patch?.supported)}; Entra only provisions groups to endpoints that support PATCH (G-22)`, {
    expected: 'patch.supported: true',
    actual: show(config.patch),
    response,
  });
  expectThat(config.filter?.supported === true, `filter.supported is ${show(config.filter?.supported)}; Entra matches every user and group with a filter`, {
    expected: 'filter.supported: true',
    actual: show(config.filter),
    response,
  });
});

behaviour('D-12', 'GET /ResourceTypes lists User at /Users and Group at /Groups', { tags: ['read-only'] }, async ({ client, profile }) => {
  const response = await client.get('/ResourceTypes');
  verify(response, status(200), listResponse());
  const types = resourcesOf(response.json);
  const user = types.find((t) => t.name === 'User');
  expectThat(user && user.endpoint === '/Users', `no ResourceType "User" with endpoint "/Users" (got ${show(types.map((t) => `${t.name}:${t.endpoint}`))})`, { response });
  if (profile.resources === 'users+groups') {
    const group = types.find((t) => t.name === 'Group');
    expectThat(group && group.endpoint === '/Groups', `no ResourceType "Group" with endpoint "/Groups" (got ${show(types.map((t) => `${t.name}:${t.endpoint}`))})`, { response });
  }
});

behaviour('D-10', 'GET /Schemas is a ListResponse with the User schema', { tags: ['read-only'] }, async ({ client }) => {
  const response = await client.get('/Schemas');
  verify(response, status(200), listResponse());
  const ids = resourcesOf(response.json).map((s) => s.id);
  expectThat(ids.includes(URN.User), `/Schemas does not list ${URN.User} (got ${show(ids)})`, { response });
});
