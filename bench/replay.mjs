#!/usr/bin/env node
// The replays of bench section 2, run in a process of their own (as the CLI is): `node bench/replay.mjs raw|fair`
// reads {log, sequenceOf, url, concurrency, token} as JSON on stdin and prints {ms, sequences, cpuMs} as JSON on
// stdout (cpuMs: this process's CPU time during the replay).
import http from 'node:http';
import { fileURLToPath } from 'node:url';

// Connections are kept alive, as the tool's own client keeps them (src/client/transport.ts): same footing.
const replayAgent = new http.Agent({ keepAlive: true });

/** Sends one logged request; resolves with the status and body text. */
function replayOne(req, target, token) {
  return new Promise((resolve) => {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/scim+json', ...(req.body !== undefined ? { 'Content-Type': 'application/scim+json' } : {}) };
    const r = http.request({ host: target.hostname, port: target.port, path: req.path, method: req.method, headers, agent: replayAgent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
    });
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
  if (body !== undefined) try { canonical = JSON.stringify(JSON.parse(body)); } catch { /* raw text */ }
  return `${method} ${path}\n${canonical ?? ''}`;
}

/**
 * Which test sent each logged request: a request equal to one a test recorded (results.json exchanges) is that
 * test's; a request naming an id that a test's request created (its cleanup DELETE, a property case's reads) is
 * that test's too. What is left (passing property cases, shared fixtures) is a sequence of its own: the replay may
 * send it in parallel with anything, which favours the replay, never the run.
 */
export function attribute(log, tests) {
  const queues = new Map();
  tests.forEach((test, t) => {
    for (const exchange of test.exchanges) {
      const url = exchange.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
      const [path, query] = [url.split('?')[0], url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?') + 1)).toString() : ''];
      const key = requestKey(exchange.request.method, query ? `${path}?${query}` : path, exchange.request.body);
      if (!queues.has(key)) queues.set(key, []);
      queues.get(key).push(t);
    }
  });
  const creator = new Map();
  let own = tests.length;
  return log.map((entry) => {
    let test = queues.get(requestKey(entry.method, entry.path, entry.body))?.shift();
    if (test === undefined) for (const id of `${entry.path} ${entry.body ?? ''}`.match(UUID) ?? []) test ??= creator.get(id);
    test ??= own++;
    if (entry.created) creator.set(entry.created, test);
    return test;
  });
}

/**
 * The fair replay (issue 19, decisions/suite-phase-ratio.md): the same requests, but as the run must send them.
 * Each test's requests go in order, one after the other; `concurrency` tests run side by side (vitest's
 * maxConcurrency in the run) and at most `concurrency` requests are in flight (the run's limiter); tests start in
 * the order their first request arrived in the run. A request naming an id waits for the replayed POST that created
 * it and sends the id that POST answered (a fresh server answers new ids: the raw replay sends the old ones and
 * meets cheap 404s where the run read, patched and deleted real users and groups). A test waiting for another
 * test's POST holds its place, as in the run; if every running test waits so, one more starts.
 */
async function fairReplay(log, sequenceOf, baseUrl, concurrency, token) {
  const target = new URL(baseUrl);
  const createdBy = new Map(log.map((entry, i) => [entry.created, i]).filter(([id]) => id));
  const newId = new Map();
  const answered = log.map(() => { let done; const promise = new Promise((r) => (done = r)); return { promise, done }; });
  const waiting = [];
  let inFlight = 0;
  const acquire = () => (inFlight < concurrency ? (inFlight++, Promise.resolve()) : new Promise((r) => waiting.push(r)));
  const release = () => (waiting.length ? waiting.shift()() : inFlight--);
  const byTest = new Map();
  log.forEach((_, i) => {
    if (!byTest.has(sequenceOf[i])) byTest.set(sequenceOf[i], []);
    byTest.get(sequenceOf[i]).push(i);
  });
  const tests = [...byTest.values()];
  let next = 0;
  let running = 0;
  let blocked = 0;
  let finish;
  const finished = new Promise((r) => (finish = r));
  const send = async (i) => {
    const entry = log[i];
    const ids = [...new Set(`${entry.path} ${entry.body ?? ''}`.match(UUID) ?? [])].filter((id) => createdBy.has(id) && createdBy.get(id) < i);
    const pending = ids.map((id) => answered[createdBy.get(id)]).filter((a) => !a.settled);
    if (pending.length) {
      blocked++;
      if (blocked === running) startNext();
      await Promise.all(pending.map((a) => a.promise));
      blocked--;
    }
    const swap = (text) => text?.replace(UUID, (id) => newId.get(id) ?? id);
    await acquire();
    const res = await replayOne({ method: entry.method, path: swap(entry.path), body: swap(entry.body) }, target, token);
    release();
    if (entry.created && res.status === 201) try { newId.set(entry.created, JSON.parse(res.text).id); } catch { /* no id */ }
    answered[i].settled = true;
    answered[i].done();
  };
  const startNext = () => {
    if (next >= tests.length) return;
    const indices = tests[next++];
    running++;
    void (async () => {
      for (const i of indices) await send(i);
      running--;
      while (running < concurrency && next < tests.length) startNext();
      if (running === 0 && next >= tests.length) finish();
    })();
  };
  const started = performance.now();
  while (running < concurrency && next < tests.length) startNext();
  if (tests.length === 0) finish();
  await finished;
  return { ms: performance.now() - started, sequences: tests.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { log, sequenceOf, url, concurrency, token } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const cpu = process.cpuUsage();
  const result = process.argv[2] === 'fair'
    ? await fairReplay(log, sequenceOf, url, concurrency, token)
    : { ms: await replay(log, url, concurrency, token), sequences: log.length };
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ ...result, cpuMs: (used.user + used.system) / 1000 }));
  replayAgent.destroy();
}
