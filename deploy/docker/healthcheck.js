// Container health check, run by the images' HEALTHCHECK (and usable as a
// Kubernetes exec probe). No curl or wget in the slim base image, hence Node.
//
//   node deploy/healthcheck.js http [path]   GET http://127.0.0.1:$PORT<path> (default /health/live) answers 2xx
//   node deploy/healthcheck.js heartbeat     the worker's heartbeat file (heartbeat.js) is fresh
//
// http: /health/live is not served yet (it comes with the observability
// work). Until then the route answers 404, and only then this check falls back
// to /api/openapi.json, i.e. "the HTTP server answers". A real health endpoint
// never answers 404, so the fallback switches itself off when it lands.
'use strict';
/* global fetch, AbortSignal -- Node 20 globals */
const fs = require('node:fs');

const TIMEOUT_MS = 3000;
const FALLBACK_PATH = '/api/openapi.json';

const fail = (message) => {
  process.stderr.write(`unhealthy: ${message}\n`);
  process.exit(1);
};

const get = async (path) => {
  const url = `http://127.0.0.1:${process.env.PORT || 3000}${path}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.body?.cancel();
  return response.status;
};

const checkHttp = async (path) => {
  let status = await get(path);
  if (status === 404 && path !== FALLBACK_PATH) {
    process.stdout.write(`${path} answers 404 (not in this build): checking ${FALLBACK_PATH} instead\n`);
    status = await get(FALLBACK_PATH);
    path = FALLBACK_PATH;
  }
  if (status < 200 || status > 299) fail(`${path} answered ${status}`);
  process.stdout.write(`healthy: ${path} answered ${status}\n`);
};

const checkHeartbeat = () => {
  const file = process.env.MERIDIAN_HEARTBEAT_FILE || '/tmp/meridian-heartbeat';
  const maxAgeMs = Number(process.env.MERIDIAN_HEARTBEAT_MAX_AGE_MS) || 30_000;
  let content;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    return fail(`no heartbeat file ${file} (worker not started, or started without --require heartbeat.js)`);
  }
  const [pid, at] = content.trim().split(' ').map(Number);
  const age = Date.now() - at;
  if (!Number.isFinite(age) || age > maxAgeMs) fail(`last heartbeat ${Math.round(age / 1000)} s ago (limit ${maxAgeMs / 1000} s)`);
  try {
    process.kill(pid, 0); // signal 0: existence check only
  } catch {
    fail(`heartbeat written by pid ${pid}, which is gone`);
  }
  process.stdout.write(`healthy: pid ${pid} beat ${age} ms ago\n`);
};

const [mode, path = '/health/live'] = process.argv.slice(2);
if (mode === 'http') checkHttp(path).catch((error) => fail(error.cause?.message ?? error.message));
else if (mode === 'heartbeat') checkHeartbeat();
else fail('usage: healthcheck.js http [path] | heartbeat');
