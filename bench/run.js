#!/usr/bin/env node
// Benchmarks of scim-conformance (issue 10). Prints figures; asserts nothing (these machines are shared and noisy).
//
//   npm run bench                 all sections
//   npm run bench -- full replay  only some: full, replay, latency, rate, budget
//   BENCH_CONCURRENCY=8 npm run bench -- latency   only some concurrency levels
//
// 1. full:    a full default run against the reference server: wall time, time to the first request, requests,
//             tests, peak memory (VmHWM of the CLI process, worker threads included); requests per area and the
//             tests that send the most (results.json `requests`: exchanges, passing property cases, cleanup).
// 2. replay:  the same requests replayed raw (node:http, same concurrency, kept-alive connections like the tool's)
//             against a fresh reference server, and the ratio of (1) to it: the tool's own overhead. The suite-phase
//             ratio: the suite phase (first suite request to last suite answer) against a fair replay of its requests
//             (each test's requests in their order, the run's number of tests at a time, the ids the replay's own
//             POSTs answered: bench/replay.mjs, decisions/suite-phase-ratio.md); replays run in a child process. The
//             suite phase's CPU, the CLI's and the fair replay's, in all and by thread.
// 3. latency: a loopback proxy adding 50 ms to every response; wall time against the ideal
//             requests x 50 ms / concurrency, for concurrency 1, 4 and 8; and 100 ms at concurrency 4. For the
//             target (50 ms, concurrency 8) also the suite phase against its fair replay through the same proxy.
// 4. rate:    the reference server behind a token bucket of 40 requests/s (burst 40; 429 with Retry-After: 1
//             beyond it), default flags: exit code, failed tests, 429s met, wall time against requests / 40.
// 5. budget:  wall time and memory as the property-test budget grows (--num-runs 10, 100, 1000), when the
//             properties suite exists.
//
// Targets (issue 19; printed beside the figures, never asserted): default run <= 1,250 requests; suite-phase ratio
// <= 1.25; 50 ms at concurrency 8 <= 1.15 x ideal; 40/s tenant: exit 0, no failed test, wall <= 1.3 x requests / 40;
// first request <= 1.0 s after start.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attribute } from './replay.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'scim-conformance.js');
const TOKEN = 'bench-token-0123456789';
if (!existsSync(join(ROOT, 'dist', 'src', 'server', 'app.js'))) {
  console.error('bench: dist/ is missing; run "npm run build" first');
  process.exit(2);
}
const { createScimServer } = await import(join(ROOT, 'dist', 'src', 'server', 'app.js'));

const sections = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (name) => sections.length === 0 || sections.includes(name);

/**
 * A reference server that counts requests and logs each one as it arrived (cleanup and property cases included) with
 * when it arrived, when it was answered and, for a 201, the id it created: the replays of section 2 use all three.
 */
async function countingServer(extraFaults = []) {
  const stats = { requests: 0, first: 0, second: 0, log: [] };
  const entries = new WeakMap();
  const server = createScimServer({
    token: TOKEN,
    basePath: '/scim/v2',
    faults: [
      ...extraFaults,
      {
        name: 'count',
        onRequest(req) {
          stats.requests++;
          const at = performance.now();
          if (!stats.first) stats.first = at;
          else if (!stats.second) stats.second = at;
          const query = req.query.toString();
          const entry = {
            method: req.method,
            path: query ? `${req.path}?${query}` : req.path,
            body:
              req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
            at,
          };
          entries.set(req, entry);
          stats.log.push(entry);
        },
        onResponse(req, res) {
          const entry = entries.get(req);
          if (!entry) return;
          entry.end = performance.now();
          if (res.status === 201 && typeof res.body?.id === 'string') entry.created = res.body.id;
        },
      },
    ],
  });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, stats, close: () => server.close() };
}

/** Runs the CLI, polling its peak resident memory and CPU time (`byThread`: each thread's too, for section 2). */
function runCli(args, { byThread = false } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'scimc-bench-'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, '--reporter', 'json', '--out-dir', outDir], {
      env: { ...process.env, SCIM_TOKEN: TOKEN, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peakKb = 0;
    let stderr = '';
    // CPU time of the whole process (every thread), sampled: [performance.now(), ms] pairs (clock ticks of 10 ms);
    // and of each thread: [performance.now(), {tid: ms}] (section 2 splits the suite phase's CPU by thread).
    const cpu = [];
    const threads = [];
    const ticksMs = (text) => {
      const stat = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return (Number(stat[11]) + Number(stat[12])) * 10;
    };
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
        const now = performance.now();
        cpu.push([now, ticksMs(readFileSync(`/proc/${child.pid}/stat`, 'utf8'))]);
        if (!byThread) return;
        const perThread = {};
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          try {
            perThread[tid] = ticksMs(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8'));
          } catch {
            /* the thread ended */
          }
        }
        threads.push([now, perThread]);
      } catch {
        /* exited */
      }
    }, 20);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const file = join(outDir, 'results.json');
      const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
      resolve({
        code,
        ms: performance.now() - started,
        started,
        peakMb: peakKb / 1024,
        results,
        stderr,
        cpu,
        threads,
        pid: child.pid,
      });
    });
  });
}

/** CPU ms the CLI used between two moments (performance.now()), from runCli's samples. */
function cpuBetween(samples, from, to) {
  const at = (t) => [...samples].reverse().find(([when]) => when <= t)?.[1] ?? 0;
  return at(to) - at(from);
}

/**
 * The same, by thread: the main thread (its id is the process id), the vitest worker (the busiest other thread: it
 * runs every test and sends every request) and the rest together (V8's helper threads, which compile hot functions
 * with TurboFan and help the GC; the module-hooks thread). A thread's last sample stands after it ended.
 */
function cpuByThread(samples, pid, from, to) {
  const at = (t) => {
    const known = {};
    for (const [when, perThread] of samples) if (when <= t) Object.assign(known, perThread);
    return known;
  };
  const start = at(from);
  const end = at(to);
  const used = Object.keys(end).map((tid) => [tid, end[tid] - (start[tid] ?? 0)]);
  const main = used.find(([tid]) => tid === String(pid))?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== String(pid)).map(([, ms]) => ms);
  const worker = Math.max(0, ...others);
  return { main, worker, rest: others.reduce((a, b) => a + b, 0) - worker };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (label, value) => console.log(`  ${label.padEnd(34)} ${value}`);

/**
 * Replays logged requests from a child process (bench/replay.mjs), never from this one: the CLI is a process of its
 * own too, and a replay running in the server's own thread would send and serve each request without ever waiting
 * for another process to be scheduled, which on a loaded machine is most of a request's time.
 */
function replayIn(child, input) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(ROOT, 'bench', 'replay.mjs'), child], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench: the ${child} replay exited ${code}`)),
    );
    proc.stdin.end(JSON.stringify({ ...input, token: TOKEN }));
  });
}

/** Median of three: a fresh process starting vitest (bench/vitest-floor.mjs) until its one test body runs. */
async function vitestFloor() {
  const once = () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bench', 'vitest-floor.mjs')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', () => {
        const start = /PROCESS-START (\d+)/.exec(out);
        const body = /FIRST-TEST-BODY (\d+)/.exec(out);
        if (start && body) resolve(Number(body[1]) - Number(start[1]));
        else reject(new Error(`bench: the vitest floor run printed no timing: ${out.trim()}`));
      });
    });
  const runs = [await once(), await once(), await once()].sort((a, b) => a - b);
  return runs[1];
}

/** A loopback proxy that adds `delayMs` to every response. */
async function latencyProxy(upstream, delayMs) {
  const up = new URL(upstream);
  const server = http.createServer((req, res) => {
    const p = http.request(
      { host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers, agent: false },
      (pres) => {
        const chunks = [];
        pres.on('data', (c) => chunks.push(c));
        pres.on('end', () =>
          setTimeout(() => {
            res.writeHead(pres.statusCode, pres.headers);
            res.end(Buffer.concat(chunks));
          }, delayMs),
        );
      },
    );
    p.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(p);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}${up.pathname}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

console.log(`scim-conformance bench (node ${process.version}, ${new Date().toISOString()})`);
let full;
if (want('full') || want('replay')) {
  const target = await countingServer();
  full = await runCli(['--url', target.url, '--seed', '1'], { byThread: want('replay') });
  await target.close();
  full.log = target.stats.log;
  if (!full.results) {
    console.error(`bench: the run wrote no results (exit ${full.code}): ${full.stderr.trim()}`);
    process.exit(1);
  }
  console.log('\n1. full default run against the reference server');
  row('wall time', fmt(full.ms));
  row('time to first request', `${fmt(target.stats.first - full.started)}  (the preflight probe)`);
  row(
    'time to first suite request',
    `${fmt(target.stats.second - full.started)}  (vitest loaded, worker up, suites imported)`,
  );
  const lastSuiteAnswer = Math.max(
    ...suitePhase(target.stats.log, full.results.runId).requests.map((e) => e.end ?? e.at),
  );
  row(
    'last suite answer to exit',
    `${fmt(full.started + full.ms - lastSuiteAnswer)}  (final cleanup and sweep, reports, exit)`,
  );
  row('requests sent', String(target.stats.requests));
  row(
    'tests run',
    `${full.results.summary.total} (${full.results.summary.passed} passed, ${full.results.summary.failed} failed, ${full.results.summary.skipped} skipped)`,
  );
  row('peak memory (RSS)', `${full.peakMb.toFixed(0)} MB`);
  row('exit code', String(full.code));
  row('target: requests', `<= 1250  (${target.stats.requests <= 1250 ? 'met' : 'not met'})`);
  row('target: first request', `<= 1.00 s  (${target.stats.first - full.started <= 1000 ? 'met' : 'not met'})`);
  const perArea = new Map();
  for (const test of full.results.tests)
    perArea.set(test.area, (perArea.get(test.area) ?? 0) + (test.requests ?? test.exchanges.length));
  const inTests = [...perArea.values()].reduce((a, b) => a + b, 0);
  console.log("  requests per area (test exchanges + passing property cases + the test's own cleanup):");
  for (const [area, n] of [...perArea].sort((a, b) => b[1] - a[1])) {
    const tests = full.results.tests.filter((t) => t.area === area).length;
    console.log(
      `    ${area.padEnd(12)} ${String(n).padStart(5)}  (${tests} tests, ${(n / tests).toFixed(1)} per test)`,
    );
  }
  console.log(
    `    ${'(run)'.padEnd(12)} ${String(target.stats.requests - inTests).padStart(5)}  (preflight, final cleanup)`,
  );
  console.log('  tests that send the most requests:');
  for (const t of [...full.results.tests].sort((a, b) => (b.requests ?? 0) - (a.requests ?? 0)).slice(0, 10))
    console.log(`    ${String(t.requests ?? t.exchanges.length).padStart(5)}  ${t.name.slice(0, 100)}`);
  full.firstMs = target.stats.first - full.started;
  full.suitesMs = target.stats.second - full.started;
}

/**
 * The suite phase in the server's log: from the first request after the preflight probe to the last answer before
 * the run's closing sweep (the GET ... sw "scimc-<runId>" listings of src/runner/final-cleanup.ts), so that vitest's
 * shut-down, the sweep, report writing and process exit are not counted as suite time.
 */
function suitePhase(log, runId) {
  const marker = `sw "scimc-${runId}"`;
  const isSweep = (e) =>
    e.method === 'GET' &&
    e.path.includes('?') &&
    (new URLSearchParams(e.path.slice(e.path.indexOf('?') + 1)).get('filter') ?? '').includes(marker);
  let to = log.findIndex((e, i) => i > 0 && isSweep(e));
  if (to < 0) to = log.length;
  const requests = log.slice(1, to);
  return { from: 1, to, requests, ms: Math.max(...requests.map((e) => e.end ?? e.at)) - requests[0].at };
}

if (want('replay')) {
  const requests = full.log;
  const concurrency = 4; // the run's default --concurrency, as section 1 ran it
  const phase = suitePhase(requests, full.results.runId);
  const attributed = attribute(requests, full.results.tests).slice(phase.from, phase.to);
  const tested = attributed.filter((a) => a.test < full.results.tests.length).length;
  // Median of three of each replay, alternated (each on a fresh server): this machine's load moves single runs by 2x.
  const raws = [];
  const fairs = [];
  for (let i = 0; i < 3; i++) {
    const raw = await countingServer();
    raws.push((await replayIn('raw', { log: requests, url: raw.url, concurrency })).ms);
    await raw.close();
    const fairTarget = await countingServer();
    fairs.push(await replayIn('fair', { log: phase.requests, attributed, url: fairTarget.url, concurrency }));
    await fairTarget.close();
  }
  const median = (values) => [...values].sort((a, b) => a - b)[1];
  const replayMs = median(raws);
  const fair = {
    ms: median(fairs.map((f) => f.ms)),
    cpuMs: median(fairs.map((f) => f.cpuMs)),
    mainCpuMs: median(fairs.map((f) => f.mainCpuMs)),
    sequences: fairs[0].sequences,
  };
  const exitBased = full.ms - full.suitesMs;
  console.log(
    `\n2. the same ${requests.length} requests (as the server received them) replayed raw (node:http, keep-alive, concurrency ${concurrency}; replays: median of 3)`,
  );
  row('replay wall time', fmt(replayMs));
  row('overhead ratio (full / replay)', `${(full.ms / replayMs).toFixed(2)}`);
  row(
    'suite phase',
    `${fmt(phase.ms)}  (first suite request to last suite answer, ${phase.requests.length} requests; to process exit: ${fmt(exitBased)})`,
  );
  row(
    'fair replay of those requests',
    `${fmt(fair.ms)}  (${fair.sequences} sequences, ${tested} requests matched to their test: each test's requests in order, ${concurrency} tests at a time, with the ids the replay's own POSTs answered)`,
  );
  row('suite-phase ratio', `${(phase.ms / fair.ms).toFixed(2)}  (suite phase / fair replay: target <= 1.25)`);
  row(
    '  as measured before',
    `${(exitBased / replayMs).toFixed(2)}  (to process exit / raw replay of every request: unfair, decisions/suite-phase-ratio.md)`,
  );
  const phaseCpu = cpuBetween(full.cpu, phase.requests[0].at, phase.requests[0].at + phase.ms);
  row(
    'CPU in the suite phase',
    `CLI ${fmt(phaseCpu)} (${(phaseCpu / phase.requests.length).toFixed(2)} ms a request, every thread); fair replay ${fmt(fair.cpuMs)} (${(fair.cpuMs / phase.requests.length).toFixed(2)} ms)  (the server's own CPU is the same in both; on a loaded machine wall time follows CPU)`,
  );
  const byThread = cpuByThread(full.threads, full.pid, phase.requests[0].at, phase.requests[0].at + phase.ms);
  row(
    '  CLI CPU by thread',
    `vitest worker ${fmt(byThread.worker)}, main ${fmt(byThread.main)}, other threads ${fmt(byThread.rest)} (V8's TurboFan and GC helpers); fair replay: main ${fmt(fair.mainCpuMs)}, other threads ${fmt(fair.cpuMs - fair.mainCpuMs)}  (decisions/suite-phase-ratio.md)`,
  );
  const floorMs = await vitestFloor();
  row('vitest start-up floor', `${fmt(floorMs)}  (fresh process to the body of a one-test file, the run's settings)`);
  row(
    'lowest possible ratio',
    `${((floorMs + replayMs) / replayMs).toFixed(2)}  (floor + replay, if the tool cost nothing per request)`,
  );
}

if (want('latency')) {
  console.log('\n3. latency added to every response (loopback proxy)');
  const levels = process.env.BENCH_CONCURRENCY
    ? process.env.BENCH_CONCURRENCY.split(',').map((c) => [50, Number(c)])
    : [
        [50, 1],
        [50, 4],
        [50, 8],
        [100, 4],
      ];
  for (const [delay, concurrency] of levels) {
    const target = await countingServer();
    const proxy = await latencyProxy(target.url, delay);
    const run = await runCli([
      '--url',
      proxy.url,
      '--seed',
      '1',
      '--concurrency',
      String(concurrency),
      '--timeout',
      '30s',
    ]);
    await proxy.close();
    await target.close();
    const ideal = (target.stats.requests * delay) / concurrency;
    const goal = delay === 50 && concurrency === 8 ? '; target <= 1.15' : '';
    row(
      `${delay} ms, concurrency ${concurrency}`,
      `${fmt(run.ms)} for ${target.stats.requests} requests; ideal ${fmt(ideal)}; ratio ${(run.ms / ideal).toFixed(2)}${goal}`,
    );
    if (run.results) {
      // The run's fixed costs around its suite phase: start-up to the first suite request, and what follows the last
      // suite answer (final cleanup and sweep, result assembly, reports, exit).
      const { requests } = suitePhase(target.stats.log, run.results.runId);
      const lastSuiteAnswer = Math.max(...requests.map((e) => e.end ?? e.at));
      row(
        '  outside the suite phase',
        `${fmt(target.stats.second - run.started)} to the first suite request (first request ${fmt(target.stats.first - run.started)}); ${fmt(run.started + run.ms - lastSuiteAnswer)} from the last suite answer to exit`,
      );
    }
    if (goal && run.results) {
      // What the proxy and the server allow on this machine at this load, beside the ideal: the same suite phase
      // replayed fairly (section 2) through a fresh proxy with the same delay.
      const phase = suitePhase(target.stats.log, run.results.runId);
      const attributed = attribute(target.stats.log, run.results.tests).slice(phase.from, phase.to);
      const replayTarget = await countingServer();
      const replayProxy = await latencyProxy(replayTarget.url, delay);
      const fair = await replayIn('fair', { log: phase.requests, attributed, url: replayProxy.url, concurrency });
      await replayProxy.close();
      await replayTarget.close();
      row(
        '  its suite phase, replayed fairly',
        `${fmt(phase.ms)} against ${fmt(fair.ms)} for the fair replay through the same proxy; ratio ${(phase.ms / fair.ms).toFixed(2)}  (the ideal leaves out the proxy's and the server's own time)`,
      );
    }
  }
}

/** A tenant's rate limit: a token bucket of `perSecond` tokens a second (burst `perSecond`); 429 + Retry-After: 1 when empty. */
function tokenBucket(perSecond) {
  let tokens = perSecond;
  let at = performance.now();
  const stats = { throttled: 0 };
  const fault = {
    name: 'token-bucket',
    onRequest() {
      const now = performance.now();
      tokens = Math.min(perSecond, tokens + ((now - at) / 1000) * perSecond);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      stats.throttled++;
      return {
        status: 429,
        headers: { 'Retry-After': '1' },
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429', detail: 'Too many requests' },
      };
    },
  };
  return { fault, stats };
}

if (want('rate')) {
  console.log(
    '\n4. a tenant that allows 40 requests/s (token bucket, burst 40, 429 with Retry-After: 1), default flags',
  );
  const bucket = tokenBucket(40);
  const target = await countingServer([bucket.fault]);
  const run = await runCli(['--url', target.url, '--seed', '1']);
  await target.close();
  const ideal = (target.stats.requests / 40) * 1000;
  const s = run.results?.summary;
  row('exit code', `${run.code}  (target 0)`);
  row(
    'tests',
    s
      ? `${s.total} (${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.skipped} skipped)  (target: 0 failed)`
      : 'no results',
  );
  row('breaker', run.results?.errors.some((e) => /kept answering 429/.test(e)) ? 'opened' : 'stayed closed');
  row(
    '429s met',
    `${bucket.stats.throttled} (summary says ${s?.throttled ?? '?'}); effective rate ${s?.rate ?? '?'}/s`,
  );
  row(
    'wall time',
    `${fmt(run.ms)} for ${target.stats.requests} requests; requests / 40 = ${fmt(ideal)}; ratio ${(run.ms / ideal).toFixed(2)}  (target <= 1.3)`,
  );
}

if (want('budget')) {
  const hasProperties = existsSync(join(ROOT, 'suites', 'properties'));
  console.log('\n5. property-test budget');
  if (!hasProperties) row('skipped', 'no suites/properties in this build');
  else {
    for (const numRuns of [10, 100, 1000]) {
      const target = await countingServer();
      const run = await runCli([
        '--url',
        target.url,
        '--seed',
        '1',
        '--suite',
        'properties',
        '--num-runs',
        String(numRuns),
        '--timeout',
        '30s',
      ]);
      await target.close();
      row(
        `--num-runs ${numRuns}`,
        `${fmt(run.ms)}, ${target.stats.requests} requests, peak ${run.peakMb.toFixed(0)} MB, exit ${run.code}`,
      );
    }
  }
}
