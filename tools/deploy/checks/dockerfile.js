// Checks of the Dockerfile and its build context, without a Docker engine:
// - tally, a Dockerfile linter (BuildKit's own checks, Hadolint-compatible
//   rules, ShellCheck on RUN), configured by tools/deploy/tally.toml;
// - the shape this project relies on: a target per deployable, each with a
//   non-root user, a HEALTHCHECK on /health/live at the port the process
//   listens on (tools/deploy/services.js), OCI labels, and an entry point
//   that exists and preloads nothing;
// - the build context as .dockerignore leaves it (docker-py's rules, which
//   docker-compose v1 and the classic builder share): every workspace manifest
//   and every file the Dockerfile copies is in it, local state is not.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, exec } = require('../lib');
const { deployables: allDeployables } = require('../services');

const deployables = allDeployables.map(({ target }) => target);
const deployableOf = Object.fromEntries(allDeployables.map((d) => [d.target, d]));
const healthScript = '/app/deploy/healthcheck.js';

/** tally on a Dockerfile (path), with the build context for its context-aware rules. */
const lintDockerfile = async (tally, dockerfile) => {
  const { code, stdout, stderr } = await exec(tally, ['lint', '--no-color', '--slow-checks', 'off', '--fail-level', 'warning',
    '--config', path.join(root, 'tools', 'deploy', 'tally.toml'), '--context', root, '--format', 'json', dockerfile]);
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { ok: false, problems: [`tally could not lint it (exit ${code}): ${stderr.trim() || stdout.trim()}`] };
  }
  const findings = report.files.flatMap((file) => file.violations)
    .map((v) => `${v.severity} ${v.rule} (line ${v.location.start.line}): ${v.message}`);
  return { ok: code === 0, problems: findings, summary: report.summary, rules: report.rules_enabled };
};

/** Instructions per stage, from a plain reading of the file (continuations joined, comments dropped). */
const stagesOf = (text) => {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages = [];
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (/^FROM$/i.test(instruction)) {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args.replace(/--platform=\S+\s+/, ''));
      stages.push({ base: match?.[1], name: match?.[2], instructions: [] });
    } else if (stages.length > 0) stages[stages.length - 1].instructions.push({ instruction: instruction.toUpperCase(), args });
  }
  return stages;
};

/** An exec-form instruction's argument list (HEALTHCHECK … CMD [...], ENTRYPOINT [...]); undefined for the shell form. */
const execForm = (args) => {
  const match = /(\[.*\])\s*$/.exec(args);
  try {
    return match ? JSON.parse(match[1]) : undefined;
  } catch {
    return undefined;
  }
};

/** KEY=VALUE pairs of every ENV in a stage's lineage, later ones winning (the legacy `ENV KEY VALUE` form is not used here). */
const envOf = (instructions) =>
  Object.fromEntries(instructions.filter((i) => i.instruction === 'ENV').flatMap((i) => [...i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)].map((m) => [m[1], m[2].replace(/^"|"$/g, '')])));

/**
 * The health check of a deployable: exec form, GET /health/live through
 * healthcheck.js on the variable holding the port the process listens on
 * (PORT for the HTTP hosts, RELAY_HTTP_PORT / PROJECTIONS_HTTP_PORT for the
 * workers), that variable set in the image to a port the image EXPOSEs, and
 * no preloaded script in the entry point (the workers' old heartbeat).
 */
const healthProblems = (app, all, healthcheck, entrypoint) => {
  const { portVariable } = deployableOf[app];
  const problems = [];
  const command = execForm(healthcheck.args);
  const expected = ['node', healthScript, 'http', '/health/live', ...(portVariable === 'PORT' ? [] : [portVariable])];
  // The script's port variable defaults to PORT, so the HTTP hosts may name it or not.
  const accepted = portVariable === 'PORT' ? [expected, [...expected, 'PORT']] : [expected];
  if (!command || !accepted.some((a) => JSON.stringify(a) === JSON.stringify(command))) {
    problems.push(`${app}: HEALTHCHECK must be CMD ${JSON.stringify(expected)} (the port ${app} listens on, from ${portVariable}), is ${healthcheck.args}`);
  }
  const port = envOf(all)[portVariable];
  if (!/^[1-9][0-9]*$/.test(port ?? '')) problems.push(`${app}: the image does not set ${portVariable} to a port (ENV ${portVariable}=…), so the health check cannot know where to look`);
  else if (!all.some((i) => i.instruction === 'EXPOSE' && i.args.split(/\s+/).some((p) => p.replace(/\/tcp$/, '') === port))) problems.push(`${app}: listens on ${portVariable}=${port} but does not EXPOSE ${port}`);
  if ((execForm(entrypoint?.args ?? '') ?? []).some((arg) => arg === '--require' || arg === '-r' || String(arg).startsWith('--require='))) {
    problems.push(`${app}: ENTRYPOINT preloads a script (${entrypoint.args}); the health check needs none`);
  }
  return problems;
};

/** Follows a stage's FROM chain inside the file, nearest first. */
const lineage = (stages, stage) => {
  const chain = [];
  for (let current = stage; current; current = stages.find((s) => s.name && s.name === current.base)) chain.push(current);
  return chain;
};

const dockerfileProblems = (text) => {
  const stages = stagesOf(text);
  const problems = [];
  for (const app of deployables) {
    const stage = stages.find((s) => s.name === app);
    if (!stage) {
      problems.push(`no build target "${app}"`);
      continue;
    }
    const all = lineage(stages, stage).reverse().flatMap((s) => s.instructions);
    const last = (name) => all.filter((i) => i.instruction === name).at(-1);
    const user = last('USER');
    if (!user || /^(root|0)(:|$)/.test(user.args)) problems.push(`${app}: runs as root (last USER: ${user?.args ?? 'none'})`);
    const healthcheck = last('HEALTHCHECK');
    if (!healthcheck || /^NONE$/i.test(healthcheck.args)) problems.push(`${app}: no HEALTHCHECK`);
    else problems.push(...healthProblems(app, all, healthcheck, last('ENTRYPOINT')));
    for (const label of ['title', 'description', 'version', 'revision', 'source', 'licenses']) {
      if (!all.some((i) => i.instruction === 'LABEL' && i.args.includes(`org.opencontainers.image.${label}=`))) problems.push(`${app}: no OCI label org.opencontainers.image.${label}`);
    }
    const entrypoint = last('ENTRYPOINT');
    const main = `dist/apps/${app}/src/main.js`;
    if (!entrypoint?.args.includes(`"${main}"`)) problems.push(`${app}: ENTRYPOINT does not run ${main}`);
    if (!fs.existsSync(path.join(root, 'apps', app, 'src', 'main.ts'))) problems.push(`${app}: apps/${app}/src/main.ts does not exist`);
    if (!all.some((i) => i.instruction === 'COPY' && i.args.includes(`/src/dist/apps/${app} `))) problems.push(`${app}: does not copy dist/apps/${app}`);
  }
  // The manifests stage copies apps/*/package.json and libs/*/*/package.json: the same globs as package.json's workspaces.
  const workspaces = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
  for (const glob of workspaces) {
    if (!text.includes(`${glob}/package.json`)) problems.push(`workspace glob "${glob}" (package.json) is not copied by the manifests stage before npm ci`);
  }
  return problems;
};

const contextScript = `
import json, sys
from docker.utils.build import exclude_paths
root, ignore = sys.argv[1], sys.argv[2]
patterns = [l.strip() for l in open(ignore) if l.strip() and not l.strip().startswith('#')]
print(json.dumps(sorted(exclude_paths(root, patterns))))
`;

/** The files a build context would hold under the given .dockerignore text. */
const contextFiles = async (python, dockerignoreText) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-dockerignore-'));
  try {
    fs.writeFileSync(path.join(dir, 'dockerignore'), dockerignoreText);
    fs.writeFileSync(path.join(dir, 'context.py'), contextScript);
    const { code, stdout, stderr } = await exec(python, [path.join(dir, 'context.py'), root, path.join(dir, 'dockerignore')]);
    if (code !== 0) throw new Error(`docker-py could not compute the context: ${stderr.trim()}`);
    return new Set(JSON.parse(stdout));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const workspaceManifests = () => {
  const found = [];
  for (const top of ['apps', 'libs']) {
    const walk = (dir, depth) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const sub = `${dir}/${entry.name}`;
        if (depth === 1 && fs.existsSync(path.join(root, sub, 'package.json'))) found.push(`${sub}/package.json`);
        if (depth > 1) walk(sub, depth - 1);
      }
    };
    walk(top, top === 'apps' ? 1 : 2);
  }
  return found;
};

const contextProblems = async (python, dockerignoreText) => {
  const files = await contextFiles(python, dockerignoreText);
  const problems = [];
  const required = [...workspaceManifests(), 'package.json', 'package-lock.json', 'tsconfig.base.json', 'tools/build.mjs',
    'deploy/docker/healthcheck.js', ...deployables.map((app) => `apps/${app}/src/main.ts`)];
  for (const file of required) if (!files.has(file)) problems.push(`missing from the build context: ${file}`);
  const leaked = [...files].filter((f) => /^(node_modules|dist|\.infra|\.git|\.nx|\.meridian-data|coverage)(\/|$)|\/node_modules\//.test(f));
  if (leaked.length > 0) problems.push(`local state in the build context: ${leaked.slice(0, 5).join(', ')}${leaked.length > 5 ? ', …' : ''}`);
  const specs = [...files].filter((f) => f.endsWith('.spec.ts'));
  if (specs.length > 0) problems.push(`tests in the build context (never built into an image): ${specs.slice(0, 3).join(', ')}`);
  return { problems, count: [...files].filter((f) => fs.statSync(path.join(root, f)).isFile()).length };
};

module.exports = { lintDockerfile, dockerfileProblems, contextProblems, deployables };
