// Small helpers shared by the deployment checks: running a tool and keeping
// its whole output, and where things live.
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
/** Everything the checks install lives here (.infra/ is git-ignored). */
const cacheDir = path.join(root, '.infra', 'cache');
const toolsDir = path.join(cacheDir, 'deploy-tools');

const log = (message) => console.error(`[deploy-check] ${message}`);
const seconds = (sinceMs) => `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;

/**
 * Runs a command to completion and resolves with its exit code and both
 * outputs, never rejecting on a non-zero exit: the checks decide what a
 * failure means (the negative self-checks expect one).
 */
const exec = (command, args, { cwd = root, env, input } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(input ?? '');
  });

/** Like exec, but a non-zero exit is an error carrying the end of the output. */
const mustExec = async (command, args, options) => {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}${result.stderr}`.trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.code}):\n${output}`);
  }
  return result;
};

/** The last lines of a tool's output, for a failure message. */
const tail = (text, lines = 15) => text.trimEnd().split('\n').slice(-lines).join('\n');

module.exports = { root, cacheDir, toolsDir, log, seconds, exec, mustExec, tail };
