// HTTP for the bench: one keep-alive client, latency recording, and an
// open-loop load generator. Open loop means requests leave on a fixed
// schedule whether or not earlier ones have answered, and each latency is
// measured from the moment the request was due, not from when it was sent:
// a slow server cannot slow the offered load down and hide its own queueing
// (no coordinated omission).
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { URL } = require('node:url');
const { Buffer } = require('node:buffer');
const { setTimeout: sleep } = require('node:timers/promises');

const createClient = (baseUrl, { maxSockets = 256 } = {}) => {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const send = (method, path, { headers = {}, body } = {}) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        { host: url.hostname, port: url.port, method, path, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let json;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: response.statusCode ?? 0, text, body: json });
          });
          response.on('error', (error) => resolve({ status: 0, text: String(error), body: undefined }));
        },
      );
      request.on('error', (error) => resolve({ status: 0, text: String(error), body: undefined }));
      if (payload) request.write(payload);
      request.end();
    });
  return { send, close: () => agent.destroy() };
};

/** One GET on a fresh connection: { status, text } (status 0 when it could not connect). */
const getUrl = (target) =>
  new Promise((resolve) => {
    const request = http.get(target, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    request.on('error', (error) => resolve({ status: 0, text: String(error) }));
    // A wedged process must not wedge the bench: its deadline still has to fire.
    request.setTimeout(10_000, () => request.destroy(new Error(`GET ${target} timed out after 10 s`)));
  });

/** Latency percentiles from raw samples (ms); exact, the sample counts here are small enough. */
const summarize = (samples) => {
  if (samples.length === 0) return { count: 0, p50: null, p99: null, p999: null, max: null, mean: null };
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (v) => Math.round(v * 100) / 100;
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), p999: round(at(0.999)), max: round(sorted[sorted.length - 1]), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
};

/** `fire(i)`'s outcome: true for success, anything else (a thrown error too) names the failure. */
const outcomeOf = (fire, i) => Promise.resolve(fire(i)).then((outcome) => outcome, (error) => String(error));

/** Successes with their latency, failures counted by their first 80 characters; one result shape for both loops. */
const outcomeTally = () => {
  const latencies = [];
  const errors = {};
  let ok = 0;
  let failed = 0;
  return {
    record: (outcome, latencyMs) => {
      if (outcome === true) {
        ok++;
        latencies.push(latencyMs);
        return;
      }
      failed++;
      const key = String(outcome).slice(0, 80);
      errors[key] = (errors[key] ?? 0) + 1;
    },
    /** `elapsed` in seconds; requests still `unfinished` count as failed. */
    result: ({ offeredRate, sent, unfinished, maxInFlight, elapsed }) => ({
      offeredRate,
      achievedRate: Math.round((ok / elapsed) * 10) / 10,
      sent,
      ok,
      failed: failed + unfinished,
      unfinished,
      errors,
      maxInFlight,
      seconds: Math.round(elapsed * 100) / 100,
      latencyMs: summarize(latencies),
    }),
  };
};

/**
 * Calls `fire(i)` at `rate` per second for `seconds`, without waiting for
 * earlier calls. `fire` resolves to true for success. Returns the achieved
 * completion rate, errors and latency percentiles (ms from due time to
 * completion). Requests still open `drainMs` after the schedule ends count as failures.
 */
const openLoop = async ({ rate, seconds, fire, drainMs = 5_000 }) => {
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const outcomes = outcomeTally();
  let inFlight = 0;
  let maxInFlight = 0;
  const start = performance.now();
  const pending = new Set();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const call = outcomeOf(fire, i).then((outcome) => {
      inFlight--;
      outcomes.record(outcome, performance.now() - due);
      pending.delete(call);
    });
    pending.add(call);
  }
  const scheduleEnd = performance.now();
  await Promise.race([Promise.all(pending), sleep(drainMs)]);
  const unfinished = pending.size;
  const elapsed = (Math.max(performance.now(), scheduleEnd) - start) / 1000;
  return outcomes.result({ offeredRate: rate, sent: total, unfinished, maxInFlight, elapsed });
};

/**
 * Calls `fire(i)` with `concurrency` calls in flight for `seconds`, each
 * after the last one finished: for a query the store cannot serve at a fixed
 * rate (a scan per call), its latency unqueued and the rate it sustains so.
 * Same result shape as openLoop; latency is from call to completion.
 */
const closedLoop = async ({ seconds, fire, concurrency = 1 }) => {
  const outcomes = outcomeTally();
  let sent = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const called = performance.now();
      outcomes.record(await outcomeOf(fire, sent++), performance.now() - called);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  return outcomes.result({ offeredRate: `closed loop, ${concurrency} in flight`, sent, unfinished: 0, maxInFlight: concurrency, elapsed });
};

/** Runs `worker` over indices 0..count-1 with `concurrency` in flight; closed loop, for loading data. */
const forEachConcurrently = async (count, concurrency, worker) => {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await worker(next++);
  });
  await Promise.all(lanes);
};

module.exports = { getUrl, createClient, openLoop, closedLoop, summarize, forEachConcurrently };
