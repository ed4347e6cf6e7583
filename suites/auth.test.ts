// Bearer authentication (catalog D-03, D-04): Entra sends `Authorization: Bearer <Secret Token>` on every request;
// anything else must be refused with 401, never answered with data, an HTML login page or a redirect.
import { behaviour, verify, status, scimError } from '#harness';

behaviour('D-03', 'the configured token is accepted on GET /Users', { tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get('/Users', { query: { filter: `userName eq "${names.absent()}"` } });
  verify(response, status(200));
});

behaviour('D-04', 'a request without Authorization is refused with 401', { tags: ['read-only'] }, async ({ client, names }) => {
  const response = await client.get('/Users', { query: { filter: `userName eq "${names.absent()}"` }, auth: 'none' });
  verify(response, status(401));
});

behaviour('D-04', 'a wrong bearer token is refused with 401', { tags: ['read-only'] }, async ({ client, names }) => {
  const wrong = `wrong-${crypto.randomUUID()}`;
  const response = await client.get('/Users', { query: { filter: `userName eq "${names.absent()}"` }, auth: { header: `Bearer ${wrong}` } });
  verify(response, status(401));
});

behaviour('D-04', 'the 401 carries a SCIM error body', { level: 'recommended', tags: ['read-only'] }, async ({ client }) => {
  const response = await client.get('/Users', { auth: 'none' });
  verify(response, scimError(401));
});
