// Finds a PostgreSQL server for the test run, in this order:
// 1. DATABASE_URL, if set: used as is, never stopped by us;
// 2. a Docker engine that answers: a disposable @testcontainers/postgresql container;
// 3. Debian's postgresql package: a throwaway local server (local-postgres-server.js).
const fs = require('node:fs');
const http = require('node:http');
const { URL } = require('node:url');
const { startLocalPostgres } = require('./local-postgres-server');

const dockerImage = 'postgres:17-alpine';

/** A quick GET /_ping; false unless the engine answers within a second or so. */
const dockerAnswers = () => {
  const host = process.env.DOCKER_HOST;
  let target;
  if (host && host.startsWith('unix://')) target = { socketPath: host.slice('unix://'.length) };
  else if (host && host.startsWith('tcp://') && !process.env.DOCKER_TLS_VERIFY) {
    const { hostname, port } = new URL(host.replace(/^tcp:/, 'http:'));
    target = { host: hostname, port: Number(port) || 2375 };
  } else if (host) return Promise.resolve(true); // ssh://, TLS, …: let testcontainers deal with it
  else if (fs.existsSync('/var/run/docker.sock')) target = { socketPath: '/var/run/docker.sock' };
  else return Promise.resolve(false);

  return new Promise((resolve) => {
    const request = http.get({ ...target, path: '/_ping', timeout: 1500 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
};

const startContainer = async () => {
  const { PostgreSqlContainer } = require('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(dockerImage).start();
  return { url: container.getConnectionUri(), description: `Docker container ${dockerImage}`, stop: () => container.stop() };
};

/** Resolves to { url, description, stop }; `stop` is a no-op for a DATABASE_URL we were given. */
const startTestPostgres = async () => {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, description: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await dockerAnswers()) {
    try {
      return await startContainer();
    } catch (error) {
      console.warn(`Docker answered but the PostgreSQL container did not start (${error.message}); trying a local server.`);
    }
  }
  return startLocalPostgres();
};

module.exports = { startTestPostgres, dockerAnswers };
