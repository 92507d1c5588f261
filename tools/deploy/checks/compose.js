// Checks of docker-compose.yml without a Docker engine:
// - `docker-compose config` (docker-compose 1.29.2, the Compose Specification
//   schema it bundles, interpolation, references between services and volumes);
// - what this project relies on, read from the resolved configuration: every
//   `service_healthy` dependency has a health check, every built service names
//   an existing Dockerfile target, every HTTP service (tools/deploy/services.js)
//   is there with its host port and the settings it needs, one relay, each
//   worker's health check on the port it listens on, host ports on loopback
//   only, files mounted from the repository exist;
// - the Meridian processes' environment, through their own config loaders.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { root, exec } = require('../lib');
const { settingsProblems } = require('./settings');
const { httpServices, workers, deployables } = require('../services');

/** Which loader judges a built service's environment, by its Dockerfile target. */
const processKindOf = Object.fromEntries(deployables.map(({ target, kind }) => [target, kind]));

/** `docker-compose -f <file> config` with these environment variables: the resolved configuration, or why not. */
const composeConfig = async (dockerCompose, file, env = {}) => {
  const args = ['-f', file, 'config'];
  // --project-directory: relative paths (build context, bind mounts) resolve against the repository, wherever the file is.
  const { code, stdout, stderr } = await exec(dockerCompose, ['--project-directory', root, ...args], { env });
  if (code !== 0) return { ok: false, problems: [stderr.trim() || `exit ${code}`] };
  return { ok: true, problems: [], config: YAML.parse(stdout) };
};

/** Where a built service's process listens: its port variable's value in the environment, else the loader's default. */
const listeningPort = (service) => {
  const deployable = deployables.find(({ target }) => target === service.build?.target);
  if (!deployable) return undefined;
  const raw = service.environment?.[deployable.portVariable];
  return raw === undefined || raw === null || raw === '' ? deployable.defaultPort : Number(raw);
};

/**
 * A worker's own healthcheck (compose overrides the image's): healthcheck.js
 * GETting /health/live or /health/ready on the variable the worker listens on.
 */
const workerHealthProblems = (name, service, { portVariable }) => {
  const test = service.healthcheck?.test;
  if (!service.healthcheck) return []; // the image's HEALTHCHECK applies; the Dockerfile check judges it
  if (service.healthcheck.disable) return [`${name}: health check disabled`];
  const expected = (path) => JSON.stringify(['CMD', 'node', '/app/deploy/healthcheck.js', 'http', path, portVariable]);
  if (!['/health/live', '/health/ready'].some((path) => JSON.stringify(test) === expected(path))) {
    return [`${name}: healthcheck must be ${expected('/health/ready')} (or /health/live): the port ${name} listens on; is ${JSON.stringify(test)}`];
  }
  return [];
};

const dockerfileTargets = () =>
  new Set([...fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]));

const composeProblems = async (config) => {
  const problems = [];
  const services = config.services ?? {};
  const targets = dockerfileTargets();
  for (const [name, service] of Object.entries(services)) {
    for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
      if (condition === 'service_healthy' && !services[dependency]?.healthcheck) {
        problems.push(`${name} waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
      }
    }
    if (!service.healthcheck && !service.build) problems.push(`${name}: no healthcheck`);
    if (service.build) {
      if (!targets.has(service.build.target)) problems.push(`${name}: build target "${service.build.target}" is not in the Dockerfile`);
      const kind = processKindOf[service.build.target];
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, v ?? '']));
      if (kind) for (const problem of await settingsProblems(kind, env)) problems.push(`${name} environment: ${problem}`);
    }
    for (const port of service.ports ?? []) {
      const published = typeof port === 'string' ? port : `${port.host_ip ?? ''}:${port.published}`;
      if (!published.startsWith('127.0.0.1:')) problems.push(`${name}: port ${published} is published beyond loopback (servers here have no auth)`);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (source?.startsWith('/') && !fs.existsSync(source)) problems.push(`${name}: mounts ${source}, which does not exist`);
    }
  }
  for (const { target, hostPort, needs } of httpServices) {
    const built = Object.entries(services).filter(([, service]) => service.build?.target === target);
    if (built.length !== 1) {
      problems.push(`${target}: ${built.length} compose services are built from this target, expected 1`);
      continue;
    }
    const [name, service] = built[0];
    const published = (service.ports ?? [])
      .map((port) => (typeof port === 'string' ? port : `${port.host_ip ?? ''}:${port.published}:${port.target}`).replace(/\/tcp$/, ''));
    if (!published.includes(`127.0.0.1:${hostPort}:3000`)) problems.push(`${name}: expected port 127.0.0.1:${hostPort}:3000, has ${published.join(', ') || 'none'}`);
    const missing = needs.filter((variable) => !service.environment?.[variable]);
    if (missing.length > 0) problems.push(`${name}: needs ${missing.join(', ')} (without them part of the service is off)`);
    if (!service.depends_on) problems.push(`${name}: no depends_on (it would start before its servers are healthy)`);
  }
  for (const worker of workers) {
    const built = Object.entries(services).filter(([, service]) => service.build?.target === worker.target);
    if (built.length !== 1) problems.push(`${worker.target}: ${built.length} compose services are built from this target, expected 1`);
    for (const [name, service] of built) {
      const port = listeningPort(service);
      // 0 = any free port: neither the health check nor Prometheus could find it.
      if (!(Number.isInteger(port) && port > 0 && port <= 65535)) problems.push(`${name}: ${worker.portVariable}=${service.environment?.[worker.portVariable]} is no fixed port (health check and scrape need one)`);
      problems.push(...workerHealthProblems(name, service, worker));
    }
  }
  const relay = services.relay;
  if (!relay) problems.push('no relay service');
  else if ((relay.scale ?? relay.deploy?.replicas ?? 1) !== 1) problems.push('the relay must run exactly once');
  return problems;
};

module.exports = { composeConfig, composeProblems, listeningPort };
