// Are the environment variables a deployment hands a process ones that the
// process accepts? Asked of the processes' own configuration loaders, so a
// value the compose file or the chart gets wrong fails here, not at the first
// start in a cluster. A variable that no loader reads at all is reported too:
// a typo such as RELAY_BATCHSIZE would otherwise be ignored silently.
//
// The loaders are compiled from the current sources by the project's own build
// script (tools/build.mjs, what the images run too) into a scratch directory
// under .infra/cache, once per run: a stale dist/ would judge by old rules
// (e.g. an old read-model catalogue), and the workspace's dist/ is left alone
// for whatever else is using it.
const fs = require('node:fs');
const path = require('node:path');
const { root, cacheDir, log, seconds, mustExec } = require('../lib');

const loaders = {
  http: { file: 'libs/platform/nest/src/index.js', name: 'loadConfig' },
  relay: { file: 'apps/relay/src/relay.config.js', name: 'loadRelayConfig' },
  projections: { file: 'apps/projections/src/projections.config.js', name: 'loadProjectionsConfig' },
};
const catalogue = { file: 'apps/projections/src/read-model-catalogue.js', name: 'readModelNames' };

/** Read by the images or the runtime rather than by a Meridian loader. */
const platformVariables = new Set(['NODE_ENV', 'NODE_OPTIONS']);

/**
 * Runs tools/build.mjs on the current sources into <scratch>/dist: a copy of
 * the script (it builds next to itself) beside links to apps/, libs/ and
 * tsconfig.base.json. The scratch directory lies inside the repository, so
 * the compiled code finds the workspace's node_modules; it is removed on exit.
 */
let built;
const buildFromSources = () => {
  built ??= (async () => {
    const started = Date.now();
    fs.mkdirSync(cacheDir, { recursive: true });
    const scratch = fs.mkdtempSync(path.join(cacheDir, 'deploy-check-build-'));
    process.once('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
    fs.mkdirSync(path.join(scratch, 'tools'));
    fs.copyFileSync(path.join(root, 'tools', 'build.mjs'), path.join(scratch, 'tools', 'build.mjs'));
    for (const entry of ['apps', 'libs', 'tsconfig.base.json']) fs.symlinkSync(path.join(root, entry), path.join(scratch, entry));
    await mustExec(process.execPath, [path.join(scratch, 'tools', 'build.mjs')]);
    log(`compiled the sources for the settings checks (tools/build.mjs) in ${seconds(started)}`);
    return path.join(scratch, 'dist');
  })();
  return built;
};

const exported = async ({ file, name }, type) => {
  const value = require(path.join(await buildFromSources(), file))[name];
  if (typeof value !== type) throw new Error(`${file} no longer exports ${name}: update tools/deploy/checks/settings.js`);
  return value;
};

let loaded;
/** The processes' config loaders, compiled from the current sources. */
const loadLoaders = async () => {
  if (loaded) return loaded;
  loaded = Object.fromEntries(await Promise.all(Object.entries(loaders).map(async ([kind, loader]) => [kind, await exported(loader, 'function')])));
  return loaded;
};

/** The read models the projections process hosts (PROJECTIONS_READ_MODELS accepts exactly these). */
const readModelNames = async () => [...(await exported(catalogue, 'object'))];

/** Records which variables a loader reads, by handing it a Proxy of the environment. */
const readsOf = (load, env) => {
  const read = new Set();
  const proxy = new Proxy(env, { get: (target, key) => (typeof key === 'string' && read.add(key), target[key]) });
  let error;
  try {
    load(proxy);
  } catch (caught) {
    error = caught;
  }
  return { read, error };
};

/**
 * Problems with `env` for a process of `kind` (http, relay, projections):
 * what its loader refuses (its own message, naming the variable), and
 * variables none of the loaders reads.
 */
const settingsProblems = async (kind, env) => {
  const all = await loadLoaders();
  const { error } = readsOf(all[kind], env);
  const problems = error ? [error.message.replace(/\n\s*/g, ' ')] : [];
  const known = new Set(platformVariables);
  for (const load of Object.values(all)) for (const name of readsOf(load, env).read) known.add(name);
  const unknown = Object.keys(env).filter((name) => !known.has(name));
  if (unknown.length > 0) problems.push(`read by no Meridian process (typo?): ${unknown.join(', ')}`);
  return problems;
};

module.exports = { settingsProblems, readModelNames };
