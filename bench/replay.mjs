#!/usr/bin/env node
// The replays of bench section 2, run in a process of their own (as the CLI is): `node bench/replay.mjs raw|fair`
// reads {log, attributed, url, concurrency, token} as JSON on stdin and prints {ms, sequences, cpuMs, mainCpuMs} as
// JSON on stdout (cpuMs: this process's CPU time during the replay, every thread; mainCpuMs: its main thread's, the one
// that sends the requests, from /proc in clock ticks of 10 ms).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

// Connections are kept alive, as the tool's own client keeps them (src/client/transport.ts): same footing.
const replayAgent = new http.Agent({ keepAlive: true });

/** Sends one logged request; resolves with the status and body text. */
function replayOne(req, target, token) {
  return new Promise((resolve) => {
    const headers = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/scim+json',
      ...(req.body !== undefined ? { 'Content-Type': 'application/scim+json' } : {}),
    };
    const r = http.request(
      { host: target.hostname, port: target.port, path: req.path, method: req.method, headers, agent: replayAgent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    r.on('error', () => resolve({ status: 0, text: '' }));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** The raw replay: every request in arrival order, `concurrency` at a time, nothing waits for anything else. */
function replay(requests, baseUrl, concurrency, token) {
  const target = new URL(baseUrl);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) await replayOne(requests[next++], target, token);
  };
  const started = performance.now();
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => performance.now() - started);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Method, path and canonical query and body of a request, as the server log and results.json both have them. */
function requestKey(method, path, body) {
  let canonical = body;
  if (body !== undefined)
    try {
      canonical = JSON.stringify(JSON.parse(body));
    } catch {
      /* raw text */
    }
  return `${method} ${path}\n${canonical ?? ''}`;
}

/**
 * Which test sent each logged request: a request equal to one a test recorded (results.json exchanges) is that
 * test's, with the exchange's start and answer in the client's clock (`start`, `end`: epoch ms); a request naming an
 * id that a test's request created (its cleanup DELETE, a property case's reads) is that test's too. What is left
 * (passing property cases, shared fixtures) is a sequence of its own: the replay may send it in parallel with
 * anything, which favours the replay, never the run.
 */
export function attribute(log, tests) {
  const queues = new Map();
  tests.forEach((test, t) => {
    for (const exchange of test.exchanges) {
      const url = exchange.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
      const [path, query] = [
        url.split('?')[0],
        url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?') + 1)).toString() : '',
      ];
      const key = requestKey(exchange.request.method, query ? `${path}?${query}` : path, exchange.request.body);
      if (!queues.has(key)) queues.set(key, []);
      const start = Date.parse(exchange.startedAt);
      queues.get(key).push({ test: t, start, end: start + exchange.durationMs });
    }
  });
  const creator = new Map();
  let own = tests.length;
  return log.map((entry) => {
    const matched = queues.get(requestKey(entry.method, entry.path, entry.body))?.shift();
    let test = matched?.test;
    if (test === undefined)
      for (const id of `${entry.path} ${entry.body ?? ''}`.match(UUID) ?? []) test ??= creator.get(id);
    test ??= own++;
    if (entry.created) creator.set(entry.created, test);
    return matched ? { ...matched, test } : { test };
  });
}

/**
 * The fair replay (issue 19, decisions/suite-phase-ratio.md): the same requests, but as the run must send them.
 * Each test's requests keep their order: a recorded request waits for every request of its test that the run had
 * answered before it sent this one (in the client's clock: requests that overlapped in the run, such as a test's
 * 200 concurrent creates, overlap here too); a request the test did not record (its cleanup) waits for every
 * recorded request before it. `concurrency` tests run side by side (vitest's maxConcurrency in the run), started in the order their first
 * request arrived, and at most `concurrency` requests are in flight (the run's limiter). A request naming an id
 * waits for the replayed POST that created it and sends the id that POST answered (a fresh server answers new ids:
 * the raw replay sends the old ones and meets cheap 404s where the run read, patched and deleted real users and
 * groups); when that POST belongs to a test that has not started, that test starts at once (in the run it was
 * running then).
 */
async function fairReplay(log, attributed, baseUrl, concurrency, token) {
  const sequenceOf = attributed.map((a) => a.test);
  const target = new URL(baseUrl);
  const createdBy = new Map(log.map((entry, i) => [entry.created, i]).filter(([id]) => id));
  const newId = new Map();
  const answered = log.map(() => {
    let done;
    const promise = new Promise((r) => (done = r));
    return { promise, done };
  });
  const waiting = [];
  let inFlight = 0;
  const acquire = () =>
    inFlight < concurrency ? (inFlight++, Promise.resolve()) : new Promise((r) => waiting.push(r));
  const release = () => (waiting.length ? waiting.shift()() : inFlight--);
  const byTest = new Map();
  log.forEach((_, i) => {
    if (!byTest.has(sequenceOf[i])) byTest.set(sequenceOf[i], []);
    byTest.get(sequenceOf[i]).push(i);
  });
  const tests = [...byTest.values()];
  const testOf = new Map(tests.flatMap((indices, t) => indices.map((i) => [i, t])));
  const started = tests.map(() => false);
  let next = 0;
  let running = 0;
  let left = tests.length;
  let finish;
  const finished = new Promise((r) => (finish = r));
  const send = async (i, before) => {
    const entry = log[i];
    const creators = [...new Set(`${entry.path} ${entry.body ?? ''}`.match(UUID) ?? [])]
      .map((id) => createdBy.get(id))
      .filter((c) => c !== undefined && c < i);
    for (const c of creators) startTest(testOf.get(c));
    await Promise.all([...before, ...creators].map((j) => answered[j].promise));
    const swap = (text) => text?.replace(UUID, (id) => newId.get(id) ?? id);
    await acquire();
    const res = await replayOne(
      { method: entry.method, path: swap(entry.path), body: swap(entry.body) },
      target,
      token,
    );
    release();
    if (entry.created && res.status === 201)
      try {
        newId.set(entry.created, JSON.parse(res.text).id);
      } catch {
        /* no id */
      }
    answered[i].done();
  };
  const startTest = (t) => {
    if (started[t]) return;
    started[t] = true;
    running++;
    const indices = tests[t];
    const before = (i, j) =>
      attributed[i].start === undefined
        ? attributed[j].start !== undefined
        : attributed[j].end === undefined || attributed[j].end <= attributed[i].start;
    void Promise.all(
      indices.map((i, k) =>
        send(
          i,
          indices.slice(0, k).filter((j) => before(i, j)),
        ),
      ),
    ).then(() => {
      running--;
      left--;
      admit();
      if (left === 0) finish();
    });
  };
  const admit = () => {
    while (running < concurrency && next < tests.length) {
      if (!started[next]) startTest(next);
      next++;
    }
  };
  const t0 = performance.now();
  admit();
  if (tests.length === 0) finish();
  await finished;
  return { ms: performance.now() - t0, sequences: tests.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { log, attributed, url, concurrency, token } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const mainThreadMs = () => {
    const text = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const stat = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(stat[11]) + Number(stat[12])) * 10;
  };
  const main = mainThreadMs();
  const cpu = process.cpuUsage();
  const result =
    process.argv[2] === 'fair'
      ? await fairReplay(log, attributed, url, concurrency, token)
      : { ms: await replay(log, url, concurrency, token), sequences: log.length };
  const used = process.cpuUsage(cpu);
  const mainCpuMs = mainThreadMs() - main;
  process.stdout.write(JSON.stringify({ ...result, cpuMs: (used.user + used.system) / 1000, mainCpuMs }));
  replayAgent.destroy();
}
