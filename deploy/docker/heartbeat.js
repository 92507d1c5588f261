// Liveness signal for the worker images (relay, projections), which serve no
// HTTP yet. Preloaded by the image's ENTRYPOINT (`node --require`), it rewrites
// a small file from the worker's own event loop every few seconds; the health
// check (healthcheck.js heartbeat) fails when the file grows stale, i.e. when
// the process is gone or its event loop is stuck.
//
// It proves the process is alive and responsive, not that it is making
// progress (a worker blocked on a dead broker still beats). /health/live and
// /health/ready come with the observability work; the probes switch to HTTP then.
'use strict';
const fs = require('node:fs');
const { setInterval } = require('node:timers');

const file = process.env.MERIDIAN_HEARTBEAT_FILE || '/tmp/meridian-heartbeat';
const intervalMs = Number(process.env.MERIDIAN_HEARTBEAT_INTERVAL_MS) || 5000;
let warned = false;

const beat = () => {
  try {
    fs.writeFileSync(file, `${process.pid} ${Date.now()}\n`);
  } catch (error) {
    // Say it once, on stderr (stdout carries the worker's JSON log lines); the check then fails visibly.
    if (!warned) process.stderr.write(`heartbeat: cannot write ${file}: ${error.message}\n`);
    warned = true;
  }
};

beat();
// unref: the heartbeat must never keep a worker alive that has finished its own shutdown.
setInterval(beat, intervalMs).unref();
process.once('exit', () => fs.rmSync(file, { force: true }));
