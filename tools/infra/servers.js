// Starts and stops the server descriptions in kafka.js, ferretdb.js and
// postgres.js. Shared by `infra.js` (detached servers that outlive it) and the
// Jest global setup (servers it stops again in teardown), so both run exactly
// the same commands.
const fs = require('node:fs');
const path = require('node:path');
const { log, seconds, freePort, tail, isAlive, commandLine, spawnServer, waitUntilReady, stopPid } = require('./processes');

const root = path.resolve(__dirname, '..', '..');

// The free-port probe and the server's bind are not atomic; another process
// can take the port in between. That shows up as one of these in the log.
const portTaken = /address already in use|could not bind/i;

/**
 * Starts one server in `<runDir>/<key>/` with its output in `<runDir>/<key>.log`
 * and waits until it answers a real client. `ports` pins the ports (a restart
 * after a stop keeps its data directory too), else free ones are picked. Resolves to a plain record (pid,
 * ports, url, env) that can go into state.json and back into stopServer.
 */
const startServer = async (server, { runDir, ports: fixedPorts }) => {
  const started = Date.now();
  const named = (error) => {
    throw new Error(error.message.startsWith(server.name) ? error.message : `${server.name}: ${error.message}`);
  };
  await server.install(root).catch(named);
  const dir = path.join(runDir, server.key);
  const logFile = path.join(runDir, `${server.key}.log`);
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    // Fixed ports: a restart that clients must find at the same address (fault tests).
    const ports = fixedPorts ? [...fixedPorts] : [];
    while (ports.length < server.portCount) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port); // the kernel may hand the same port out twice in a row
    }
    const launch = await server.prepare({ root, dir, ports }).catch(named);
    fs.appendFileSync(logFile, `--- ${new Date().toISOString()} ${launch.command} ${launch.args.join(' ')}\n`);
    const child = spawnServer({ ...launch, cwd: dir, logFile });
    if (!child.pid) throw new Error(`${server.name}: could not run ${launch.command} (missing or not executable)`);
    const url = server.url(ports);
    const record = {
      key: server.key,
      name: launch.name || server.name,
      pid: child.pid,
      dir,
      logFile,
      ports,
      url,
      env: server.env(url),
      stopSignal: server.stopSignal,
      stopTimeoutMs: server.stopTimeoutMs,
    };
    try {
      await waitUntilReady({ name: record.name, pid: child.pid, logFile, probe: () => server.probe(url), timeoutMs: server.startTimeoutMs });
      record.startMs = Date.now() - started;
      return record;
    } catch (error) {
      await stopPid(child.pid, { signal: 'SIGKILL', timeoutMs: 5_000 });
      if (!fixedPorts && attempt < 3 && portTaken.test(tail(logFile, 40))) continue;
      throw error;
    }
  }
};

/**
 * Stops a server from its record. The pid must still run a command line that
 * names the server's own directory: a pid recycled since `up` is left alone.
 */
const stopServer = async (record) => {
  if (!isAlive(record.pid)) return 'not running';
  if (!commandLine(record.pid).includes(record.dir)) return `pid ${record.pid} is no longer ${record.name}; left alone`;
  return stopPid(record.pid, { signal: record.stopSignal, timeoutMs: record.stopTimeoutMs });
};

/** True when the record's process is alive, still ours, and answers its probe. */
const answers = async (server, record) => {
  if (!isAlive(record.pid) || !commandLine(record.pid).includes(record.dir)) return false;
  try {
    await server.probe(record.url);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts several servers in parallel; `announce` gets one line per server
 * with how long it took. If any fails, the others are stopped before the error surfaces:
 * a half-started set is never left running.
 */
const startServers = async (servers, { runDir, announce = log }) => {
  fs.mkdirSync(runDir, { recursive: true });
  const results = await Promise.allSettled(servers.map((server) => startServer(server, { runDir }).then((record) => {
    announce(`${Object.keys(record.env).join(', ')}: ${record.name} at ${record.url}, pid ${record.pid} (${(record.startMs / 1000).toFixed(1)} s)`);
    return record;
  })));
  const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason);
  const records = results.filter((result) => result.status === 'fulfilled').map((result) => result.value);
  if (failures.length > 0) {
    await stopServers(records, { announce });
    throw new Error(failures.map((error) => error.message).join('\n\n'));
  }
  return records;
};

const stopServers = async (records, { announce = log } = {}) => {
  await Promise.all(records.map(async (record) => {
    const started = Date.now();
    const outcome = await stopServer(record);
    announce(`${record.name} (pid ${record.pid}): ${outcome} (${seconds(started)})`);
  }));
};

module.exports = { root, startServer, startServers, stopServer, stopServers, answers };
