#!/usr/bin/env node
// Benchmarks of scim-conformance (issue 10). Prints figures; asserts nothing (these machines are shared and noisy).
//
//   npm run bench                 all sections
//   npm run bench -- full replay  only some: full, replay, latency, budget
//   BENCH_CONCURRENCY=8 npm run bench -- latency   only some concurrency levels
//
// 1. full:    a full default run against the reference server: wall time, time to the first request, requests,
//             tests, peak memory (VmHWM of the CLI process, worker threads included).
// 2. replay:  the same requests replayed raw (node:http, same concurrency, kept-alive connections like the tool's)
//             against a fresh reference server, and
//             the ratio of (1) to it: the tool's own overhead.
// 3. latency: a loopback proxy adding 50 ms to every response; wall time against the ideal
//             requests x 50 ms / concurrency, for concurrency 1, 4 and 8.
// 4. budget:  wall time and memory as the property-test budget grows (--num-runs 10, 100, 1000), when the
//             properties suite exists.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A reference server that counts requests and notes when the first one arrived. */
async function countingServer() {
  const stats = { requests: 0, first: 0, second: 0, log: [] };
  const server = createScimServer({
    token: TOKEN,
    basePath: '/scim/v2',
    faults: [{
      name: 'count',
      onRequest(req) {
        stats.requests++;
        if (!stats.first) stats.first = performance.now();
        else if (!stats.second) stats.second = performance.now();
        // Every request as it arrived (cleanup and property cases included), for the raw replay of section 2.
        const query = req.query.toString();
        stats.log.push({ method: req.method, path: query ? `${req.path}?${query}` : req.path, body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body) });
      },
    }],
  });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, stats, close: () => server.close() };
}

/** Runs the CLI, polling its peak resident memory. */
function runCli(args) {
  const outDir = mkdtempSync(join(tmpdir(), 'scimc-bench-'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, '--reporter', 'json', '--out-dir', outDir], {
      env: { ...process.env, SCIM_TOKEN: TOKEN, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peakKb = 0;
    let stderr = '';
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    }, 20);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const file = join(outDir, 'results.json');
      const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
      resolve({ code, ms: performance.now() - started, started, peakMb: peakKb / 1024, results, stderr });
    });
  });
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (label, value) => console.log(`  ${label.padEnd(34)} ${value}`);


// Connections are kept alive, as the tool's own client keeps them (src/client/transport.ts): same footing.
const replayAgent = new http.Agent({ keepAlive: true });
function replay(requests, baseUrl, concurrency) {
  const target = new URL(baseUrl);
  let next = 0;
  const one = (req) =>
    new Promise((resolve) => {
      const headers = { Authorization: `Bearer ${TOKEN}`, Accept: 'application/scim+json', ...(req.body !== undefined ? { 'Content-Type': 'application/scim+json' } : {}) };
      const r = http.request({ host: target.hostname, port: target.port, path: req.path, method: req.method, headers, agent: replayAgent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      r.on('error', resolve);
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  const worker = async () => {
    while (next < requests.length) await one(requests[next++]);
  };
  const started = performance.now();
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => performance.now() - started);
}

/** Median of three: a fresh process starting vitest (bench/vitest-floor.mjs) until its one test body runs. */
async function vitestFloor() {
  const once = () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bench', 'vitest-floor.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    const p = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers, agent: false }, (pres) => {
      const chunks = [];
      pres.on('data', (c) => chunks.push(c));
      pres.on('end', () => setTimeout(() => { res.writeHead(pres.statusCode, pres.headers); res.end(Buffer.concat(chunks)); }, delayMs));
    });
    p.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(p);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}${up.pathname}`, close: () => new Promise((r) => server.close(r)) };
}

console.log(`scim-conformance bench (node ${process.version}, ${new Date().toISOString()})`);
let full;
if (want('full') || want('replay')) {
  const target = await countingServer();
  full = await runCli(['--url', target.url, '--seed', '1']);
  await target.close();
  full.log = target.stats.log;
  if (!full.results) {
    console.error(`bench: the run wrote no results (exit ${full.code}): ${full.stderr.trim()}`);
    process.exit(1);
  }
  console.log('\n1. full default run against the reference server');
  row('wall time', fmt(full.ms));
  row('time to first request', `${fmt(target.stats.first - full.started)}  (the preflight probe)`);
  row('time to first suite request', `${fmt(target.stats.second - full.started)}  (vitest loaded, worker up, suites imported)`);
  row('requests sent', String(target.stats.requests));
  row('tests run', `${full.results.summary.total} (${full.results.summary.passed} passed, ${full.results.summary.failed} failed, ${full.results.summary.skipped} skipped)`);
  row('peak memory (RSS)', `${full.peakMb.toFixed(0)} MB`);
  row('exit code', String(full.code));
  full.firstMs = target.stats.first - full.started;
  full.suitesMs = target.stats.second - full.started;
}

if (want('replay')) {
  const requests = full.log;
  const target = await countingServer();
  const concurrency = 4;
  const replayMs = await replay(requests, target.url, concurrency);
  await target.close();
  const requestPhase = full.ms - full.suitesMs;
  console.log(`\n2. the same ${requests.length} requests (as the server received them) replayed raw (node:http, keep-alive, concurrency ${concurrency})`);
  row('replay wall time', fmt(replayMs));
  row('overhead ratio (full / replay)', `${(full.ms / replayMs).toFixed(2)}`);
  row('ratio from the first suite request', `${(requestPhase / replayMs).toFixed(2)}  (the tool's start-up excluded)`);
  const floorMs = await vitestFloor();
  row('vitest start-up floor', `${fmt(floorMs)}  (fresh process to the body of a one-test file, the run's settings)`);
  row('lowest possible ratio', `${((floorMs + replayMs) / replayMs).toFixed(2)}  (floor + replay, if the tool cost nothing per request)`);
}

if (want('latency')) {
  console.log('\n3. 50 ms added to every response (loopback proxy)');
  const levels = process.env.BENCH_CONCURRENCY ? process.env.BENCH_CONCURRENCY.split(',').map(Number) : [1, 4, 8];
  for (const concurrency of levels) {
    const target = await countingServer();
    const proxy = await latencyProxy(target.url, 50);
    const run = await runCli(['--url', proxy.url, '--seed', '1', '--concurrency', String(concurrency), '--timeout', '30s']);
    await proxy.close();
    await target.close();
    const ideal = (target.stats.requests * 50) / concurrency;
    row(`concurrency ${concurrency}`, `${fmt(run.ms)} for ${target.stats.requests} requests; ideal ${fmt(ideal)}; ratio ${(run.ms / ideal).toFixed(2)}`);
  }
}

if (want('budget')) {
  const hasProperties = existsSync(join(ROOT, 'suites', 'properties'));
  console.log('\n4. property-test budget');
  if (!hasProperties) row('skipped', 'no suites/properties in this build');
  else {
    for (const numRuns of [10, 100, 1000]) {
      const target = await countingServer();
      const run = await runCli(['--url', target.url, '--seed', '1', '--suite', 'properties', '--num-runs', String(numRuns), '--timeout', '30s']);
      await target.close();
      row(`--num-runs ${numRuns}`, `${fmt(run.ms)}, ${target.stats.requests} requests, peak ${run.peakMb.toFixed(0)} MB, exit ${run.code}`);
    }
  }
}
