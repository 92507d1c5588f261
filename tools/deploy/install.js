// Installs the deployment checks' tools into .infra/cache (git-ignored), once,
// from the package registries this project may use. Pinned versions: a check
// that changes because a tool moved under it is no check.
//
//   helm 3            Go module proxy: go install, stamped like the official build
//   kubernetes-validate  PyPI: Kubernetes JSON schemas bundled, so no download at run time
//   docker-compose 1  PyPI: `docker-compose config` (the v2 plugin is a binary download)
//   tally             PyPI: Dockerfile linter with BuildKit's checks (a Go binary in the wheel)
//   @kubernetes-models/prometheus-operator  npm: ServiceMonitor schema (a CRD, not in Kubernetes' schemas)
//
// Each install is idempotent: a marker file is written last, so a half-done
// install (interrupted, failed) is thrown away and redone on the next run.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cacheDir, toolsDir, log, seconds, exec, mustExec } = require('./lib');

const HELM_VERSION = 'v3.22.0';
// helm v3.22.0 builds against k8s.io/client-go v0.37.0. Its Makefile stamps
// that Kubernetes version into the binary with -ldflags (default capabilities
// and the deprecated-API lint rules); a plain `go install` would leave 1.20.
const HELM_KUBE_MINOR = '37';
const KUBERNETES_VALIDATE_VERSION = '1.37.0';
const DOCKER_COMPOSE_VERSION = '1.29.2';
const TALLY_VERSION = '0.45.0';
const PROMETHEUS_OPERATOR_MODELS_VERSION = '6.0.0';

const helmBinary = path.join(cacheDir, 'bin', 'helm');
const venvDir = (name, version) => path.join(toolsDir, `${name}-${version}`);
const marker = (dir) => path.join(dir, '.installed');

const tools = {
  helm: helmBinary,
  kubernetesValidate: path.join(venvDir('kubernetes-validate', KUBERNETES_VALIDATE_VERSION), 'bin', 'kubernetes-validate'),
  dockerCompose: path.join(venvDir('docker-compose', DOCKER_COMPOSE_VERSION), 'bin', 'docker-compose'),
  /** The docker-compose venv's Python: it carries docker-py, whose .dockerignore rules the context check uses. */
  composePython: path.join(venvDir('docker-compose', DOCKER_COMPOSE_VERSION), 'bin', 'python'),
  tally: path.join(venvDir('tally', TALLY_VERSION), 'bin', 'tally'),
  serviceMonitorModel: path.join(venvDir('prometheus-operator-models', PROMETHEUS_OPERATOR_MODELS_VERSION), 'node_modules',
    '@kubernetes-models', 'prometheus-operator', 'monitoring.coreos.com', 'v1', 'ServiceMonitor.js'),
};

const versions = {
  helm: HELM_VERSION,
  'kubernetes-validate': KUBERNETES_VALIDATE_VERSION,
  'docker-compose': DOCKER_COMPOSE_VERSION,
  tally: TALLY_VERSION,
  '@kubernetes-models/prometheus-operator': PROMETHEUS_OPERATOR_MODELS_VERSION,
};

// GOTOOLCHAIN=local: fail clearly rather than fetch another Go behind our back.
const goEnv = { GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' };
const helmLdflags = [
  '-s', '-w',
  `-X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}`,
  ...['pkg/chartutil', 'pkg/lint/rules'].flatMap((pkg) => [
    `-X helm.sh/helm/v3/${pkg}.k8sVersionMajor=1`,
    `-X helm.sh/helm/v3/${pkg}.k8sVersionMinor=${HELM_KUBE_MINOR}`,
  ]),
].join(' ');

const helmReports = async (binary) => {
  const { code, stdout } = await exec(binary, ['version', '--template', '{{.Version}}']);
  return code === 0 && stdout.trim() === HELM_VERSION;
};

/**
 * `go install helm.sh/helm/v3/cmd/helm@v3.22.0` into a scratch GOBIN, renamed
 * into place once it reports its version. If go install is refused (it makes
 * lookups a proxy may not answer), a throwaway module requiring helm is built
 * instead, as tools/infra/ferretdb.js does for FerretDB.
 */
const installHelm = async () => {
  if (fs.existsSync(helmBinary) && (await helmReports(helmBinary))) return false;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-helm-'));
  try {
    const built = path.join(scratch, 'bin', 'helm');
    const viaInstall = await exec('go', ['install', '-trimpath', `-ldflags=${helmLdflags}`, `helm.sh/helm/v3/cmd/helm@${HELM_VERSION}`],
      { env: { ...goEnv, GOBIN: path.join(scratch, 'bin') } });
    if (viaInstall.code !== 0) {
      log(`helm: go install failed, building from a throwaway module instead:\n${viaInstall.stderr.trim().split('\n').slice(-5).join('\n')}`);
      const work = path.join(scratch, 'module');
      fs.mkdirSync(work);
      fs.writeFileSync(path.join(work, 'go.mod'), `module helmbuild\n\ngo 1.26\n\nrequire helm.sh/helm/v3 ${HELM_VERSION}\n`);
      fs.writeFileSync(path.join(work, 'tools.go'), '//go:build tools\n\npackage tools\n\nimport _ "helm.sh/helm/v3/cmd/helm"\n');
      await mustExec('go', ['mod', 'tidy'], { cwd: work, env: goEnv });
      await mustExec('go', ['build', '-trimpath', `-ldflags=${helmLdflags}`, '-o', built, 'helm.sh/helm/v3/cmd/helm'], { cwd: work, env: goEnv });
    }
    if (!(await helmReports(built))) throw new Error(`the helm built does not report ${HELM_VERSION}`);
    fs.mkdirSync(path.dirname(helmBinary), { recursive: true });
    fs.renameSync(built, helmBinary); // atomic: a half-written binary never counts as installed
    return true;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

/** A virtualenv per tool: docker-compose 1 pins PyYAML < 6 and jsonschema < 4, kubernetes-validate needs newer ones. */
const installVenv = async (dir, requirement, env = {}, prepare = () => {}) => {
  if (fs.existsSync(marker(dir))) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  await mustExec('python3', ['-m', 'venv', dir]);
  prepare(dir);
  await mustExec(path.join(dir, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', requirement], { env });
  fs.writeFileSync(marker(dir), `${requirement}\n`);
  return true;
};

const installComposeV1 = () => {
  const dir = venvDir('docker-compose', DOCKER_COMPOSE_VERSION);
  const constraints = path.join(dir, 'build-constraints.txt');
  // PyYAML 5.4.1 (docker-compose 1.29.2 wants < 6) ships as an sdist that no
  // longer builds with Cython 3; PIP_CONSTRAINT reaches pip's isolated build
  // environment too, so its build gets a Cython 2.
  return installVenv(dir, `docker-compose==${DOCKER_COMPOSE_VERSION}`, { PIP_CONSTRAINT: constraints },
    () => fs.writeFileSync(constraints, 'cython<3\n'));
};

const installNpmPackage = async (dir, spec) => {
  if (fs.existsSync(marker(dir))) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  // Its base package declares node >= 22 but runs on 20 (validated by the self-check); hence --loglevel=error.
  await mustExec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dir, spec]);
  fs.writeFileSync(marker(dir), `${spec}\n`);
  return true;
};

const timed = async (name, install) => {
  const started = Date.now();
  try {
    const installedNow = await install();
    if (installedNow) log(`${name} ${versions[name]}: installed (${seconds(started)})`);
    return { name, version: versions[name], installedNow, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`installing ${name} ${versions[name]} failed: ${error.message}`);
  }
};

/** Installs what is missing, in parallel (Go compiles while pip and npm download). */
const installAll = async () => {
  log(`tools: ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(', ')} (into .infra/cache)`);
  const results = await Promise.allSettled([
    timed('helm', installHelm),
    timed('kubernetes-validate', () => installVenv(venvDir('kubernetes-validate', KUBERNETES_VALIDATE_VERSION), `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`)),
    timed('docker-compose', installComposeV1),
    timed('tally', () => installVenv(venvDir('tally', TALLY_VERSION), `tally-cli==${TALLY_VERSION}`)),
    timed('@kubernetes-models/prometheus-operator', () =>
      installNpmPackage(venvDir('prometheus-operator-models', PROMETHEUS_OPERATOR_MODELS_VERSION), `@kubernetes-models/prometheus-operator@${PROMETHEUS_OPERATOR_MODELS_VERSION}`)),
  ]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (failed.length > 0) throw new Error(failed.join('\n'));
  return results.map((r) => r.value);
};

module.exports = { installAll, tools, versions };
