#!/usr/bin/env node
// Validates Meridian's deployment files on a machine without Docker or a
// Kubernetes cluster: node tools/deploy/check.js
//
//   Dockerfile + .dockerignore   tally lint, project rules, build context
//   docker-compose.yml           docker-compose 1.29.2 config, project rules, process settings,
//                                Prometheus scrape targets
//   deploy/helm/meridian         helm lint, helm template (default and ci/*-values.yaml),
//                                Kubernetes schemas (strict), ServiceMonitor schema,
//                                project rules, process settings, read-model names
//
// The services every check expects (Dockerfile targets, compose services,
// Deployments, Ingress routes) are listed once, in tools/deploy/services.js.
//   self-checks                  each validator is fed a broken copy of the real
//                                input and must reject it, so a pass means something
//
// Installs its tools into .infra/cache on first use (tools/deploy/install.js).
// Exit code 0 when everything passed, 1 otherwise. What this cannot check
// (building or running images, a real cluster) is listed in docs/deployment.md.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const { root, log, seconds } = require('./lib');
const { installAll, tools, versions } = require('./install');
const { lintDockerfile, dockerfileProblems, contextProblems } = require('./checks/dockerfile');
const { composeConfig, composeProblems, listeningPort } = require('./checks/compose');
const { chartDir, helmLint, helmTemplate, kubeValidate, validateServiceMonitor, chartProblems, isServiceMonitor, schemaReadModels, readModelsProblems } = require('./checks/helm');
const { readModelNames } = require('./checks/settings');
const { httpServices, workers, deployables } = require('./services');
const { selfChecks } = require('./self-checks');

/** Kubernetes versions the chart is validated against: the oldest it supports (Chart.yaml kubeVersion) and the newest with bundled schemas. */
const KUBE_VERSIONS = ['1.25.0', '1.37.0'];
/** Stand-in for a Secret the chart does not render (secrets.existingSecret): what such a Secret must hold. */
const SECRET_STAND_IN = { EVENTSTORE_URL: 'postgres://meridian:secret@postgresql:5432/meridian', MONGODB_URL: 'mongodb://mongodb:27017/meridian' };

const results = [];
const check = async (name, work) => {
  const started = Date.now();
  try {
    const detail = await work();
    results.push({ name, ok: true, detail, ms: Date.now() - started });
  } catch (error) {
    results.push({ name, ok: false, detail: error.message, ms: Date.now() - started });
  }
};
/** Turns a validator's { ok, problems } into a pass (with a detail line) or a failure listing the problems. */
const expectOk = ({ ok, problems }, detail) => {
  if (!ok || problems.length > 0) throw new Error(problems.join('\n') || 'failed');
  return detail;
};
const expectNone = (problems, detail) => expectOk({ ok: problems.length === 0, problems }, detail);

const valueSets = () => [
  { label: 'default values', files: [] },
  ...fs.readdirSync(path.join(chartDir, 'ci')).filter((f) => f.endsWith('-values.yaml')).sort()
    .map((f) => ({ label: `ci/${f}`, files: [path.join(chartDir, 'ci', f)] })),
];

const checkDockerfile = async () => {
  const dockerfile = path.join(root, 'Dockerfile');
  await check(`Dockerfile lint (tally ${versions.tally})`, async () => {
    const result = await lintDockerfile(tools.tally, dockerfile);
    return expectOk(result, `${result.summary.total} findings with ${result.rules} rules enabled (fail level: warning)`);
  });
  await check('Dockerfile targets, users, health checks, labels', () =>
    expectNone(dockerfileProblems(fs.readFileSync(dockerfile, 'utf8')), deployables.map(({ target }) => target).join(', ')));
  await check('build context (.dockerignore, docker-py rules)', async () => {
    const { problems, count } = await contextProblems(tools.composePython, fs.readFileSync(path.join(root, '.dockerignore'), 'utf8'));
    return expectNone(problems, `${count} files; every workspace manifest and copied file present, no local state or tests`);
  });
};

const checkCompose = async () => {
  const file = path.join(root, 'docker-compose.yml');
  // The default (PostgreSQL) and the switch to EventStoreDB: both must resolve and pass the process settings check.
  for (const env of [{}, { EVENTSTORE_URL: 'esdb://eventstoredb:2113?tls=false' }]) {
    const label = env.EVENTSTORE_URL ? ` (EVENTSTORE_URL=${env.EVENTSTORE_URL})` : '';
    let config;
    await check(`docker-compose ${versions['docker-compose']}${label} config`, async () => {
      const result = await composeConfig(tools.dockerCompose, file, env);
      config = result.config;
      return expectOk(result, `${Object.keys(result.config?.services ?? {}).length} services: ${Object.keys(result.config?.services ?? {}).join(', ')}`);
    });
    if (config) {
      await check('compose health checks, targets, ports, process settings', async () =>
        expectNone(await composeProblems(config), `as required; ${httpServices.map(({ target, hostPort }) => `${target} on ${hostPort}`).join(', ')}`));
    }
  }
  await check('Prometheus scrape config targets compose services', () => {
    const prometheus = YAML.parse(fs.readFileSync(path.join(root, 'deploy', 'prometheus', 'prometheus.yml'), 'utf8'));
    const services = YAML.parse(fs.readFileSync(file, 'utf8')).services;
    const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets));
    const unknown = targets.map((t) => t.split(':')[0]).filter((host) => host !== 'localhost' && !(host in services));
    // Every HTTP service serves /metrics on its container port; each worker on the port its variable sets (or its default).
    const unscraped = httpServices.filter(({ target }) => !targets.includes(`${target}:3000`)).map(({ target }) => `${target}:3000 is not scraped`);
    for (const { target } of workers) {
      const port = services[target] && listeningPort(services[target]);
      if (!targets.includes(`${target}:${port}`)) unscraped.push(`${target}:${port} (where it listens) is not scraped`);
    }
    return expectNone([...unknown.map((host) => `scrape target host ${host} is no compose service`), ...unscraped],
      `${targets.length} targets, every HTTP service and worker among them, on the ports they listen on`);
  });
};

const checkReadModels = async () => {
  await check('PROJECTIONS_READ_MODELS: values.schema.json = the projections catalogue', async () => {
    const schemaText = fs.readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8');
    const names = await readModelNames();
    expectNone(readModelsProblems(schemaText, names));
    // Every name at once, through the schema, the template and the projections' own loader.
    const all = schemaReadModels(schemaText).join(',');
    // --set splits on commas; an escaped one stays in the value.
    const rendered = await helmTemplate(tools.helm, [], KUBE_VERSIONS.at(-1), { set: [`projections.readModels=${all.replaceAll(',', '\\,')}`] });
    expectOk(rendered);
    const projections = rendered.docs.find((d) => d.kind === 'Deployment' && d.metadata.labels['app.kubernetes.io/component'] === 'projections');
    const passed = projections?.spec.template.spec.containers[0].env.find((e) => e.name === 'PROJECTIONS_READ_MODELS')?.value;
    if (passed !== all) throw new Error(`the projections Deployment got PROJECTIONS_READ_MODELS=${passed}, expected ${all}`);
    return expectNone(await chartProblems(rendered.docs, { secretStandIn: SECRET_STAND_IN }), `${names.join(', ')}: accepted by the schema, rendered, accepted by the loader`);
  });
};

const checkChart = async () => {
  for (const { label, files } of valueSets()) {
    await check(`helm lint --strict (${label})`, async () => expectOk(await helmLint(tools.helm, files, KUBE_VERSIONS.at(-1)), 'no findings'));
    for (const kubeVersion of KUBE_VERSIONS) {
      const rendered = await helmTemplate(tools.helm, files, kubeVersion);
      await check(`helm template + Kubernetes ${kubeVersion} schemas, strict (${label})`, async () => {
        expectOk(rendered);
        const plain = rendered.docs.filter((d) => !isServiceMonitor(d));
        const monitors = rendered.docs.filter(isServiceMonitor);
        expectOk(await kubeValidate(tools.kubernetesValidate, plain, kubeVersion));
        for (const monitor of monitors) expectOk(await validateServiceMonitor(tools.serviceMonitorModel, monitor));
        const kinds = [...new Set(rendered.docs.map((d) => d.kind))].join(', ');
        return `${plain.length} manifests valid (${kinds})${monitors.length ? `; ServiceMonitor valid against prometheus-operator's schema` : ''}`;
      });
      if (kubeVersion === KUBE_VERSIONS.at(-1) && rendered.ok) {
        await check(`chart rules and process settings (${label})`, async () =>
          expectNone(await chartProblems(rendered.docs, { secretStandIn: SECRET_STAND_IN }),
            `${httpServices.map(({ chartKey }) => chartKey).join(', ')}: probes, resources, HPA, PDB, Ingress routes and body limits; relay 1× Recreate; ${workers.map(({ target }) => target).join(', ')}: HTTP probes and metrics Service on their port; env accepted`));
      }
    }
  }
};

const printSummary = (installs) => {
  const width = Math.max(...results.map((r) => r.name.length));
  console.log('\nMeridian deployment checks');
  for (const r of results) {
    const [first, ...rest] = String(r.detail ?? '').split('\n');
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${first}${rest.length ? `\n${rest.map((l) => `        ${l}`).join('\n')}` : ''}`);
  }
  console.log(`\ntools: ${installs.map((t) => `${t.name} ${t.version}${t.installedNow ? ` (installed now, ${t.seconds.toFixed(1)} s)` : ''}`).join(', ')}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed;
};

const main = async () => {
  const started = Date.now();
  let installs;
  try {
    installs = await installAll();
  } catch (error) {
    console.error(`Could not install the checks' tools:\n${error.message}`);
    process.exit(1);
  }
  await checkDockerfile();
  await checkCompose();
  await checkChart();
  await checkReadModels();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-self-check-'));
  try {
    await selfChecks({ check, tools, scratch, kubeVersion: KUBE_VERSIONS.at(-1), secretStandIn: SECRET_STAND_IN });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const failed = printSummary(installs);
  log(`done in ${seconds(started)}`);
  process.exit(failed === 0 ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
