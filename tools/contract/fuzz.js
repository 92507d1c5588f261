#!/usr/bin/env node
// Fuzzes the standalone host's API against its own OpenAPI document with
// schemathesis (PyPI): examples, coverage, fuzzing and stateful phases, every
// check on but those tools/contract/schemathesis.toml turns off, and why. Installs schemathesis once into .infra/cache, starts the built
// host (`npm run build` first) on a free port over a fresh embedded store,
// runs, stops the host, and exits with schemathesis's own exit code.
//
//   node tools/contract/fuzz.js [--max-examples N] [--seed S]
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');

const SCHEMATHESIS_VERSION = '4.32.5';
const root = path.resolve(__dirname, '..', '..');
const venv = path.join(root, '.infra', 'cache', 'contract-tools', `schemathesis-${SCHEMATHESIS_VERSION}`);
const st = path.join(venv, 'bin', 'st');
const marker = path.join(venv, '.installed');

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`contract: --${name} needs a non-negative integer, got ${process.argv[index + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  return value;
};
const maxExamples = option('max-examples', 30);
const seed = option('seed', 1);

const install = () => {
  if (fs.existsSync(marker)) return;
  console.log(`contract: installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(root, venv)}`);
  fs.rmSync(venv, { recursive: true, force: true });
  for (const [command, args] of [['python3', ['-m', 'venv', venv]], [path.join(venv, 'bin', 'pip'), ['install', '-q', `schemathesis==${SCHEMATHESIS_VERSION}`]]]) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`contract: ${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
  fs.writeFileSync(marker, `${SCHEMATHESIS_VERSION}\n`);
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const startHost = async (dataDir) => {
  const main = path.join(root, 'dist', 'apps', 'standalone', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error('contract: dist/ is missing; run `npm run build` first');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', EVENTSTORE_URL: `embedded:${path.join(dataDir, 'events')}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`contract: the standalone host exited (${code ?? signal}) during the run`);
      process.exit(1);
    }
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
};
let stopping = false;

const waitUntilReady = async (baseUrl) => {
  // A bound against hanging, not a speed check: a fresh store is ready at once on an idle machine.
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
    const answer = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('contract: the standalone host did not get ready within 5 minutes');
};

const main = async () => {
  install();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-contract-'));
  const { child, baseUrl } = await startHost(dataDir);
  try {
    await waitUntilReady(baseUrl);
    const args = [
      '--config-file', path.join(__dirname, 'schemathesis.toml'),
      'run', `${baseUrl}/api/openapi.json`,
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', String(maxExamples),
      '--seed', String(seed),
      '--workers', '2',
      '--continue-on-failure',
    ];
    console.log(`contract: st ${args.join(' ')}`);
    // The hooks drop generated queries that break a rule across two parameters (see hooks.py).
    const env = { ...process.env, SCHEMATHESIS_HOOKS: 'hooks' };
    return spawnSync(st, args, { stdio: 'inherit', cwd: __dirname, env }).status ?? 1;
  } finally {
    stopping = true;
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then((code) => process.exit(code), (error) => {
  console.error(error.message);
  process.exit(1);
});
