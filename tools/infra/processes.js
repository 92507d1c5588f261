// Process plumbing shared by the installers and the servers: free loopback
// ports, detached servers in their own process group, readiness polling with a
// deadline, and stopping by pid (so `infra down` can stop what another process
// started, from state.json).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const { setTimeout: sleep } = require('node:timers/promises');

// Progress goes to stderr so that stdout carries only the export lines: eval "$(node tools/infra/infra.js up)".
const log = (message) => console.error(`[infra] ${message}`);

const seconds = (sinceMs) => `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;

/** A port the kernel just handed out on 127.0.0.1; another process could still take it before we bind, hence the retries in servers.js. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const tail = (file, lines = 20) => {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** True while the pid exists and is not a zombie we (as its parent) have not reaped yet. */
const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    return !/\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
};

/** The command line of a live pid, to make sure a recorded pid still is our server and not a recycled one. */
const commandLine = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/**
 * Starts a server detached (own session and process group, output to logFile),
 * so it outlives `infra up` and a Ctrl-C in the terminal does not reach it.
 * Returns the child; callers keep only its pid.
 */
const spawnServer = ({ command, args, env, logFile, uid, gid, cwd }) => {
  const out = fs.openSync(logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', out, out],
      ...(uid === undefined ? {} : { uid, gid }),
    });
    child.on('error', (error) => fs.appendFileSync(logFile, `\nspawn ${command} failed: ${error.message}\n`));
    // The event loop must not wait for a server that is meant to keep running.
    child.unref();
    return child;
  } finally {
    fs.closeSync(out);
  }
};

/**
 * Polls `probe` until it resolves, the process dies or the deadline passes.
 * Errors name the component and carry the tail of its log, because that is
 * where the reason is (a bad flag, a taken port, a missing JVM).
 */
const waitUntilReady = async ({ name, pid, logFile, probe, timeoutMs }) => {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (!isAlive(pid)) throw new Error(`${name} exited during startup. Last lines of ${logFile}:\n${tail(logFile)}`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${name} did not answer within ${timeoutMs / 1000} s (${lastError && lastError.message}). Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(200);
  }
};

const waitForExit = async (pid, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
};

/**
 * Graceful signal to the leader only (PostgreSQL wants SIGINT on the
 * postmaster, not on every backend), then SIGKILL to the whole group after the
 * deadline so no child survives.
 */
const stopPid = async (pid, { signal = 'SIGTERM', timeoutMs = 20_000 } = {}) => {
  if (!pid || !isAlive(pid)) return 'not running';
  try {
    process.kill(pid, signal);
  } catch {
    return 'not running';
  }
  if (await waitForExit(pid, timeoutMs)) return 'stopped';
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  await waitForExit(pid, 5_000);
  return 'killed';
};

/** Runs a build step, streaming nothing; on failure the error carries the end of its output. */
const run = (command, args, { cwd, env } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.trimEnd().split('\n').slice(-25).join('\n')}`));
    });
  });

module.exports = { log, seconds, freePort, tail, isAlive, commandLine, spawnServer, waitUntilReady, stopPid, run };
