// Listing and pagination (catalog U-23): Microsoft's requirements table and its gallery test
// (SCIM_User_Pagination_Test: GET /Users?startIndex=N&count=5, page by page) check startIndex/count handling.
// The target may hold real users, so no count of pre-existing data is ever assumed: the exact checks run on six known
// users, isolated by a unique userName prefix with `sw` when the server supports it. The six are the run's shared
// member users (src/harness/member-pool.ts): paging only reads them, their names share a prefix no other user has,
// and nothing renames or deletes them before the final cleanup.
import { behaviour, verify, status, listResponse, resourcesOf, expectThat, show } from '#harness';
import type { ScimClient, ScimResponse } from '#harness';

interface Page {
  response: ScimResponse;
  ids: string[];
  total: number;
  startIndex: unknown;
  itemsPerPage: unknown;
}

async function page(client: ScimClient, query: Record<string, string>): Promise<Page> {
  return pageOf(await client.get('/Users', { query }));
}

/** A page already fetched: a 200 ListResponse. */
function pageOf(response: ScimResponse): Page {
  verify(response, status(200), listResponse());
  const body = response.json as { totalResults: number; startIndex?: unknown; itemsPerPage?: unknown };
  return {
    response,
    ids: resourcesOf(body).map((r) => String(r.id)),
    total: body.totalResults,
    startIndex: body.startIndex,
    itemsPerPage: body.itemsPerPage,
  };
}

/** startIndex echoes the request, itemsPerPage counts the page, the page holds at most `count` (RFC 7644 §3.4.2.4). */
function checkPageArithmetic(p: Page, startIndex: number, count: number): void {
  expectThat(
    p.startIndex === startIndex,
    `the page asked for startIndex=${startIndex} answered startIndex ${show(p.startIndex)}; Microsoft's gallery pagination test fails any page whose startIndex is not the requested one`,
    { expected: String(startIndex), actual: show(p.startIndex), response: p.response },
  );
  expectThat(
    p.ids.length <= count,
    `count=${count} returned ${p.ids.length} resources; a server must not return more than count (RFC 7644 §3.4.2.4)`,
    { response: p.response },
  );
  expectThat(
    p.itemsPerPage === p.ids.length,
    `itemsPerPage is ${show(p.itemsPerPage)} but the page holds ${p.ids.length} resources`,
    { expected: String(p.ids.length), actual: show(p.itemsPerPage), response: p.response },
  );
  expectThat(
    p.total >= p.ids.length,
    `totalResults ${p.total} is smaller than the page (${p.ids.length}); totalResults counts every match, not the page`,
    { response: p.response },
  );
}

behaviour(
  'U-23',
  'startIndex/count pages through users: startIndex echoed, itemsPerPage = page size, totalResults = all matches',
  { timeout: 120_000 },
  async ({ client, resources }) => {
    const { users, prefix } = await resources.sharedMembers(6);
    const created = users.map((user) => user.id);

    const filter = `userName sw "${prefix}"`;
    const probe = await client.get('/Users', { query: { filter, startIndex: '1', count: '5' } });
    if (probe.status === 200) {
      // The server filters with sw: exact page arithmetic on exactly the six shared users.
      verify(probe, listResponse({ totalResults: 6 }));
      const first = pageOf(probe);
      checkPageArithmetic(first, 1, 5);
      const second = await page(client, { filter, startIndex: '6', count: '5' });
      checkPageArithmetic(second, 6, 5);
      expectThat(second.total === 6, `page 2 reports totalResults ${second.total}; six users match ${filter}`, {
        response: second.response,
      });
      const seen = [...first.ids, ...second.ids];
      expectThat(new Set(seen).size === seen.length, `pages 1 and 2 repeat users: ${show(seen)}`, {
        response: second.response,
      });
      expectThat(
        seen.every((id) => created.includes(id)),
        `the pages hold users that do not match the filter: ${show(seen.filter((id) => !created.includes(id)))}`,
        { response: second.response },
      );
      if (first.ids.length === 5)
        expectThat(
          seen.length === 6,
          `page 1 held 5 users and page 2 held ${second.ids.length}; six match, so page 2 must hold the sixth`,
          { expected: '1 on page 2', actual: String(second.ids.length), response: second.response },
        );
      const two = await page(client, { filter, startIndex: '1', count: '2' });
      checkPageArithmetic(two, 1, 2);
      expectThat(
        two.total === 6,
        `count=2 reports totalResults ${two.total}; expected all 6 matches (Microsoft's Postman "Paginate" check)`,
        { response: two.response },
      );
      return;
    }
    // No `sw` (Entra never sends it): page the whole listing and check only the arithmetic of each page.
    const first = await page(client, { startIndex: '1', count: '5' });
    checkPageArithmetic(first, 1, 5);
    expectThat(
      first.total >= created.length,
      `the unfiltered listing reports totalResults ${first.total}, but ${created.length} users of this run alone are on the target`,
      { response: first.response },
    );
    expectThat(
      first.ids.length > 0,
      'the first page of GET /Users?startIndex=1&count=5 is empty although users exist',
      { response: first.response },
    );
    const second = await page(client, { startIndex: '6', count: '5' });
    checkPageArithmetic(second, 6, 5);
    if (first.ids.length === 5)
      expectThat(
        !second.ids.some((id) => first.ids.includes(id)),
        `pages 1 and 2 overlap: ${show(second.ids.filter((id) => first.ids.includes(id)))}; startIndex is ignored`,
        { response: second.response },
      );
  },
);

behaviour(
  'U-23',
  'unfiltered GET /Users answers a ListResponse whose totalResults counts at least the users that exist',
  async ({ client, resources }) => {
    const user = await resources.sharedReader();
    const response = await client.get('/Users');
    verify(response, status(200), listResponse());
    const body = response.json as { totalResults: number };
    const listed = resourcesOf(body);
    expectThat(
      body.totalResults >= 1 && listed.length >= 1,
      `GET /Users answered totalResults ${body.totalResults} with ${listed.length} resources while user ${user.id} exists`,
      { response },
    );
    expectThat(
      listed.length <= body.totalResults,
      `GET /Users returned ${listed.length} resources but totalResults ${body.totalResults}`,
      { response },
    );
  },
);
