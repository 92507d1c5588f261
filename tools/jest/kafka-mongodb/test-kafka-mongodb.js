// Finds Kafka (KAFKA_BROKERS) and a MongoDB-wire server (MONGODB_URL) for the
// test run, in this order, separately for each:
// 1. the variable, if set: used as is, never stopped by us;
// 2. a Docker engine that answers: testcontainers (apache/kafka, mongo);
// 3. otherwise local processes through tools/infra (Kafka from Maven Central
//    jars, FerretDB with SQLite), the same code `npm run infra:up` runs, in a
//    temporary run directory so a set started by infra:up is left alone.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { dockerAnswers } = require('../postgres/test-postgres');
const { kafkaServer } = require('../../infra/kafka');
const { ferretdbServer } = require('../../infra/ferretdb');
const { startServers, stopServers } = require('../../infra/servers');
const { freePort, seconds } = require('../../infra/processes');

const announce = (message) => console.log(`[jest] ${message}`);

const wanted = [
  { variable: 'KAFKA_BROKERS', server: kafkaServer },
  { variable: 'MONGODB_URL', server: ferretdbServer },
];

// The Docker branch cannot be exercised on the machines this was written on
// (no Docker engine there); it is kept deliberately plain.
const containers = {
  /**
   * The broker must advertise an address the host can reach, which is only
   * known before start if the host port is fixed: so the same free port
   * inside and out. Assumes the engine publishes on localhost (no remote DOCKER_HOST).
   */
  KAFKA_BROKERS: async ({ GenericContainer, Wait }) => {
    const port = await freePort();
    const container = await new GenericContainer('apache/kafka:3.9.1')
      .withExposedPorts({ container: port, host: port })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${port}`,
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start();
    return { url: `localhost:${port}`, description: 'Docker container apache/kafka:3.9.1', stop: () => container.stop() };
  },
  MONGODB_URL: async ({ GenericContainer, Wait }) => {
    const container = await new GenericContainer('mongo:7')
      .withExposedPorts(27017)
      .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
      .start();
    return { url: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/`, description: 'Docker container mongo:7', stop: () => container.stop() };
  },
};

/** Both return { entries: [{ variable, url }], stop }. */
const fromDocker = async (variables) => {
  const testcontainers = require('testcontainers');
  const entries = [];
  const stopAll = () => Promise.all(entries.map((entry) => entry.stop().catch(() => undefined)));
  try {
    for (const variable of variables) entries.push({ variable, ...(await containers[variable](testcontainers)) });
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { entries, stop: stopAll };
};

const fromLocalProcesses = async (variables) => {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-test-infra-'));
  const servers = wanted.filter((entry) => variables.includes(entry.variable)).map((entry) => entry.server);
  let records;
  try {
    records = await startServers(servers, { runDir, announce });
  } catch (error) {
    fs.rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  // The servers are detached; if Jest dies without running globalTeardown, do not leave them behind.
  const onExit = () => {
    for (const record of records) {
      try {
        process.kill(-record.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const entries = records.map((record) => ({
    variable: Object.keys(record.env)[0],
    url: record.url,
  }));
  const stop = async () => {
    await stopServers(records, { announce });
    process.removeListener('exit', onExit);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  return { entries, stop };
};

/**
 * Resolves to { env, stop }: the variables to export to the test workers, and
 * a stop for whatever was started here (nothing for variables we were given).
 */
const startTestKafkaAndMongo = async () => {
  const missing = wanted.map((entry) => entry.variable).filter((variable) => !process.env[variable]);
  for (const variable of wanted.map((entry) => entry.variable).filter((name) => !missing.includes(name))) {
    announce(`${variable} from the environment`);
  }
  let started;
  if (missing.length > 0 && (await dockerAnswers())) {
    const since = Date.now();
    try {
      started = await fromDocker(missing);
      for (const entry of started.entries) announce(`${entry.variable}: ${entry.description} at ${entry.url} (${seconds(since)})`);
    } catch (error) {
      console.warn(`Docker answered but the Kafka/MongoDB containers did not start (${error.message}); trying local processes.`);
    }
  }
  if (missing.length > 0 && !started) started = await fromLocalProcesses(missing);
  return {
    env: Object.fromEntries((started ? started.entries : []).map((entry) => [entry.variable, entry.url])),
    stop: started ? started.stop : async () => undefined,
  };
};

module.exports = { startTestKafkaAndMongo };
