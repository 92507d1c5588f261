// Negative self-checks: every validator check.js relies on is fed a broken
// copy of the real input and must reject it, for the expected reason (a
// pattern its message must match). A validator that passes everything, or
// fails for some other reason, fails here: a check that cannot fail is no check.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib');
const { lintDockerfile, dockerfileProblems, contextProblems } = require('./checks/dockerfile');
const { composeConfig, composeProblems } = require('./checks/compose');
const { chartDir, helmLint, helmTemplate, kubeValidate, validateServiceMonitor, chartProblems, isServiceMonitor, readModelsProblems } = require('./checks/helm');
const { settingsProblems, readModelNames } = require('./checks/settings');

const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const replaceOnce = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`self-check is stale: "${from}" no longer occurs in the input it breaks`);
  return text.replace(from, to);
};

/** Passes when `problems` is non-empty and one matches `expected`; shows that message. */
const rejected = (problems, expected) => {
  const hit = problems.find((p) => expected.test(p));
  if (!hit) throw new Error(problems.length === 0 ? 'ACCEPTED the broken input' : `rejected, but not for the expected reason:\n${problems.join('\n')}`);
  return `rejected: ${hit.split('\n').find((l) => expected.test(l)) ?? hit.split('\n')[0]}`.slice(0, 160);
};

const selfChecks = async ({ check, tools, scratch, kubeVersion, secretStandIn }) => {
  const name = (what) => `self-check: ${what}`;

  await check(name('tally rejects a Dockerfile breaking BuildKit rules'), async () => {
    const file = path.join(scratch, 'Dockerfile');
    let text = replaceOnce(read('Dockerfile'), 'AS runtime', 'as Runtime');
    text = text.replaceAll('FROM runtime AS', 'FROM Runtime AS');
    fs.writeFileSync(file, text);
    return rejected((await lintDockerfile(tools.tally, file)).problems, /FromAsCasing|StageNameCasing/);
  });

  await check(name('project rules reject a target without HEALTHCHECK'), async () => {
    const text = replaceOnce(read('Dockerfile'), 'HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \\\n  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live", "RELAY_HTTP_PORT"]\nENTRYPOINT ["node", "dist/apps/relay',
      'ENTRYPOINT ["node", "dist/apps/relay');
    return rejected(dockerfileProblems(text), /relay: no HEALTHCHECK/);
  });

  await check(name('project rules reject a worker checked on the wrong port, one not exposed, a preloaded heartbeat'), async () => {
    let text = replaceOnce(read('Dockerfile'), '"/health/live", "PROJECTIONS_HTTP_PORT"]', '"/health/live"]');
    text = replaceOnce(text, 'ENTRYPOINT ["node", "dist/apps/projections', 'ENTRYPOINT ["node", "--require", "/app/deploy/heartbeat.js", "dist/apps/projections');
    text = replaceOnce(text, 'EXPOSE 9464\n', '');
    const problems = dockerfileProblems(text);
    rejected(problems, /projections: HEALTHCHECK must be CMD .*PROJECTIONS_HTTP_PORT/);
    rejected(problems, /relay: listens on RELAY_HTTP_PORT=9464 but does not EXPOSE 9464/);
    return rejected(problems, /projections: ENTRYPOINT preloads a script/);
  });

  await check(name('context check rejects a .dockerignore dropping workspace manifests'), async () => {
    const text = `${read('.dockerignore')}\nlibs/**/package.json\n`;
    return rejected((await contextProblems(tools.composePython, text)).problems, /missing from the build context: libs\/.*package\.json/);
  });

  await check(name('docker-compose rejects an unknown depends_on condition'), async () => {
    const file = path.join(scratch, 'docker-compose.yml');
    fs.writeFileSync(file, replaceOnce(read('docker-compose.yml'), 'condition: service_healthy', 'condition: service_heathy'));
    return rejected((await composeConfig(tools.dockerCompose, file)).problems, /service_heathy|depends_on/);
  });

  await check(name('compose rules reject waiting on a service without healthcheck'), async () => {
    const { config } = await composeConfig(tools.dockerCompose, path.join(root, 'docker-compose.yml'));
    delete config.services.kafka.healthcheck;
    return rejected(await composeProblems(config), /waits for kafka to be healthy/);
  });

  await check(name('compose rules reject a missing service and a service without MONGODB_URL'), async () => {
    const { config } = await composeConfig(tools.dockerCompose, path.join(root, 'docker-compose.yml'));
    delete config.services['orders-service'];
    delete config.services['customers-service'].environment.MONGODB_URL;
    const problems = await composeProblems(config);
    rejected(problems, /orders-service: 0 compose services are built from this target/);
    return rejected(problems, /customers-service: needs MONGODB_URL/);
  });

  await check(name('compose rules reject a worker health check on the wrong port and a port of 0'), async () => {
    const { config } = await composeConfig(tools.dockerCompose, path.join(root, 'docker-compose.yml'));
    const test = config.services.relay.healthcheck?.test;
    if (!test?.includes('RELAY_HTTP_PORT')) throw new Error('self-check is stale: the relay has no compose healthcheck on RELAY_HTTP_PORT');
    config.services.relay.healthcheck.test = test.map((arg) => (arg === 'RELAY_HTTP_PORT' ? 'PORT' : arg));
    config.services.projections.environment.PROJECTIONS_HTTP_PORT = '0';
    const problems = await composeProblems(config);
    rejected(problems, /relay: healthcheck must be .*RELAY_HTTP_PORT/);
    return rejected(problems, /projections: PROJECTIONS_HTTP_PORT=0 is no fixed port/);
  });

  await check(name('process settings reject a bad broker list and a misspelt variable'), async () => {
    const bad = await settingsProblems('relay', { EVENTSTORE_URL: 'postgres://u:p@db:5432/m', KAFKA_BROKERS: 'kafka', RELAY_BATCHSIZE: '10' });
    rejected(bad, /RELAY_BATCHSIZE/);
    return rejected(bad, /KAFKA_BROKERS="kafka"/);
  });

  await check(name('helm (values.schema.json) rejects a misspelt value'), async () => {
    const file = path.join(scratch, 'values.yaml');
    fs.writeFileSync(file, 'services:\n  opportunities:\n    replica: 3\n');
    return rejected((await helmLint(tools.helm, [file], kubeVersion)).problems, /additional properties 'replica' not allowed/);
  });

  const rendered = await helmTemplate(tools.helm, [path.join(chartDir, 'ci', 'production-values.yaml')], kubeVersion);
  const copy = () => {
    if (!rendered.ok) throw new Error(`helm template failed: ${rendered.problems.join('\n')}`);
    return JSON.parse(JSON.stringify(rendered.docs)); // a deep copy per self-check
  };
  const deploymentOf = (docs, component) => docs.find((d) => d.kind === 'Deployment' && d.metadata.labels['app.kubernetes.io/component'] === component);

  await check(name('kubernetes-validate rejects a misspelt field and a wrong type'), async () => {
    const docs = copy().filter((d) => !isServiceMonitor(d));
    // One fault per resource: the validator reports the first it meets in each.
    const relay = deploymentOf(docs, 'relay').spec.template.spec.containers[0];
    relay.livenessprobe = relay.livenessProbe;
    deploymentOf(docs, 'opportunities-service').spec.template.spec.containers[0].ports[0].containerPort = 'http';
    const { problems } = await kubeValidate(tools.kubernetesValidate, docs, kubeVersion);
    rejected(problems, /'livenessprobe' was unexpected/);
    return rejected(problems, /'http' is not of type 'integer'/);
  });

  await check(name('ServiceMonitor schema rejects a bad interval'), async () => {
    const monitor = copy().find(isServiceMonitor);
    if (!monitor) throw new Error('ci/production-values.yaml renders no ServiceMonitor');
    monitor.spec.endpoints[0].interval = 'often';
    return rejected((await validateServiceMonitor(tools.serviceMonitorModel, monitor)).problems, /interval must match pattern/);
  });

  await check(name('chart rules reject a ServiceMonitor whose series the alert rules would not select'), async () => {
    const docs = copy();
    const monitor = docs.find(isServiceMonitor);
    if (!monitor) throw new Error('ci/production-values.yaml renders no ServiceMonitor');
    for (const endpoint of monitor.spec.endpoints) delete endpoint.relabelings;
    const problems = await chartProblems(docs, { secretStandIn });
    rejected(problems, /meridian-relay would be scraped as job="meridian-relay", but the alert rules select job="meridian"/);
    return rejected(problems, /meridian-opportunities would be scraped with service="meridian-opportunities", but the rules and dashboard name it "opportunities-service"/);
  });

  await check(name('chart rules reject a second relay and a bad setting'), async () => {
    const docs = copy();
    deploymentOf(docs, 'relay').spec.replicas = 2;
    deploymentOf(docs, 'projections').spec.template.spec.containers[0].env.push({ name: 'PROJECTIONS_SESSION_TIMEOUT_MS', value: '10' });
    const problems = await chartProblems(docs, { secretStandIn });
    rejected(problems, /relay must have replicas: 1/);
    return rejected(problems, /PROJECTIONS_SESSION_TIMEOUT_MS="10"/);
  });

  await check(name('chart rules reject a lost route, a small import body limit, an unmonitored service'), async () => {
    const docs = copy();
    const main = docs.find((d) => d.kind === 'Ingress' && d.metadata.name === 'meridian');
    for (const rule of main.spec.rules) rule.http.paths = rule.http.paths.filter((p) => p.path !== '/api/v1/orders');
    docs.find((d) => d.kind === 'Ingress' && d.metadata.name === 'meridian-customers-large-body').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '8m';
    delete docs.find((d) => d.kind === 'Service' && d.metadata.name === 'meridian-customers').metadata.labels['meridian.io/metrics'];
    const problems = await chartProblems(docs, { secretStandIn });
    rejected(problems, /does not route \/api\/v1\/orders to meridian-orders/);
    rejected(problems, /\/api\/v1\/customers\/imports .* accepts bodies up to 8m, needs 32 MiB/);
    return rejected(problems, /ServiceMonitor meridian does not select meridian-customers/);
  });

  await check(name('chart rules reject worker probes on the wrong path or port, an unscraped worker'), async () => {
    const docs = copy();
    const relay = deploymentOf(docs, 'relay').spec.template.spec.containers[0];
    relay.readinessProbe.httpGet.path = '/health/live';
    const projections = deploymentOf(docs, 'projections').spec.template.spec.containers[0];
    projections.ports[0].containerPort = 9999;
    const relayService = docs.find((d) => d.kind === 'Service' && d.metadata.name === 'meridian-relay');
    delete relayService.spec.publishNotReadyAddresses;
    delete relayService.metadata.labels['meridian.io/metrics'];
    const problems = await chartProblems(docs, { secretStandIn });
    rejected(problems, /meridian-relay: readinessProbe must GET \/health\/ready/);
    rejected(problems, /meridian-projections: livenessProbe GETs port http \(9999\), but the process listens on PROJECTIONS_HTTP_PORT=9465/);
    rejected(problems, /meridian-relay: its Service drops not-ready pods/);
    return rejected(problems, /ServiceMonitor meridian does not select meridian-relay/);
  });

  await check(name('read-model check rejects a schema naming a read model the projections do not host'), async () => {
    const schema = JSON.parse(read('deploy/helm/meridian/values.schema.json'));
    const readModels = schema.properties.projections.properties.readModels;
    // Both alternations of ^$|^(…)(,(…))*$ gain the misspelt name.
    replaceOnce(readModels.pattern, '|customer-list|', ''); // stale guard: throws when the name is gone
    readModels.pattern = readModels.pattern.replaceAll('|customer-list|', '|customer-list|customer-lists|');
    return rejected(readModelsProblems(JSON.stringify(schema), await readModelNames()), /accepts read model customer-lists, which the projections process does not host/);
  });
};

module.exports = { selfChecks };
