// Container health check, run by the images' HEALTHCHECK (and usable as a
// Kubernetes exec probe). No curl or wget in the slim base image, hence Node.
//
//   node deploy/healthcheck.js http [path] [port variable]
//
// GETs http://127.0.0.1:<port><path> (path default /health/live) and passes on
// a 2xx. The port is read from the environment variable named by the third
// argument (default PORT): the HTTP services listen on PORT, the relay on
// RELAY_HTTP_PORT, the projections on PROJECTIONS_HTTP_PORT. The images set
// that variable, so the check follows a port changed with `-e` at run time.
'use strict';
/* global fetch, AbortSignal -- Node 22 globals */

const TIMEOUT_MS = 3000;

const fail = (message) => {
  process.stderr.write(`unhealthy: ${message}\n`);
  process.exit(1);
};

const portFrom = (variable) => {
  const raw = process.env[variable];
  if (raw === undefined || raw.trim() === '') return fail(`${variable} is not set: no port to check`);
  const port = Number(raw);
  // 0 means "any free port", chosen at start and only logged: nothing here can know it.
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`${variable}="${raw}" is not a port this check can reach`);
  return port;
};

const checkHttp = async (path, variable) => {
  const url = `http://127.0.0.1:${portFrom(variable)}${path}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  // The body names each check and why it is down: Docker keeps it (docker inspect … .State.Health).
  const body = (await response.text()).slice(0, 1000);
  if (response.status < 200 || response.status > 299) fail(`${url} answered ${response.status} ${body}`);
  process.stdout.write(`healthy: ${url} answered ${response.status} ${body}\n`);
};

const [mode, path = '/health/live', variable = 'PORT'] = process.argv.slice(2);
if (mode === 'http' && path.startsWith('/') && /^[A-Z_][A-Z0-9_]*$/.test(variable)) {
  checkHttp(path, variable).catch((error) => fail(error.cause?.message ?? error.message));
} else fail('usage: healthcheck.js http [/path] [PORT_VARIABLE]');
