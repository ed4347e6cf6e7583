/**
 * Walking an unfiltered listing the way Entra's Account Discovery does (catalog U-30): GET /Users?startIndex=N&count=M
 * page after page until totalResults is reached, advancing by the number of resources each page held. The walk
 * records what every page said; judgeWalk() then compares it with the users one test created.
 *
 * Other tests create and delete users on the same target at the same time, so a walk can legitimately repeat or miss
 * someone else's user (offsets shift under it). Only this test's own users are judged, and only a walk during which
 * totalResults did not change is compared with the number of items seen.
 */
import type { ScimClient, ScimResponse } from '../client/scim-client.js';
import { resourcesOf } from '../checks/list-response.js';
import { readObject } from '../model/json.js';

export interface WalkPage {
  response: ScimResponse;
  requestedStart: number;
  ids: string[];
  resources: Array<Record<string, unknown>>;
  total: unknown;
  itemsPerPage: unknown;
}

export interface Walk {
  count: number;
  pages: WalkPage[];
  /** The walk stopped at a page that was not a 200 list (its response is the last page's). */
  broken?: ScimResponse;
  /** The walk stopped at maxPages before reaching totalResults. */
  truncated: boolean;
}

/**
 * The walk Entra makes, with its requests sent side by side where the answers cannot change them: once a page holds
 * exactly `count` resources (the server honours count), the pages up to that page's totalResults start at known
 * offsets, so they are asked for together (the client's limiter bounds how many are in flight). The pages are then
 * read in order, as a walk one page after another would read them: where a page holds fewer than `count` (a server
 * that caps count) or totalResults moved, the next start is the one that answer gives, asked for alone, and pages
 * asked for ahead at other offsets are left out of the walk. On a server that honours count and holds still, the
 * requests are exactly those of the one-after-another walk. `first` is the answer to the first page
 * (startIndex=1&count=`count`) when the caller already has it.
 */
export async function walkUsers(
  client: ScimClient,
  count: number,
  maxPages: number,
  first?: ScimResponse,
): Promise<Walk> {
  const sent: Array<Promise<ScimResponse>> = [];
  const fetch = (start: number) => {
    const response = client.get('/Users', { query: { startIndex: String(start), count: String(count) } });
    // A page the walk never reads (asked for ahead at an offset it did not reach) may fail unseen.
    response.catch(() => undefined);
    sent.push(response);
    return response;
  };
  const ahead = new Map<number, Promise<ScimResponse>>(first ? [[1, Promise.resolve(first)]] : []);
  const walk = async (): Promise<Walk> => {
    const pages: WalkPage[] = [];
    let start = 1;
    while (pages.length < maxPages) {
      const asked = ahead.get(start);
      ahead.delete(start);
      const response = await (asked ?? fetch(start));
      const body = readObject(response.json);
      if (response.status !== 200 || !body) return { count, pages, broken: response, truncated: false };
      const resources = resourcesOf(body);
      pages.push({
        response,
        requestedStart: start,
        ids: resources.map((r) => String(r.id)),
        resources,
        total: body.totalResults,
        itemsPerPage: body.itemsPerPage,
      });
      start += resources.length;
      const total = body.totalResults;
      if (resources.length === 0 || typeof total !== 'number' || start > total)
        return { count, pages, truncated: false };
      if (!ahead.has(start)) {
        // The walk goes on from an offset nobody asked for yet: what was asked for ahead is not on its way.
        ahead.clear();
        if (resources.length === count)
          for (let next = start; next <= total && pages.length + ahead.size < maxPages; next += count)
            ahead.set(next, fetch(next));
      }
    }
    return { count, pages, truncated: true };
  };
  try {
    return await walk();
  } finally {
    // Requests asked for ahead that the walk did not read are answered before the test goes on (and records them).
    await Promise.allSettled(sent);
  }
}

export interface WalkJudgement {
  /** Problems that a changing target can cause (retry the walk before failing). */
  unstable: string[];
  /** Problems no concurrent change explains: each page says so itself. */
  pageErrors: Array<{ message: string; page: WalkPage }>;
}

/** Judges a walk against `mine` (id → label, e.g. "disabled"). */
export function judgeWalk(walk: Walk, mine: ReadonlyMap<string, string>): WalkJudgement {
  const pageErrors: WalkJudgement['pageErrors'] = [];
  const unstable: string[] = [];
  for (const page of walk.pages) {
    const where = `the page startIndex=${page.requestedStart}&count=${walk.count}`;
    // The echoed startIndex is U-23's judgement; whether startIndex is honoured shows in completeness and repeats below.
    if (page.ids.length > walk.count)
      pageErrors.push({
        page,
        message: `${where} held ${page.ids.length} resources, more than count (RFC 7644 §3.4.2.4: "no more than" count)`,
      });
    if (page.itemsPerPage !== page.ids.length)
      pageErrors.push({
        page,
        message: `${where} says itemsPerPage ${JSON.stringify(page.itemsPerPage)} but holds ${page.ids.length} resources; a server that caps count must say so in itemsPerPage`,
      });
    if (typeof page.total !== 'number')
      pageErrors.push({
        page,
        message: `${where} has no numeric totalResults (${JSON.stringify(page.total)}), so a client cannot tell when the walk ends`,
      });
    else if (page.ids.length === 0 && page.requestedStart <= page.total)
      pageErrors.push({
        page,
        message: `${where} is empty although totalResults is ${page.total}: the walk ends with ${page.total - page.requestedStart + 1} users never listed`,
      });
  }
  const seen = walk.pages.flatMap((p) => p.ids);
  const times = new Map<string, number>();
  for (const id of seen) times.set(id, (times.get(id) ?? 0) + 1);
  const missing = [...mine].filter(([id]) => !times.has(id));
  const repeated = [...mine].filter(([id]) => (times.get(id) ?? 0) > 1);
  if (missing.length > 0)
    unstable.push(
      `${missing.length} of this test's ${mine.size} users never appeared: ${missing.map(([id, label]) => `${id} (${label})`).join(', ')}`,
    );
  if (repeated.length > 0)
    unstable.push(
      `users of this test appeared on more than one page: ${repeated.map(([id, label]) => `${id} (${label}) ×${times.get(id)}`).join(', ')}`,
    );
  const totals = new Set(walk.pages.map((p) => p.total));
  const total = walk.pages[0]?.total;
  if (totals.size === 1 && typeof total === 'number' && !walk.truncated && !walk.broken) {
    if (seen.length !== total)
      unstable.push(
        `totalResults stayed ${total} through the walk, but the pages held ${seen.length} resources (${times.size} distinct)`,
      );
    else if (times.size !== seen.length)
      unstable.push(`the pages repeat ${seen.length - times.size} users although totalResults stayed ${total}`);
  }
  return { unstable, pageErrors };
}
