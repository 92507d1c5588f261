// FerretDB v1 with its SQLite handler: a MongoDB wire-protocol server that
// needs no other database. Built from source with the machine's Go, once, with
// the patches in ferretdb-patches/, into .infra/cache/ferretdb-<version>-<patches' digest>/ferretdb.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { log, seconds, run } = require('./processes');

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
// FerretDB v1.24.2's go.mod says `go 1.24`; an older Go would try to download a toolchain.
const MIN_GO_MINOR = 24;

const PATCHES_DIR = path.join(__dirname, 'ferretdb-patches');

/** The patches applied to FerretDB's source before it is built, in the order of their names. */
const patchFiles = () =>
  fs.readdirSync(PATCHES_DIR).filter((name) => name.endsWith('.patch')).sort().map((name) => path.join(PATCHES_DIR, name));

/**
 * Part of the binary's directory name, so that a change to the patches (or a
 * binary built before there were any) is never taken for the current build.
 */
const patchesDigest = () => {
  const hash = createHash('sha256');
  for (const file of patchFiles()) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 8);
};

const binaryPath = (root) => path.join(root, '.infra', 'cache', `ferretdb-${FERRETDB_VERSION}-${patchesDigest()}`, 'ferretdb');

// GOTOOLCHAIN=local: fail clearly rather than fetch another Go behind our back.
// -buildvcs=false: the scratch module is not a repository worth stamping.
const goEnv = { GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false' };

const checkGo = async () => {
  const version = await run('go', ['version'], { env: goEnv }).catch(() => {
    throw new Error(`Go 1.${MIN_GO_MINOR}+ is needed to build FerretDB ${FERRETDB_VERSION} (Debian's golang package is usually too old; see https://go.dev/dl/).`);
  });
  const match = /go1\.(\d+)/.exec(version);
  if (!match || Number(match[1]) < MIN_GO_MINOR) {
    throw new Error(`FerretDB ${FERRETDB_VERSION} needs Go 1.${MIN_GO_MINOR}+, found: ${version.trim()}`);
  }
  return version.trim();
};

/** Prints a line every 15 s so a minute of silent compiling does not look like a hang. */
const withHeartbeat = async (label, work) => {
  const started = Date.now();
  const timer = setInterval(() => log(`FerretDB: still ${label} (${seconds(started)})`), 15_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
};

/**
 * Applies each patch to the vendored module with `git apply`, which works outside
 * a repository and applies all of a patch or none of it; `patch` is not on every
 * machine. The ceiling keeps git from treating a repository above the scratch
 * directory (a TMPDIR inside one) as the root the patch's paths are relative to.
 */
const applyPatches = async (root, work) => {
  const moduleDir = path.join('vendor', ...MODULE.split('/'));
  for (const file of patchFiles()) {
    log(`FerretDB: applying ${path.basename(file)}`);
    await run('git', ['apply', '--unsafe-paths', `--directory=${moduleDir}`, file], {
      cwd: work,
      env: { GIT_CEILING_DIRECTORIES: path.dirname(work) },
    }).catch((error) => {
      throw new Error(`${path.relative(root, file)} could not be applied to FerretDB ${FERRETDB_VERSION}'s source (it needs git, and a patch made for that version):\n${error.message}`);
    });
  }
};

/**
 * `go install …@v1.24.2` cannot be used here (the module proxy refuses the
 * deprecation lookup it makes), so: a throwaway module that requires FerretDB,
 * vendored, built with -mod=vendor. The module zip lacks build/version/version.txt,
 * which the binary embeds and panics without, so it is written in by hand. The
 * patches go into the vendored copy, never into Go's shared module cache.
 */
const installFerretDB = async (root) => {
  const target = binaryPath(root);
  if (fs.existsSync(target)) return;
  const started = Date.now();
  log(`FerretDB ${FERRETDB_VERSION}: building from source with ${await checkGo()} (about a minute the first time)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-ferretdb-build-'));
  try {
    fs.writeFileSync(path.join(work, 'go.mod'), `module ferretbuild\n\ngo 1.${MIN_GO_MINOR}\n\nrequire ${MODULE} ${FERRETDB_VERSION}\n`);
    fs.writeFileSync(path.join(work, 'tools.go'), `//go:build tools\n\npackage tools\n\nimport _ "${MODULE}/cmd/ferretdb"\n`);
    log('FerretDB: go mod tidy (resolves dependencies through the Go module proxy)');
    await withHeartbeat('resolving modules', () => run('go', ['mod', 'tidy'], { cwd: work, env: goEnv }));
    log('FerretDB: go mod vendor');
    await withHeartbeat('vendoring', () => run('go', ['mod', 'vendor'], { cwd: work, env: goEnv }));
    fs.writeFileSync(path.join(work, 'vendor', ...MODULE.split('/'), 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await applyPatches(root, work);
    // -trimpath keeps the scratch directory's name out of the build cache keys,
    // so a rebuild reuses Go's cache (seconds instead of a minute).
    log('FerretDB: go build');
    const scratch = `${target}.partial-${process.pid}`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await withHeartbeat('compiling', () => run('go', ['build', '-mod=vendor', '-trimpath', '-o', scratch, `${MODULE}/cmd/ferretdb`], { cwd: work, env: goEnv }));
    const printed = await run(scratch, ['--version']);
    if (!printed.includes(FERRETDB_VERSION)) throw new Error(`The FerretDB build reports an unexpected version:\n${printed}`);
    fs.renameSync(scratch, target); // atomic: a half-written binary never counts as installed
    log(`FerretDB ${FERRETDB_VERSION}: built ${path.relative(root, target)} (${seconds(started)})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(`${target}.partial-${process.pid}`, { force: true });
  }
};

/** The server description servers.js launches: one port. */
const ferretdbServer = {
  key: 'ferretdb',
  name: `FerretDB ${FERRETDB_VERSION}`,
  portCount: 1,
  startTimeoutMs: 30_000,
  stopSignal: 'SIGTERM',
  stopTimeoutMs: 15_000,
  install: installFerretDB,
  prepare: async ({ root, dir, ports: [port] }) => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    return {
      command: binaryPath(root),
      args: [
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${dir}`,
        '--debug-addr=-', // no metrics listener: one port less to collide on
        '--telemetry=disable',
        // Not warn: at warn FerretDB logs every error reply in full, e.g. for the `endSessions`
        // (unsupported) that every MongoDB driver sends when it closes.
        '--log-level=error',
      ],
    };
  },
  url: ([port]) => `mongodb://127.0.0.1:${port}/`,
  env: (url) => ({ MONGODB_URL: url }),
  /** Ready once a MongoDB driver gets an answer to `ping` over the wire. */
  probe: async (url) => {
    const { mongo } = require('mongoose');
    const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000, directConnection: true });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } finally {
      await client.close().catch(() => undefined);
    }
  },
};

/**
 * The same FerretDB on its PostgreSQL handler, storing in `postgresUrl`'s
 * database: for the benchmarks, and the specs that check both handlers. Both
 * find a document by `_id` through their index once patched. Where a filter has
 * no `_id`, this one still scans, but in PostgreSQL: it passes equalities on
 * other fields down, while the SQLite handler (the tests' default) decodes every document in Go (docs/read-store.md).
 *
 * Its connection pool is raised from FerretDB's 50 to `poolMaxConns`: the
 * handler keeps a pooled connection per statement until a command ends
 * (docs/benchmarks.md, the pool deadlock), so with enough writes in flight
 * they all wait on each other for ever (seen with 72 in flight: every log
 * line `Acquire … 5000 ms`, every client timing out, the machine idle). The
 * server must allow that many connections (tools/infra/postgres.js: 300).
 */
const poolMaxConns = 150;
const withPoolSize = (url) => `${url}${url.includes('?') ? '&' : '?'}pool_max_conns=${poolMaxConns}`;

const ferretdbServerOnPostgres = (postgresUrl) => ({
  ...ferretdbServer,
  key: 'ferretdb-postgresql',
  name: `FerretDB ${FERRETDB_VERSION} (PostgreSQL handler)`,
  prepare: async ({ root, dir, ports: [port] }) => ({
    command: binaryPath(root),
    args: [
      '--handler=postgresql',
      `--postgresql-url=${withPoolSize(postgresUrl)}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
  }),
});

module.exports = { FERRETDB_VERSION, ferretdbServer, ferretdbServerOnPostgres, installFerretDB };
