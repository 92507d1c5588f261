// Are the environment variables a deployment hands a process ones that the
// process accepts? Asked of the processes' own configuration loaders (the
// compiled ones in dist/, exactly what the images run), so a value the compose
// file or the chart gets wrong fails here, not at the first start in a cluster.
// A variable that no loader reads at all is reported too: a typo such as
// RELAY_BATCHSIZE would otherwise be ignored silently.
const fs = require('node:fs');
const path = require('node:path');
const { root, log, mustExec } = require('../lib');

const loaders = {
  http: { file: 'dist/libs/platform/nest/src/index.js', name: 'loadConfig' },
  relay: { file: 'dist/apps/relay/src/relay.config.js', name: 'loadRelayConfig' },
  projections: { file: 'dist/apps/projections/src/projections.config.js', name: 'loadProjectionsConfig' },
};

/** Read by the images or the runtime rather than by a Meridian loader. */
const platformVariables = new Set(['NODE_ENV', 'MERIDIAN_HEARTBEAT_FILE', 'MERIDIAN_HEARTBEAT_INTERVAL_MS', 'MERIDIAN_HEARTBEAT_MAX_AGE_MS', 'NODE_OPTIONS']);

let loaded;
/** The loaders from dist/; builds it (npm run build, SWC, seconds) when it is missing. */
const loadLoaders = async () => {
  if (loaded) return loaded;
  if (Object.values(loaders).some(({ file }) => !fs.existsSync(path.join(root, file)))) {
    log('dist/ is missing or incomplete: npm run build');
    await mustExec('npm', ['run', 'build']);
  }
  loaded = Object.fromEntries(Object.entries(loaders).map(([kind, { file, name }]) => {
    const load = require(path.join(root, file))[name];
    if (typeof load !== 'function') throw new Error(`${file} no longer exports ${name}: update tools/deploy/checks/settings.js`);
    return [kind, load];
  }));
  return loaded;
};

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

module.exports = { settingsProblems };
