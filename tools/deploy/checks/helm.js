// Checks of the Helm chart without a cluster:
// - `helm lint --strict` and `helm template` (values.schema.json applies to both);
// - every rendered manifest against the Kubernetes OpenAPI schemas in strict
//   mode (unknown fields are errors), with kubernetes-validate, which bundles
//   the schemas (kubeconform would download them);
// - the ServiceMonitor, a prometheus-operator CRD that Kubernetes' schemas do
//   not know, against the schema generated from prometheus-operator's API types;
// - what this project relies on (chartProblems) and, through the processes'
//   own config loaders, the environment each Deployment gets.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const YAML = require('yaml');
const { root, exec } = require('../lib');
const { settingsProblems } = require('./settings');

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
    if (!container.livenessProbe) problems.push(`${name}: no liveness probe`);
    if (kind === 'http') {
      if (container.livenessProbe?.httpGet?.path !== '/health/live' || container.readinessProbe?.httpGet?.path !== '/health/ready') {
        problems.push(`${name}: probes must be /health/live and /health/ready`);
      }
      const short = name.replace(/^meridian-/, '');
      if (!of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name) && deployment.spec.replicas === undefined) problems.push(`${name}: no replicas and no HPA`);
      if (!of('PodDisruptionBudget').some((p) => p.metadata.name === name)) problems.push(`${name}: no PodDisruptionBudget (${short})`);
    }
    for (const problem of await settingsProblems(kind, environmentOf(deployment, docs, secretStandIn))) problems.push(`${name} environment: ${problem}`);
  }
  const routes = of('Ingress').flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => [p.path, p.backend.service.name])));
  for (const prefix of ['/api/v1/opportunities', '/api/v1/analytics']) {
    if (!routes.some(([p, service]) => p === prefix && service.endsWith('-opportunities'))) problems.push(`the Ingress does not route ${prefix} to the opportunities service`);
  }
  for (const monitor of docs.filter(isServiceMonitor)) {
    const ports = monitor.spec.endpoints?.map((e) => e.port) ?? [];
    if (!ports.every((p) => of('Service').some((s) => s.spec.ports.some((sp) => sp.name === p)))) problems.push('the ServiceMonitor names a port no Service has');
  }
  return problems;
};

module.exports = { chartDir, helmLint, helmTemplate, kubeValidate, validateServiceMonitor, chartProblems, isServiceMonitor };
