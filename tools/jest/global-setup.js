// Jest globalSetup (plain JS: Jest loads it without a transform). Provides the
// servers integration and end-to-end specs need, through variables the test
// workers inherit:
// - DATABASE_URL: PostgreSQL (tools/jest/postgres). Specs create their own
//   database on it (createTestDatabase in @meridian/platform/testing).
// - KAFKA_BROKERS and MONGODB_URL: Kafka and a MongoDB-wire server
//   (tools/jest/kafka-mongodb). Specs use unique topic, group and database names.
// Each comes from the environment if set, else testcontainers when Docker
// answers, else local processes. They start in parallel.
const { startTestPostgres } = require('./postgres/test-postgres');
const { startTestKafkaAndMongo } = require('./kafka-mongodb/test-kafka-mongodb');
const { seconds } = require('../infra/processes');

/**
 * The projects named by `--selectProjects`, or undefined for all. Jest does not
 * pass them to globalSetup (its globalConfig has no such field), so they are
 * read from the command line, the way Jest's own parser (greedy array) does.
 */
const selectedProjects = (argv) => {
  const index = argv.findIndex((arg) => arg === '--selectProjects' || arg.startsWith('--selectProjects='));
  if (index === -1) return undefined;
  if (argv[index].includes('=')) return argv[index].slice(argv[index].indexOf('=') + 1).split(',');
  const rest = argv.slice(index + 1);
  const end = rest.findIndex((arg) => arg.startsWith('-'));
  return end === -1 ? rest : rest.slice(0, end);
};

/** A run restricted to the unit project (`--selectProjects unit`) needs no server. */
const mayNeedServers = () => {
  const projects = selectedProjects(process.argv);
  return !projects || projects.some((project) => project !== 'unit');
};

const startPostgres = async () => {
  if (process.env.DATABASE_URL) {
    console.log('[jest] DATABASE_URL from the environment');
    return undefined;
  }
  const started = Date.now();
  const server = await startTestPostgres();
  console.log(`[jest] DATABASE_URL: ${server.description} (${seconds(started)})`);
  process.env.DATABASE_URL = server.url;
  return server;
};

const startKafkaAndMongo = async () => {
  const servers = await startTestKafkaAndMongo();
  Object.assign(process.env, servers.env);
  return servers;
};

module.exports = async function globalSetup() {
  if (!mayNeedServers()) return;
  console.log('');
  const [postgres, kafkaAndMongo] = await Promise.allSettled([startPostgres(), startKafkaAndMongo()]);
  // globalTeardown runs in this same process and stops what we started.
  globalThis.__meridianTestPostgres = postgres.status === 'fulfilled' ? postgres.value : undefined;
  globalThis.__meridianTestKafkaAndMongo = kafkaAndMongo.status === 'fulfilled' ? kafkaAndMongo.value : undefined;
  const failed = [postgres, kafkaAndMongo].filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    // Jest skips globalTeardown when globalSetup throws: stop the rest here.
    await require('./global-teardown')();
    throw new Error(failed.map((result) => result.reason.message).join('\n\n'));
  }
};
