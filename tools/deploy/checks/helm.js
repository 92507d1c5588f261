// Checks of the Helm chart without a cluster:
// - `helm lint --strict` and `helm template` (values.schema.json applies to both);
// - every rendered manifest against the Kubernetes OpenAPI schemas in strict
//   mode (unknown fields are errors), with kubernetes-validate, which bundles
//   the schemas (kubeconform would download them);
// - the ServiceMonitor, a prometheus-operator CRD that Kubernetes' schemas do
//   not know, against the schema generated from prometheus-operator's API types;
// - what this project relies on (chartProblems): every HTTP service of
//   tools/deploy/services.js with its Deployment, Service, probes, HPA or
//   replicas, PDB, Ingress routes, body limits and ServiceMonitor coverage;
//   every Deployment's probes (httpGet /health/live, /health/ready) on the
//   port its process listens on; each worker's metrics Service and its
//   ServiceMonitor coverage; the job and service labels the ServiceMonitor
//   gives their series, against those the alert rules select (scrape-labels.js);
//   and, through the processes' own config loaders, the environment each
//   Deployment gets;
// - PROJECTIONS_READ_MODELS: the names values.schema.json accepts are the
//   projections catalogue's (readModelsProblems).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const YAML = require('yaml');
const { root, exec } = require('../lib');
const { settingsProblems } = require('./settings');
const { scrapeLabelProblems } = require('./scrape-labels');
const { httpServices, workers, deployables } = require('../services');

const chartDir = path.join(root, 'deploy', 'helm', 'meridian');

const valuesArgs = (valuesFiles) => valuesFiles.flatMap((file) => ['-f', file]);

const helmLint = async (helm, valuesFiles, kubeVersion, chart = chartDir) => {
  const { code, stdout, stderr } = await exec(helm, ['lint', '--strict', '--kube-version', kubeVersion, chart, ...valuesArgs(valuesFiles)]);
  return { ok: code === 0, problems: code === 0 ? [] : [`${stdout}${stderr}`.trim()] };
};

/** The manifests `helm template` renders, parsed (empty documents dropped). */
const helmTemplate = async (helm, valuesFiles, kubeVersion, { chart = chartDir, namespace = 'meridian', set = [] } = {}) => {
  const { code, stdout, stderr } = await exec(helm, ['template', 'meridian', chart, '--namespace', namespace,
    '--kube-version', kubeVersion, ...valuesArgs(valuesFiles), ...set.flatMap((s) => ['--set', s])]);
  if (code !== 0) return { ok: false, problems: [stderr.trim()], docs: [] };
  const docs = YAML.parseAllDocuments(stdout).map((d) => d.toJS()).filter(Boolean);
  return { ok: true, problems: [], docs };
};

const isServiceMonitor = (doc) => doc.apiVersion === 'monitoring.coreos.com/v1' && doc.kind === 'ServiceMonitor';

/** kubernetes-validate --strict on the given manifests; every kind must have a schema. */
const kubeValidate = async (kubernetesValidate, docs, kubeVersion) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-manifests-'));
  try {
    const file = path.join(dir, 'manifests.yaml');
    fs.writeFileSync(file, docs.map((d) => YAML.stringify(d)).join('---\n'));
    const { code, stdout, stderr } = await exec(kubernetesValidate, ['--strict', '--quiet', '-k', kubeVersion, file]);
    const lines = `${stdout}${stderr}`.split('\n').filter((l) => /^(ERROR|WARN)/.test(l)).map((l) => l.replace(`${file} `, ''));
    // A kind without a schema only warns there; here it is a failure, since nothing would have checked it.
    return { ok: code === 0 && lines.length === 0, problems: lines.length > 0 ? lines : code === 0 ? [] : [`exit ${code}`] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * A ServiceMonitor against @kubernetes-models/prometheus-operator's schema:
 * types, patterns (durations), enums and required fields. Unlike the
 * Kubernetes schemas it tolerates unknown fields, so a misspelt optional key
 * goes unnoticed (chartProblems checks the keys the chart relies on).
 */
const validateServiceMonitor = async (modelFile, doc) => {
  const { ServiceMonitor } = await import(pathToFileURL(modelFile).href);
  try {
    new ServiceMonitor(doc).validate();
    return { ok: true, problems: [] };
  } catch (error) {
    return { ok: false, problems: [`ServiceMonitor/${doc.metadata?.name}: ${error.message}`] };
  }
};

const containerOf = (deployment) => deployment.spec.template.spec.containers[0];

/** The environment a Deployment's container gets: its ConfigMap and Secret (envFrom), then env. */
const environmentOf = (deployment, docs, secretStandIn) => {
  const env = {};
  const container = containerOf(deployment);
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === source.configMapRef.name)?.data);
    if (source.secretRef) {
      const secret = docs.find((d) => d.kind === 'Secret' && d.metadata.name === source.secretRef.name);
      Object.assign(env, secret ? secret.stringData : secretStandIn);
    }
  }
  for (const { name, value } of container.env ?? []) env[name] = value;
  return env;
};

/** An nginx size (bytes, or a number with k, m, g; 0 = no limit) in bytes; undefined when unreadable. */
const nginxSize = (value) => {
  const match = /^([0-9]+)([kmg]?)$/i.exec(String(value ?? '').trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  return number === 0 ? Infinity : number * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()];
};
const bodySizeAnnotation = 'nginx.ingress.kubernetes.io/proxy-body-size';

/**
 * Does a ServiceMonitor's label selector (matchLabels, the only form the chart
 * uses) match a Service? Both are rendered without a namespace, i.e. into the
 * release's, which the monitor's namespaceSelector names.
 */
const selects = (monitor, service) =>
  Object.entries(monitor.spec.selector?.matchLabels ?? {}).every(([key, value]) => service.metadata.labels?.[key] === value);

/** The container port a probe or a Service's targetPort means: a number, or the name of one of the container's ports. */
const resolvePort = (container, port) => (typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort);

/** Where the process listens: its port variable in the environment it gets, else its loader's default. */
const listeningPort = (component, env) => {
  const deployable = component.endsWith('-service') ? deployables.find((d) => d.target === 'standalone') : deployables.find((d) => d.target === component);
  const raw = env[deployable.portVariable];
  return { variable: deployable.portVariable, port: raw === undefined || raw === '' ? deployable.defaultPort : Number(raw) };
};

/**
 * Probes of a Deployment: httpGet (no exec), liveness and startup on
 * /health/live, readiness on /health/ready, every one on the port the process
 * listens on (its port variable), and that port a named container port.
 */
const probeProblems = (name, container, component, env) => {
  const { variable, port } = listeningPort(component, env);
  const problems = [];
  if (!container.ports?.some((p) => p.containerPort === port && p.name)) problems.push(`${name}: listens on ${variable}=${port}, which is no named container port (ports: ${JSON.stringify(container.ports ?? [])})`);
  const wanted = { livenessProbe: '/health/live', readinessProbe: '/health/ready', startupProbe: '/health/live' };
  for (const [key, path] of Object.entries(wanted)) {
    const probe = container[key];
    if (!probe) {
      if (key !== 'startupProbe') problems.push(`${name}: no ${key}`);
      continue;
    }
    if (!probe.httpGet) problems.push(`${name}: ${key} is not an httpGet on ${path}`);
    else if (probe.httpGet.path !== path) problems.push(`${name}: ${key} must GET ${path}, GETs ${probe.httpGet.path}`);
    else if (resolvePort(container, probe.httpGet.port) !== port) problems.push(`${name}: ${key} GETs port ${probe.httpGet.port} (${resolvePort(container, probe.httpGet.port)}), but the process listens on ${variable}=${port}`);
  }
  return problems;
};

const chartProblems = async (docs, { secretStandIn }) => {
  const problems = [];
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const deployments = of('Deployment');
  const component = (d) => d.metadata.labels['app.kubernetes.io/component'];
  const relay = deployments.find((d) => component(d) === 'relay');
  if (!relay) problems.push('no relay Deployment');
  else if (relay.spec.replicas !== 1 || relay.spec.strategy?.type !== 'Recreate') problems.push('the relay must have replicas: 1 and strategy Recreate');
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    const container = containerOf(deployment);
    const kind = component(deployment).endsWith('-service') ? 'http' : component(deployment);
    if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory || !container.resources?.limits?.memory) problems.push(`${name}: needs cpu/memory requests and a memory limit`);
    if (deployment.spec.template.spec.securityContext?.runAsNonRoot !== true) problems.push(`${name}: not runAsNonRoot`);
    const env = environmentOf(deployment, docs, secretStandIn);
    problems.push(...probeProblems(name, container, component(deployment), env));
    if (kind === 'http') {
      const short = name.replace(/^meridian-/, '');
      if (!of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name) && deployment.spec.replicas === undefined) problems.push(`${name}: no replicas and no HPA`);
      if (!of('PodDisruptionBudget').some((p) => p.metadata.name === name)) problems.push(`${name}: no PodDisruptionBudget (${short})`);
    }
    for (const problem of await settingsProblems(kind, env)) problems.push(`${name} environment: ${problem}`);
  }
  const routes = of('Ingress').flatMap((ingress) => ingress.spec.rules.flatMap((rule) => rule.http.paths.map((p) => ({ ingress, path: p.path, service: p.backend.service.name }))));
  const monitors = docs.filter(isServiceMonitor);
  for (const { target, chartKey, routes: prefixes, largeBody, needs } of httpServices) {
    const deployment = deployments.find((d) => component(d) === `${chartKey}-service`);
    if (!deployment) {
      problems.push(`no Deployment for ${target} (services.${chartKey})`);
      continue;
    }
    const name = deployment.metadata.name;
    if (!new RegExp(`(^|/)${target}:[^/]+$`).test(containerOf(deployment).image)) problems.push(`${name}: image ${containerOf(deployment).image} is not ${target}`);
    const env = environmentOf(deployment, docs, secretStandIn);
    const missing = needs.filter((variable) => !env[variable]);
    if (missing.length > 0) problems.push(`${name}: needs ${missing.join(', ')} (without them part of the service is off)`);
    const service = of('Service').find((s) => s.metadata.name === name);
    if (!service) problems.push(`${name}: no Service`);
    for (const prefix of prefixes) {
      if (!routes.some((r) => r.path === prefix && r.service === name)) problems.push(`the Ingress does not route ${prefix} to ${name}`);
    }
    for (const { path: bodyPath, minBytes } of largeBody) {
      const route = routes.find((r) => r.path === bodyPath && r.service === name);
      const size = route?.ingress.metadata.annotations?.[bodySizeAnnotation];
      if (!route) problems.push(`no Ingress routes ${bodyPath} to ${name}`);
      else if (!(nginxSize(size) >= minBytes)) {
        problems.push(`${bodyPath} (Ingress ${route.ingress.metadata.name}) accepts bodies up to ${size ?? 'the controller default (1m)'}, needs ${minBytes / 1024 ** 2} MiB`);
      }
    }
    for (const monitor of monitors) {
      if (service && !selects(monitor, service)) problems.push(`the ServiceMonitor ${monitor.metadata.name} does not select ${name}`);
    }
  }
  // Each worker: a Service onto the port it listens on, kept with not-ready pods (its metrics matter most then), scraped by every ServiceMonitor.
  for (const { target } of workers) {
    const deployment = deployments.find((d) => component(d) === target);
    if (!deployment) continue; // disabled (relay.enabled / projections.enabled false); the relay's absence is reported above
    const name = deployment.metadata.name;
    const container = containerOf(deployment);
    const { variable, port } = listeningPort(target, environmentOf(deployment, docs, secretStandIn));
    const service = of('Service').find((s) => s.metadata.name === name);
    if (!service) {
      problems.push(`${name}: no Service for its metrics port`);
      continue;
    }
    if (!service.spec.ports.some((sp) => resolvePort(container, sp.targetPort ?? sp.port) === port)) problems.push(`${name}: its Service does not reach ${variable}=${port}`);
    if (service.spec.publishNotReadyAddresses !== true) problems.push(`${name}: its Service drops not-ready pods, so they go unscraped exactly when they fail`);
    for (const monitor of monitors) {
      if (!selects(monitor, service)) problems.push(`the ServiceMonitor ${monitor.metadata.name} does not select ${name}`);
      const reached = (monitor.spec.endpoints ?? []).some((e) => service.spec.ports.some((sp) => sp.name === e.port && resolvePort(container, sp.targetPort ?? sp.port) === port));
      if (!reached) problems.push(`the ServiceMonitor ${monitor.metadata.name} scrapes no port of ${name} that reaches ${variable}=${port}`);
    }
  }
  for (const monitor of monitors) {
    const ports = monitor.spec.endpoints?.map((e) => e.port) ?? [];
    if (!ports.every((p) => of('Service').some((s) => s.spec.ports.some((sp) => sp.name === p)))) problems.push('the ServiceMonitor names a port no Service has');
    problems.push(...scrapeLabelProblems(monitor, of('Service').filter((service) => selects(monitor, service))));
  }
  return problems;
};

/**
 * The read-model names values.schema.json lets through to
 * PROJECTIONS_READ_MODELS, from its pattern `^$|^(a|b)(,(a|b))*$`, against the
 * projections catalogue: a name only the schema knows would crash the pods at
 * start, one only the catalogue knows could not be chosen.
 */
const schemaReadModels = (schemaText) => {
  const pattern = JSON.parse(schemaText).properties?.projections?.properties?.readModels?.pattern ?? '';
  const match = /^\^\$\|\^\(([a-z0-9|-]+)\)\(,\(\1\)\)\*\$$/.exec(pattern);
  return match ? match[1].split('|') : undefined;
};
const readModelsProblems = (schemaText, catalogueNames) => {
  const names = schemaReadModels(schemaText);
  if (!names) return ['values.schema.json: projections.readModels.pattern is no longer ^$|^(a|b)(,(a|b))*$; update tools/deploy/checks/helm.js'];
  return [
    ...names.filter((n) => !catalogueNames.includes(n)).map((n) => `values.schema.json accepts read model ${n}, which the projections process does not host (${catalogueNames.join(', ')})`),
    ...catalogueNames.filter((n) => !names.includes(n)).map((n) => `values.schema.json refuses read model ${n}, which the projections process hosts`),
  ];
};

module.exports = { chartDir, helmLint, helmTemplate, kubeValidate, validateServiceMonitor, chartProblems, isServiceMonitor, schemaReadModels, readModelsProblems };
